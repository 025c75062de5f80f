import { setImmediate as yieldToEventLoop } from 'node:timers/promises';
import { addDaysToDate } from '@pulih/domain';
import type { Db } from '../db/database.js';
import { dueMembershipChecks, scheduleMembershipCheck } from '../repositories/membership-check-repository.js';
import { sendMemberJhtNotices } from './member-jht-notices.js';

export interface MembershipCheckRun {
  /** Persons whose status was looked at. */
  readonly checked: number;
  /** Notices queued for them (credited, missing, status). */
  readonly queued: number;
  /** Persons whose notices failed; they are tried again tomorrow. */
  readonly failed: number;
}

/**
 * The persons whose membership status may have changed by today (`membership_checks.due_on`
 * on or before today: the day the rules said it would change, or "now" after a change of their
 * facts), with their notices (`sendMemberJhtNotices`, which sets each one's next day). In
 * pages of `pageSize`, each in its own transaction, the event loop free between pages. Every
 * person of a page leaves it with a later day (or no row), so the run ends; one whose notices
 * fail is logged and tried again tomorrow rather than stopping everyone behind them.
 */
export async function checkDueMemberships(db: Db, now: Date, pageSize = 500): Promise<MembershipCheckRun> {
  const today = now.toISOString().slice(0, 10);
  const tomorrow = addDaysToDate(today, 1);
  let checked = 0;
  let queued = 0;
  let failed = 0;
  for (;;) {
    // The page is read in the transaction that handles it, which takes the write lock at once
    // (IMMEDIATE): another process running the job waits, then finds these persons done.
    const handled = db.transaction(
      (tx) => {
        const page = dueMembershipChecks(tx, today, pageSize);
        for (const memberId of page) {
          try {
            queued += tx.transaction((person) => sendMemberJhtNotices(person, memberId, now));
            checked++;
          } catch (error) {
            failed++;
            console.error(`pulih: membership check of member ${memberId} failed: ${(error as Error).message}`);
            scheduleMembershipCheck(tx, memberId, tomorrow);
          }
        }
        return page.length;
      },
      { behavior: 'immediate' },
    );
    if (handled === 0) return { checked, queued, failed };
    await yieldToEventLoop();
  }
}
