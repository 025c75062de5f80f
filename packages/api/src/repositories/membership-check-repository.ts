import { asc, eq, lte, sql } from 'drizzle-orm';
import type { Db } from '../db/database.js';
import { membershipChecks } from '../db/schema.js';
import { prepared } from './prepared.js';

/** Every statement of this file runs once per person checked or paid for: each is prepared once. */
const checkQueries = (db: Db) =>
  prepared(db, 'membershipChecks', (d) => ({
    due: d
      .select({ memberId: membershipChecks.memberId })
      .from(membershipChecks)
      .where(lte(membershipChecks.dueOn, sql.placeholder('today')))
      .orderBy(asc(membershipChecks.dueOn))
      .limit(sql.placeholder('limit'))
      .prepare(),
    schedule: d
      .insert(membershipChecks)
      .values({ memberId: sql.placeholder('memberId'), dueOn: sql.placeholder('dueOn') })
      .onConflictDoUpdate({ target: membershipChecks.memberId, set: { dueOn: sql`excluded.due_on` } })
      .prepare(),
    drop: d
      .delete(membershipChecks)
      .where(eq(membershipChecks.memberId, sql.placeholder('memberId')))
      .prepare(),
    bringForward: d
      .update(membershipChecks)
      .set({ dueOn: '0000-01-01' })
      .where(eq(membershipChecks.memberId, sql.placeholder('memberId')))
      .prepare(),
  }));

/** Up to `limit` persons whose status must be looked at by `today`, earliest day first. */
export function dueMembershipChecks(db: Db, today: string, limit: number): number[] {
  return checkQueries(db)
    .due.all({ today, limit })
    .map((row) => row.memberId);
}

/** The day the person's status must be looked at again. */
export function scheduleMembershipCheck(db: Db, memberId: number, dueOn: string): void {
  checkQueries(db).schedule.run({ memberId, dueOn });
}

/** No check for this record (merged into another, or no participation left). */
export function dropMembershipCheck(db: Db, memberId: number): void {
  checkQueries(db).drop.run({ memberId });
}

/** Looks at the person's status at the next run (a person without a check has nothing to be told). */
export function bringMembershipCheckForward(db: Db, memberId: number): void {
  checkQueries(db).bringForward.run({ memberId });
}
