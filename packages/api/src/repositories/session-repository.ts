import { and, eq, isNull, sql } from 'drizzle-orm';
import type { Db } from '../db/database.js';
import { type StaffRole, sessions, staffTokens, staffUsers } from '../db/schema.js';
import { hashToken, newToken } from '../security/tokens.js';
import type { MemberViewKind, StoredMemberView } from './member-view-repository.js';
import { prepared, rawStatement } from './prepared.js';

const MINUTE = 60_000;
export const SESSION_IDLE_MS = 30 * MINUTE;
export const SESSION_ABSOLUTE_MS = 12 * 60 * MINUTE;
/** Writing last-seen on every request would turn each read into a write. */
const LAST_SEEN_WRITE_INTERVAL_MS = MINUTE;
/** A staff token lasts one working day. */
export const STAFF_TOKEN_MS = 10 * 60 * MINUTE;

export interface MemberSession {
  readonly accountId: number;
  readonly memberId: number;
  readonly createdAt: string;
}

export function createMemberSession(db: Db, accountId: number, now: Date, userAgent = ''): string {
  const token = newToken();
  db.insert(sessions)
    .values({
      tokenHash: hashToken(token),
      accountId,
      createdAt: now.toISOString(),
      lastSeenAt: now.toISOString(),
      authenticatedAt: now.toISOString(),
      userAgent: userAgent.slice(0, 200),
      expiresAt: new Date(now.getTime() + SESSION_ABSOLUTE_MS).toISOString(),
    })
    .run();
  return token;
}

/** The hot queries of this file, prepared once per connection (see `prepared.ts`). */
export const sessionQueries = (db: Db) =>
  prepared(db, 'sessions', (d) => ({
    touchSession: d
      .update(sessions)
      .set({ lastSeenAt: sql`${sql.placeholder('now')}` })
      .where(eq(sessions.tokenHash, sql.placeholder('tokenHash')))
      .prepare(),
    authenticatedAt: d
      .select({ at: sessions.authenticatedAt })
      .from(sessions)
      .where(eq(sessions.tokenHash, sql.placeholder('tokenHash')))
      .prepare(),
    /** Every staff request (CLI): the token by its hash, with the staff user's current role. */
    staffByTokenHash: d
      .select({
        staffId: staffUsers.id,
        username: staffUsers.username,
        role: staffUsers.role,
        branchCode: staffUsers.branchCode,
        disabledAt: staffUsers.disabledAt,
        expiresAt: staffTokens.expiresAt,
      })
      .from(staffTokens)
      .innerJoin(staffUsers, eq(staffUsers.id, staffTokens.staffId))
      .where(and(eq(staffTokens.tokenHash, sql.placeholder('tokenHash')), isNull(staffTokens.revokedAt)))
      .prepare(),
  }));

/** Every member request: the live session by its token hash, with its account. */
export const MEMBER_SESSION_SQL = `SELECT s.account_id, a.member_id, s.created_at, s.last_seen_at, s.expires_at, a.state
FROM sessions s JOIN accounts a ON a.id = s.account_id
WHERE s.token_hash = ? AND s.revoked_at IS NULL`;

type MemberSessionColumns = [number, number, string, string, string, string];

/**
 * The session of a row of `MEMBER_SESSION_SQL`'s first six columns, if it is live at `now`; its
 * last-seen time is written at most once a minute (writing it on every request would turn each
 * read into a write).
 */
function liveSession(db: Db, tokenHash: string, row: MemberSessionColumns, now: Date): MemberSession | null {
  const [accountId, memberId, createdAt, lastSeenAt, expiresAt, accountState] = row;
  if (accountState !== 'active') return null;
  const nowMs = now.getTime();
  const lastSeenMs = Date.parse(lastSeenAt);
  if (nowMs >= Date.parse(expiresAt) || nowMs - lastSeenMs >= SESSION_IDLE_MS) return null;
  if (nowMs - lastSeenMs >= LAST_SEEN_WRITE_INTERVAL_MS) {
    sessionQueries(db).touchSession.run({ tokenHash, now: now.toISOString() });
  }
  return { accountId, memberId, createdAt };
}

export function findMemberSession(db: Db, token: string, now: Date): MemberSession | null {
  const tokenHash = hashToken(token);
  const row = rawStatement(db, MEMBER_SESSION_SQL).get(tokenHash) as MemberSessionColumns | undefined;
  return row === undefined ? null : liveSession(db, tokenHash, row, now);
}

/**
 * Every member request whose procedure serves a stored view (`member-views/`): the live
 * session and, in the same statement, the stored view of its member, so that such a request
 * reads one row in all. The session is checked exactly as `findMemberSession` checks it.
 */
export const MEMBER_SESSION_VIEW_SQL = `SELECT s.account_id, a.member_id, s.created_at, s.last_seen_at, s.expires_at, a.state,
  v.as_of, v.valid_until, v.version, v.body
FROM sessions s JOIN accounts a ON a.id = s.account_id
LEFT JOIN member_views v ON v.member_id = a.member_id AND v.kind = ?
WHERE s.token_hash = ? AND s.revoked_at IS NULL`;

type MemberSessionViewColumns = [...MemberSessionColumns, string | null, string | null, number | null, string | null];

export function findMemberSessionWithView(
  db: Db,
  token: string,
  now: Date,
  kind: MemberViewKind,
): { session: MemberSession; view: StoredMemberView | null } | null {
  const tokenHash = hashToken(token);
  const row = rawStatement(db, MEMBER_SESSION_VIEW_SQL).get(kind, tokenHash) as MemberSessionViewColumns | undefined;
  if (row === undefined) return null;
  const session = liveSession(db, tokenHash, row.slice(0, 6) as MemberSessionColumns, now);
  if (session === null) return null;
  const [asOf, validUntil, version, body] = row.slice(6) as [string | null, string, number, string];
  return { session, view: asOf === null ? null : { asOf, validUntil, version, body } };
}

export function findSessionAuthenticatedAt(db: Db, token: string): string | null {
  return sessionQueries(db).authenticatedAt.get({ tokenHash: hashToken(token) })?.at ?? null;
}

export function revokeMemberSession(db: Db, token: string, now: Date): void {
  db.update(sessions)
    .set({ revokedAt: now.toISOString() })
    .where(and(eq(sessions.tokenHash, hashToken(token)), isNull(sessions.revokedAt)))
    .run();
}

export interface StaffIdentity {
  readonly staffId: number;
  readonly username: string;
  readonly role: StaffRole;
  /** The branch office of a branch officer or supervisor; null for central staff. */
  readonly branchCode: string | null;
}

export function createStaffToken(db: Db, staffId: number, now: Date): { token: string; expiresAt: string } {
  const token = newToken();
  const expiresAt = new Date(now.getTime() + STAFF_TOKEN_MS).toISOString();
  db.insert(staffTokens)
    .values({ tokenHash: hashToken(token), staffId, createdAt: now.toISOString(), expiresAt })
    .run();
  return { token, expiresAt };
}

export function findStaffByToken(db: Db, token: string, now: Date): StaffIdentity | null {
  const row = sessionQueries(db).staffByTokenHash.get({ tokenHash: hashToken(token) });
  if (!row || row.disabledAt !== null || now.getTime() >= Date.parse(row.expiresAt)) return null;
  return { staffId: row.staffId, username: row.username, role: row.role, branchCode: row.branchCode };
}
