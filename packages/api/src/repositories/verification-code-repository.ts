import { randomBytes, randomUUID, timingSafeEqual } from 'node:crypto';
import { canAttemptCode, codeFromRandomBytes, DEFAULT_CODE_POLICY, normalizeCodeInput } from '@pulih/domain';
import { and, desc, eq, inArray, isNull, sql } from 'drizzle-orm';
import type { Db } from '../db/database.js';
import { type VerificationPurpose, verificationCodes } from '../db/schema.js';
import { type AttemptTicket, giveBackAttempt, takeAttempt } from '../security/attempt-budget.js';
import { hashToken, keyedHash, newToken } from '../security/tokens.js';

export type VerificationRow = typeof verificationCodes.$inferSelect;

export interface IssueRequest {
  readonly purpose: VerificationPurpose;
  readonly accountId: number | null;
  readonly memberId: number | null;
  /** The address the code goes to (normalised email or E.164 phone). */
  readonly destination: string;
  readonly payload?: Readonly<Record<string, string | number | null>>;
  /** Lifetime of the row (and of its link token, when one is issued). */
  readonly validityMinutes: number;
  /** A code has its own, shorter, lifetime when it shares a row with a link (password reset). */
  readonly codeValidityMinutes?: number;
  readonly withCode: boolean;
  readonly withToken: boolean;
  /** A token chosen by the caller (e.g. a short pairing code to type), instead of a random 256-bit one. */
  readonly token?: string;
}

export interface IssuedSecret {
  readonly id: string;
  readonly code: string | null;
  readonly token: string | null;
}

export const destinationKey = (secret: string, destination: string): string =>
  keyedHash(secret, `destination:${destination}`);

const codeHash = (secret: string, id: string, code: string): string => keyedHash(secret, `code:${id}:${code}`);

function newCode(): string {
  const code = codeFromRandomBytes(randomBytes(16), DEFAULT_CODE_POLICY.digits);
  if (!code.ok) throw new Error('not enough randomness for a one-time code');
  return code.value;
}

/**
 * Issues a one-time code and/or link token. Earlier open codes for the same purpose and
 * destination are closed, so only the newest one works.
 */
export function issueVerification(db: Db, secret: string, request: IssueRequest, now: Date): IssuedSecret {
  const id = randomUUID();
  const code = request.withCode ? newCode() : null;
  const token = request.withToken ? (request.token ?? newToken()) : null;
  const destinationHash = destinationKey(secret, request.destination);
  const payload: Record<string, string | number | null> = { ...request.payload };
  if (code && request.codeValidityMinutes !== undefined) {
    payload.codeExpiresAt = new Date(now.getTime() + request.codeValidityMinutes * 60_000).toISOString();
  }
  db.update(verificationCodes)
    .set({ consumedAt: now.toISOString() })
    .where(
      and(
        eq(verificationCodes.destinationHash, destinationHash),
        eq(verificationCodes.purpose, request.purpose),
        isNull(verificationCodes.consumedAt),
      ),
    )
    .run();
  db.insert(verificationCodes)
    .values({
      id,
      purpose: request.purpose,
      accountId: request.accountId,
      memberId: request.memberId,
      destinationHash,
      codeHash: code ? codeHash(secret, id, code) : null,
      tokenHash: token ? hashToken(token) : null,
      payload: JSON.stringify(payload),
      createdAt: now.toISOString(),
      expiresAt: new Date(now.getTime() + request.validityMinutes * 60_000).toISOString(),
    })
    .run();
  return { id, code, token };
}

export type CodeCheck =
  | { readonly ok: true; readonly row: VerificationRow; readonly payload: Record<string, string | number | null> }
  | { readonly ok: false; readonly accountId: number | null };

/** Where to look for the code a caller typed: by destination or by account. */
export type CodeLookup =
  | { readonly by: 'destination'; readonly destination: string; readonly purposes: readonly VerificationPurpose[] }
  | { readonly by: 'account'; readonly accountId: number; readonly purposes: readonly VerificationPurpose[] }
  | { readonly by: 'id'; readonly id: string; readonly purposes: readonly VerificationPurpose[] };

function lookupCondition(secret: string, lookup: CodeLookup) {
  switch (lookup.by) {
    case 'destination':
      return eq(verificationCodes.destinationHash, destinationKey(secret, lookup.destination));
    case 'account':
      return eq(verificationCodes.accountId, lookup.accountId);
    case 'id':
      return eq(verificationCodes.id, lookup.id);
  }
}

