import { and, eq, gte, isNull, ne, sql } from 'drizzle-orm';
import type { Db } from '../db/database.js';
import { accountControlProofs, accounts, memberContacts, members, sessions } from '../db/schema.js';
import { hashToken } from '../security/tokens.js';
import { getMemberRecord, type MemberRecord } from './member-repository.js';
import { prepared } from './prepared.js';

export type AccountRow = typeof accounts.$inferSelect;

export const findAccountById = (db: Db, accountId: number): AccountRow | null =>
  db.select().from(accounts).where(eq(accounts.id, accountId)).get() ?? null;

/** Read for every notice (its language) and many member paths: prepared once. */
export const findAccountByMemberId = (db: Db, memberId: number): AccountRow | null =>
  prepared(db, 'accounts.byMemberId', (d) =>
    d
      .select()
      .from(accounts)
      .where(eq(accounts.memberId, sql.placeholder('memberId')))
      .prepare(),
  ).get({ memberId }) ?? null;

export function findMemberIdByNik(db: Db, nik: string): number | null {
  return db.select({ id: members.id }).from(members).where(eq(members.nik, nik)).get()?.id ?? null;
}

/** The member whose registered email this is, if any. */
export function findMemberIdByEmail(db: Db, email: string): number | null {
  return (
    db.select({ id: memberContacts.memberId }).from(memberContacts).where(eq(memberContacts.email, email)).get()?.id ??
    null
  );
}

/** Creates the pending account of a new registration, or renews a pending one. */
export function upsertPendingAccount(
  db: Db,
  memberId: number,
  passwordHash: string,
  locale: 'id' | 'en',
  now: Date,
): number {
  const existing = findAccountByMemberId(db, memberId);
  if (existing) {
    db.update(accounts).set({ passwordHash, locale }).where(eq(accounts.id, existing.id)).run();
    return existing.id;
  }
  return db
    .insert(accounts)
    .values({ memberId, passwordHash, locale, state: 'pending', createdAt: now.toISOString() })
    .returning({ id: accounts.id })
    .get().id;
}

export function activateAccount(db: Db, accountId: number): void {
  db.update(accounts).set({ state: 'active' }).where(eq(accounts.id, accountId)).run();
}

/**
 * Sets the member's contact record. Fields left undefined are kept; a changed email or phone
 * carries its own verification time.
 */
export function updateContact(
  db: Db,
  memberId: number,
  change: {
    readonly email?: string | null;
    readonly emailVerifiedAt?: string | null;
    readonly phone?: string | null;
    readonly phoneVerifiedAt?: string | null;
    readonly confirmedAt?: string | null;
  },
  now: Date,
): void {
  const values = { ...change, updatedAt: now.toISOString() };
  const updated = db.update(memberContacts).set(values).where(eq(memberContacts.memberId, memberId)).run();
  if (updated.changes === 0)
    db.insert(memberContacts)
      .values({ memberId, ...values })
      .run();
}

export function setPassword(db: Db, accountId: number, passwordHash: string, now: Date): void {
  db.update(accounts)
    .set({
      passwordHash,
      passwordChangedAt: now.toISOString(),
      failedAttempts: 0,
      state: sql`case when ${accounts.state} = 'locked' then 'active' else ${accounts.state} end`,
    })
    .where(eq(accounts.id, accountId))
    .run();
}

export function freezeAccount(db: Db, accountId: number, reason: string, now: Date): void {
  db.update(accounts)
    .set({ state: 'frozen', frozenAt: now.toISOString(), frozenReason: reason })
    .where(eq(accounts.id, accountId))
    .run();
}

/** Counts a failed password or code; at the lockout threshold the account locks. */
export function countFailure(db: Db, accountId: number, lockAt: number): number {
  const row = db
    .update(accounts)
    .set({
      failedAttempts: sql`${accounts.failedAttempts} + 1`,
      state: sql`case when ${accounts.failedAttempts} + 1 >= ${lockAt} and ${accounts.state} = 'active' then 'locked' else ${accounts.state} end`,
    })
    .where(eq(accounts.id, accountId))
    .returning({ failedAttempts: accounts.failedAttempts })
    .get();
  return row?.failedAttempts ?? 0;
}

export function resetFailures(db: Db, accountId: number): void {
  db.update(accounts).set({ failedAttempts: 0 }).where(eq(accounts.id, accountId)).run();
}

/** Ends every session of the account except, optionally, the caller's own. */
export function revokeSessions(db: Db, accountId: number, now: Date, keepToken?: string): number {
  const conditions = [eq(sessions.accountId, accountId), isNull(sessions.revokedAt)];
  if (keepToken) conditions.push(ne(sessions.tokenHash, hashToken(keepToken)));
  return db
    .update(sessions)
    .set({ revokedAt: now.toISOString() })
    .where(and(...conditions))
    .run().changes;
}

export function markReauthenticated(db: Db, token: string, now: Date): void {
  db.update(sessions)
    .set({ authenticatedAt: now.toISOString() })
    .where(eq(sessions.tokenHash, hashToken(token)))
    .run();
}

export function listActiveSessions(db: Db, accountId: number, now: Date) {
  return db
    .select({
      tokenHash: sessions.tokenHash,
      createdAt: sessions.createdAt,
      lastSeenAt: sessions.lastSeenAt,
      userAgent: sessions.userAgent,
      expiresAt: sessions.expiresAt,
    })
    .from(sessions)
    .where(and(eq(sessions.accountId, accountId), isNull(sessions.revokedAt)))
    .all()
    .filter((s) => Date.parse(s.expiresAt) > now.getTime());
}

export function requireMemberRecord(db: Db, memberId: number): MemberRecord {
  const record = getMemberRecord(db, memberId);
  if (!record) throw new Error(`member ${memberId} vanished`);
  return record;
}

/** The account state the recovery policy knows: a closed duplicate account counts as no account. */
export const accountStateForRecovery = (
  account: AccountRow | null,
): 'none' | 'pending' | 'active' | 'locked' | 'frozen' =>
  !account || account.state === 'closed' ? 'none' : account.state;

/** Closes a duplicate account for good: it no longer logs in, and its sessions end. */
export function closeAccount(db: Db, accountId: number, reason: string, now: Date): void {
  db.update(accounts)
    .set({ state: 'closed', closedAt: now.toISOString(), closedReason: reason })
    .where(eq(accounts.id, accountId))
    .run();
  revokeSessions(db, accountId, now);
}

/** Records that the member logged in to `accountId` proved control of `provenAccountId`. */
export function recordControlProof(
  db: Db,
  accountId: number,
  provenAccountId: number,
  method: 'password' | 'email_code',
  now: Date,
): void {
  db.insert(accountControlProofs)
    .values({ accountId, provenAccountId, method, provenAt: now.toISOString() })
    .onConflictDoUpdate({
      target: [accountControlProofs.accountId, accountControlProofs.provenAccountId],
      set: { method, provenAt: now.toISOString() },
    })
    .run();
}

/** Accounts this account proved control of since `sinceIso`. */
export function provenAccountIds(db: Db, accountId: number, sinceIso: string): number[] {
  return db
    .select({ id: accountControlProofs.provenAccountId })
    .from(accountControlProofs)
    .where(and(eq(accountControlProofs.accountId, accountId), gte(accountControlProofs.provenAt, sinceIso)))
    .all()
    .map((r) => r.id);
}
