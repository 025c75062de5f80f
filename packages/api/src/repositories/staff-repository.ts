import { and, asc, count, eq, gt, isNull, lt, or } from 'drizzle-orm';
import type { Db } from '../db/database.js';
import { type StaffRole, staffTokens, staffUsers } from '../db/schema.js';

/** Everything staff login needs, secrets included: never hand this to a client. */
export interface StaffLoginCandidate {
  readonly staffId: number;
  readonly username: string;
  readonly fullName: string;
  readonly role: StaffRole;
  readonly passwordHash: string;
  readonly totpSecretEncrypted: string | null;
  readonly totpEnrolledAt: string | null;
  readonly disabledAt: string | null;
}

export function findStaffLoginCandidate(db: Db, username: string): StaffLoginCandidate | null {
  return (
    db
      .select({
        staffId: staffUsers.id,
        username: staffUsers.username,
        fullName: staffUsers.fullName,
        role: staffUsers.role,
        passwordHash: staffUsers.passwordHash,
        totpSecretEncrypted: staffUsers.totpSecretEncrypted,
        totpEnrolledAt: staffUsers.totpEnrolledAt,
        disabledAt: staffUsers.disabledAt,
      })
      .from(staffUsers)
      .where(eq(staffUsers.username, username))
      .get() ?? null
  );
}

/** Keeps a generated, not yet confirmed TOTP secret (encrypted) until the first valid code. */
export function setPendingTotpSecret(db: Db, staffId: number, totpSecretEncrypted: string): void {
  db.update(staffUsers).set({ totpSecretEncrypted, totpEnrolledAt: null }).where(eq(staffUsers.id, staffId)).run();
}

export function markTotpEnrolled(db: Db, staffId: number, now: Date): void {
  db.update(staffUsers).set({ totpEnrolledAt: now.toISOString() }).where(eq(staffUsers.id, staffId)).run();
}

export interface NewStaffUser {
  readonly username: string;
  readonly fullName: string;
  readonly role: StaffRole;
  readonly passwordHash: string;
}

/** Null when the username is taken. */
export function insertStaffUser(db: Db, user: NewStaffUser, now: Date): number | null {
  const row = db
    .insert(staffUsers)
    .values({ ...user, createdAt: now.toISOString() })
    .onConflictDoNothing({ target: staffUsers.username })
    .returning({ id: staffUsers.id })
    .get();
  return row?.id ?? null;
}

/** A staff user as administrators see them: no password hash, no TOTP secret. */
export interface StaffSummary {
  readonly staffId: number;
  readonly username: string;
  readonly fullName: string;
  readonly role: StaffRole;
  readonly totpEnrolled: boolean;
  readonly disabledAt: string | null;
  readonly createdAt: string;
  /** Tokens neither revoked nor expired at `now`. */
  readonly activeTokens: number;
}

function activeTokenCounts(db: Db, now: Date): Map<number, number> {
  const rows = db
    .select({ staffId: staffTokens.staffId, active: count() })
    .from(staffTokens)
    .where(and(isNull(staffTokens.revokedAt), gt(staffTokens.expiresAt, now.toISOString())))
    .groupBy(staffTokens.staffId)
    .all();
  return new Map(rows.map((row) => [row.staffId, row.active]));
}

const summaryColumns = {
  staffId: staffUsers.id,
  username: staffUsers.username,
  fullName: staffUsers.fullName,
  role: staffUsers.role,
  totpEnrolledAt: staffUsers.totpEnrolledAt,
  disabledAt: staffUsers.disabledAt,
  createdAt: staffUsers.createdAt,
};

export function listStaffUsers(db: Db, now: Date): StaffSummary[] {
  const active = activeTokenCounts(db, now);
  return db
    .select(summaryColumns)
    .from(staffUsers)
    .orderBy(asc(staffUsers.username))
    .all()
    .map(({ totpEnrolledAt, ...row }) => ({
      ...row,
      totpEnrolled: totpEnrolledAt !== null,
      activeTokens: active.get(row.staffId) ?? 0,
    }));
}

export function findStaffSummary(db: Db, username: string, now: Date): StaffSummary | null {
  const row = db.select(summaryColumns).from(staffUsers).where(eq(staffUsers.username, username)).get();
  if (!row) return null;
  const { totpEnrolledAt, ...rest } = row;
  return {
    ...rest,
    totpEnrolled: totpEnrolledAt !== null,
    activeTokens: activeTokenCounts(db, now).get(row.staffId) ?? 0,
  };
}

export function disableStaffUser(db: Db, staffId: number, now: Date): void {
  db.update(staffUsers)
    .set({ disabledAt: now.toISOString() })
    .where(and(eq(staffUsers.id, staffId), isNull(staffUsers.disabledAt)))
    .run();
}

export function setStaffRole(db: Db, staffId: number, role: StaffRole): void {
  db.update(staffUsers).set({ role }).where(eq(staffUsers.id, staffId)).run();
}

/** Revokes every live token of a staff user; returns how many were revoked. */
export function revokeStaffTokens(db: Db, staffId: number, now: Date): number {
  return db
    .update(staffTokens)
    .set({ revokedAt: now.toISOString() })
    .where(
      and(
        eq(staffTokens.staffId, staffId),
        isNull(staffTokens.revokedAt),
        gt(staffTokens.expiresAt, now.toISOString()),
      ),
    )
    .run().changes;
}

/**
 * Records the TOTP time step of a login; false when that step (or a later one) was already
 * used, so a code read over a shoulder cannot be replayed. Atomic for concurrent logins.
 */
export function claimTotpStep(db: Db, staffId: number, step: number): boolean {
  return (
    db
      .update(staffUsers)
      .set({ totpLastStep: step })
      .where(and(eq(staffUsers.id, staffId), or(isNull(staffUsers.totpLastStep), lt(staffUsers.totpLastStep, step))))
      .run().changes === 1
  );
}
