import { setImmediate as yieldToEventLoop } from 'node:timers/promises';
import { inArray } from 'drizzle-orm';
import type { Db } from '../db/database.js';
import { jhtNoticesPending, memberKpj } from '../db/schema.js';
import { personIdOf } from '../repositories/duplicate-repository.js';
import { jhtContributionsOf } from '../repositories/jht-repository.js';
import { bringMembershipCheckForward } from '../repositories/membership-check-repository.js';
import { creditedNotices, noticeRecipient, tell } from './member-jht-notices.js';

/**
 * After a contributions import, for cards whose months it made paid: the "credited" notices of
 * each card, and, for a member whose last told status is non-aktif, their status check brought
 * forward to now (`membership_checks`). A payment can only end a non-aktif status: paid months
 * never make a member non-aktif sooner, so an aktif member's next day stays right and they are
 * not recomputed (at national size that is every payer every month). Returns the notices queued.
 */
export function sendPaidCardNotices(db: Db, kpjs: readonly string[], now: Date): number {
  if (kpjs.length === 0) return 0;
  const today = now.toISOString().slice(0, 10);
  let queued = 0;
  for (let start = 0; start < kpjs.length; start += 500) {
    const cards = db
      .select({ kpj: memberKpj.kpj, memberId: memberKpj.memberId, mergedIntoKpj: memberKpj.mergedIntoKpj })
      .from(memberKpj)
      .where(inArray(memberKpj.kpj, kpjs.slice(start, start + 500)))
      .all();
    for (const card of cards) {
      // A card whose balance moved into another is closed: nothing of it is news.
      if (card.mergedIntoKpj !== null) continue;
      const personId = personIdOf(db, card.memberId);
      const recipient = noticeRecipient(db, personId);
      if (!recipient) continue;
      for (const notice of creditedNotices(card.kpj, jhtContributionsOf(db, card.kpj), today)) {
        queued += tell(db, recipient, notice, now);
      }
      if (recipient.member.status === 'non_aktif') bringMembershipCheckForward(db, personId);
    }
  }
  return queued;
}

/**
 * After a contributions import: the notices of the cards whose months just became paid, from the
 * KPJ numbers the import queued in its transaction (`jht_notices_pending`), 200 per transaction
 * with the event loop free between them; each page is sent and dequeued together. Run after each
 * import (followed by the status checks it made due, `checkDueMemberships`) and by the
 * six-hourly job (an import whose server stopped before its notices went out). Several
 * processes may drain at once: a notice is sent once per topic and subject whatever runs it
 * (`notices_sent`).
 */
export async function sendPendingJhtNotices(db: Db, now: Date): Promise<number> {
  let queued = 0;
  for (;;) {
    // IMMEDIATE: the page is read and dequeued under the write lock, so two processes draining
    // at once take different pages (a deferred read-then-write could fail on a stale snapshot).
    const sent = db.transaction(
      (tx) => {
        const page = tx
          .select({ kpj: jhtNoticesPending.kpj })
          .from(jhtNoticesPending)
          .orderBy(jhtNoticesPending.kpj)
          .limit(200)
          .all()
          .map((row) => row.kpj);
        if (page.length === 0) return null;
        const notices = sendPaidCardNotices(tx, page, now);
        tx.delete(jhtNoticesPending).where(inArray(jhtNoticesPending.kpj, page)).run();
        return notices;
      },
      { behavior: 'immediate' },
    );
    if (sent === null) return queued;
    queued += sent;
    await yieldToEventLoop();
  }
}
