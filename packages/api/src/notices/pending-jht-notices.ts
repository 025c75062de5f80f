import { inArray } from 'drizzle-orm';
import type { Db } from '../db/database.js';
import { jhtNoticesPending, memberKpj } from '../db/schema.js';
import { personIdOf } from '../repositories/duplicate-repository.js';
import { sendMemberJhtNotices } from './member-jht-notices.js';

/** After a contributions import: the notices of the people whose KPJ numbers it touched. */
export function sendJhtNoticesForKpjs(db: Db, kpjs: readonly string[], now: Date): number {
  if (kpjs.length === 0) return 0;
  const memberIds = new Set<number>();
  for (let start = 0; start < kpjs.length; start += 500) {
    const rows = db
      .select({ memberId: memberKpj.memberId })
      .from(memberKpj)
      .where(inArray(memberKpj.kpj, kpjs.slice(start, start + 500)))
      .all();
    for (const row of rows) memberIds.add(personIdOf(db, row.memberId));
  }
  let queued = 0;
  for (const memberId of memberIds) queued += sendMemberJhtNotices(db, memberId, now);
  return queued;
}

/**
 * After a contributions import: the notices of the people whose months just became paid, from
 * the KPJ numbers the import queued in its transaction (`jht_notices_pending`), 200 per
 * transaction with the event loop free between them; each page is sent and dequeued together.
 * This is also how a payment reaches the membership status: each of these people gets a new
 * `membership_checks` day. Run after each import and by the six-hourly job (an import whose
 * server stopped before its notices went out). Several processes may drain at once: a notice is
 * sent once per topic and subject whatever runs it (`notices_sent`).
 */
export async function sendPendingJhtNotices(db: Db, now: Date): Promise<number> {
  let queued = 0;
  for (;;) {
    const sent = db.transaction((tx) => {
      const page = tx
        .select({ kpj: jhtNoticesPending.kpj })
        .from(jhtNoticesPending)
        .orderBy(jhtNoticesPending.kpj)
        .limit(200)
        .all()
        .map((row) => row.kpj);
      if (page.length === 0) return null;
      const notices = sendJhtNoticesForKpjs(tx, page, now);
      tx.delete(jhtNoticesPending).where(inArray(jhtNoticesPending.kpj, page)).run();
      return notices;
    });
    if (sent === null) return queued;
    queued += sent;
    await new Promise((resolve) => setImmediate(resolve));
  }
}
