import { asc, eq, lte } from 'drizzle-orm';
import type { Db } from '../db/database.js';
import { membershipChecks } from '../db/schema.js';

/** Up to `limit` persons whose status must be looked at by `today`, earliest day first. */
export function dueMembershipChecks(db: Db, today: string, limit: number): number[] {
  return db
    .select({ memberId: membershipChecks.memberId })
    .from(membershipChecks)
    .where(lte(membershipChecks.dueOn, today))
    .orderBy(asc(membershipChecks.dueOn))
    .limit(limit)
    .all()
    .map((row) => row.memberId);
}

/** The day the person's status must be looked at again. */
export function scheduleMembershipCheck(db: Db, memberId: number, dueOn: string): void {
  db.insert(membershipChecks)
    .values({ memberId, dueOn })
    .onConflictDoUpdate({ target: membershipChecks.memberId, set: { dueOn } })
    .run();
}

/** No check for this record (merged into another, or no participation left). */
export function dropMembershipCheck(db: Db, memberId: number): void {
  db.delete(membershipChecks).where(eq(membershipChecks.memberId, memberId)).run();
}

/** Looks at the person's status at the next run (a person without a check has nothing to be told). */
export function bringMembershipCheckForward(db: Db, memberId: number): void {
  db.update(membershipChecks).set({ dueOn: '0000-01-01' }).where(eq(membershipChecks.memberId, memberId)).run();
}
