import { setImmediate as yieldToEventLoop } from 'node:timers/promises';
import { latestDuePeriod } from '@pulih/domain';
import type { Db } from '../db/database.js';
import {
  advanceMissingScan,
  lastParticipationId,
  missingScanState,
  unpaidEmployedCards,
} from '../repositories/missing-contribution-repository.js';
import { missingContributionNotice, noticeRecipient, tell } from './member-jht-notices.js';

export interface MissingContributionScan {
  readonly period: string;
  /** Participation ids this run went through. */
  readonly scanned: number;
  /** Notices queued by this run (a card already told of the month is not told again). */
  readonly queued: number;
  readonly finished: boolean;
}

/**
 * Once per due month (the latest month whose contributions were due by today), tells each
 * member employed in it whose employer has not paid it: a set-based pass over every
 * participation, `pageSize` ids per transaction with the event loop free between pages, which
 * records how far it got (`missing_contribution_scans`), so a stopped server resumes rather than
 * starts over, and a finished month is not read again. Members whose facts change later are
 * told by their own check (`membership-checks.ts`). Several processes may run it at once: each
 * page reads and advances the position in one write transaction, and a notice is sent once.
 */
export async function scanMissingContributions(db: Db, now: Date, pageSize = 5_000): Promise<MissingContributionScan> {
  const today = now.toISOString().slice(0, 10);
  const period = latestDuePeriod(today);
  const last = lastParticipationId(db);
  let scanned = 0;
  let queued = 0;
  for (;;) {
    const finished = db.transaction(
      (tx) => {
        const { after, finishedAt } = missingScanState(tx, period);
        if (finishedAt !== null) return true;
        const upTo = Math.max(after, Math.min(after + pageSize, last));
        for (const [kpj, personId] of unpaidEmployedCards(tx, { after, upTo }, period, today)) {
          const recipient = noticeRecipient(tx, personId);
          if (!recipient) continue;
          queued += tell(tx, recipient, missingContributionNotice(kpj, period), now);
        }
        scanned += upTo - after;
        const done = upTo >= last;
        advanceMissingScan(tx, period, upTo, done ? now.toISOString() : null);
        return done;
      },
      { behavior: 'immediate' },
    );
    if (finished) return { period, scanned, queued, finished };
    await yieldToEventLoop();
  }
}
