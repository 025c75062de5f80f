import type { Db } from '../db/database.js';
import { checkDueMemberships, type MembershipCheckRun } from './membership-checks.js';
import { type MissingContributionScan, scanMissingContributions } from './missing-contributions.js';
import { sendPendingJhtNotices } from './pending-jht-notices.js';

export interface JhtNoticeJobsRun {
  /** Notices of payers an import queued and whose server stopped before sending them. */
  readonly pending: number;
  readonly checks: MembershipCheckRun;
  readonly missing: MissingContributionScan;
}

/**
 * After a contributions import: its payers' notices, then the status checks they made due (a
 * non-aktif member paid for is told at once that they are aktif again). Returns the notices.
 */
export async function sendContributionImportNotices(db: Db, now: Date): Promise<number> {
  const credited = await sendPendingJhtNotices(db, now);
  const checks = await checkDueMemberships(db, now);
  return credited + checks.queued;
}

/**
 * The six-hourly JHT notice work, none of it a pass over every member each run: the payers an
 * import queued (`pending-jht-notices.ts`), the persons whose status may have changed
 * (`membership-checks.ts`), and the due month's missing contributions, once a month
 * (`missing-contributions.ts`).
 */
export async function runJhtNoticeJobs(db: Db, now: Date): Promise<JhtNoticeJobsRun> {
  const pending = await sendPendingJhtNotices(db, now);
  const checks = await checkDueMemberships(db, now);
  const missing = await scanMissingContributions(db, now);
  return { pending, checks, missing };
}