const issuedByStaff = (row: VerificationRow): boolean =>
  (JSON.parse(row.payload) as { issuedBy?: unknown }).issuedBy === 'staff';

/**
 * Checks a typed code against the newest open code and consumes it atomically: of two
 * concurrent correct submissions exactly one wins. A wrong code counts an attempt. A code staff
 * issued after a verified case (printed at the counter, texted by the call center) is checked
 * too when a newer one was asked for on the web since: a request anyone who knows the KPJ can
 * make must not void the code the member carries home from the branch.
 */
export function attemptCode(db: Db, secret: string, lookup: CodeLookup, input: string, now: Date): CodeCheck {
  const open = db
    .select()
    .from(verificationCodes)
    .where(
      and(
        lookupCondition(secret, lookup),
        inArray(verificationCodes.purpose, [...lookup.purposes]),
        isNull(verificationCodes.consumedAt),
        sql`${verificationCodes.codeHash} is not null`,
      ),
    )
    .orderBy(desc(verificationCodes.createdAt))
    .limit(10)
    .all();
  // The newest open code of each issuer, newest first.
  const newestSelf = open.find((row) => !issuedByStaff(row));
  const newestStaff = open.find(issuedByStaff);
  const candidates = [newestSelf, newestStaff]
    .filter((row): row is VerificationRow => row !== undefined)
    .sort((a, b) => b.createdAt.localeCompare(a.createdAt));
  const first = candidates[0];
  if (!first) return { ok: false, accountId: null };
  const typed = normalizeCodeInput(input);
  const isUsable = (row: VerificationRow) => {
    const payload = JSON.parse(row.payload) as Record<string, string | number | null>;
    const expiresAt = typeof payload.codeExpiresAt === 'string' ? payload.codeExpiresAt : row.expiresAt;
    return canAttemptCode({ expiresAt, attempts: row.attempts, consumedAt: row.consumedAt }, now).ok;
  };
  let comparable = candidates.filter(isUsable);
  // A guess that will be compared takes one attempt from the member's hourly budget of failed
  // checks first; when it is spent only codes issued by staff are compared (so that a member
  // locked out on the web can recover at the branch or the call center) and the others keep
  // their tries.
  let ticket: AttemptTicket | null = null;
  if (comparable.length > 0 && first.memberId !== null) {
    ticket = takeAttempt(db, secret, first.memberId, now);
    if (!ticket.allowed) {
      comparable = comparable.filter(issuedByStaff);
      if (comparable.length === 0) return { ok: false, accountId: null };
    }
  }
  for (const row of comparable) {
    const expected = Buffer.from(row.codeHash ?? '', 'hex');
    const actual = Buffer.from(codeHash(secret, row.id, typed ?? ''), 'hex');
    if (typed !== null && expected.length === actual.length && timingSafeEqual(expected, actual)) {
      if (ticket) giveBackAttempt(db, ticket);
      return consume(db, row, JSON.parse(row.payload) as Record<string, string | number | null>, now);
    }
  }
  const tried = comparable.length > 0 ? comparable : [first];
  db.update(verificationCodes)
    .set({ attempts: sql`${verificationCodes.attempts} + 1` })
    .where(
      inArray(
        verificationCodes.id,
        tried.map((row) => row.id),
      ),
    )
    .run();
  return { ok: false, accountId: first.accountId };
}

/** Consumes the open row behind a link token; null when unknown, used or expired. */
export function consumeToken(db: Db, purposes: readonly VerificationPurpose[], token: string, now: Date): CodeCheck {
  const row = db
    .select()
    .from(verificationCodes)
    .where(and(eq(verificationCodes.tokenHash, hashToken(token)), inArray(verificationCodes.purpose, [...purposes])))
    .get();
  if (!row || row.consumedAt !== null || Date.parse(row.expiresAt) <= now.getTime()) {
    return { ok: false, accountId: row?.accountId ?? null };
  }
  return consume(db, row, JSON.parse(row.payload) as Record<string, string | number | null>, now);
}

function consume(db: Db, row: VerificationRow, payload: Record<string, string | number | null>, now: Date): CodeCheck {
  const result = db
    .update(verificationCodes)
    .set({ consumedAt: now.toISOString() })
    .where(and(eq(verificationCodes.id, row.id), isNull(verificationCodes.consumedAt)))
    .run();
  return result.changes === 1 ? { ok: true, row, payload } : { ok: false, accountId: row.accountId };
}
