import { addDaysToDate, latestDuePeriod } from '@pulih/domain';
import { and, asc, eq, gt, inArray, isNull } from 'drizzle-orm';
import type { Db } from '../db/database.js';
import { jhtNoticesPending, memberKpj, members, participations } from '../db/schema.js';
import { membershipStatusOf } from '../jht/membership-status-of.js';
import { findAccountByMemberId } from '../repositories/account-repository.js';
import { memberIdsOfPerson, personIdOf } from '../repositories/duplicate-repository.js';
import { jhtContributionsOf, kpjCardsOf, participationsOf } from '../repositories/jht-repository.js';
import { getMemberRecord } from '../repositories/member-repository.js';
import { sendJhtNotice } from './jht-notices.js';

/** A contribution paid within this many days is still news ("credited"); older ones are not announced. */
const CREDITED_WINDOW_DAYS = 35;

/**
 * The JHT notices one person is owed as of today, each queued at most once:
 * - each month's JHT contribution paid in the last weeks ("credited"),
 * - the latest month due but not paid while employed ("missing": the employer has not paid),
 * - a change of membership status from the one last told (also stored on the member).
 * Returns how many notices were queued.
 */
export function sendMemberJhtNotices(db: Db, memberId: number, now: Date): number {
  const today = now.toISOString().slice(0, 10);
  const personId = personIdOf(db, memberId);
  const member = getMemberRecord(db, personId);
  if (!member) return 0;
  const locale = findAccountByMemberId(db, personId)?.locale ?? 'id';
  const cards = kpjCardsOf(db, memberIdsOfPerson(db, personId)).filter((c) => c.mergedIntoKpj === null);
  let queued = 0;
  const send = (notice: Parameters<typeof sendJhtNotice>[2]) => {
    queued += sendJhtNotice(db, member, notice, locale, now).length > 0 ? 1 : 0;
  };

  const since = addDaysToDate(today, -CREDITED_WINDOW_DAYS);
  const duePeriod = latestDuePeriod(today);
  const open = participationsOf(
    db,
    cards.map((c) => c.kpj),
  ).filter((p) => p.startedOn <= `${duePeriod}-31` && (p.endedOn === null || p.endedOn >= `${duePeriod}-01`));
  for (const card of cards) {
    const rows = jhtContributionsOf(db, card.kpj);
    for (const row of rows) {
      if (row.paidAt === null || row.paidAt < since || row.paidAt > today) continue;
      send({
        topic: 'contribution_credited',
        subject: `${card.kpj}:${row.period}`,
        template: 'contribution_credited',
        data: { period: row.period, amount: row.employee + row.employer },
      });
    }
    const employedThen = open.some((p) => p.kpj === card.kpj);
    const paid = rows.some((row) => row.period === duePeriod && row.paidAt !== null && row.paidAt <= today);
    if (employedThen && !paid) {
      send({
        topic: 'contribution_missing',
        subject: `${card.kpj}:${duePeriod}`,
        template: 'contribution_missing',
        data: { period: duePeriod },
      });
    }
  }

  const status = membershipStatusOf(db, personId, today);
  // The stored status is the one last told to the member; `status_reason` is left alone (an
  // import uses it to flag a NIK that needs correction).
  if (status.status !== member.status) {
    db.update(members).set({ status: status.status }).where(eq(members.id, personId)).run();
    send({
      topic: 'status_changed',
      subject: `${status.status}:${status.reason}:${today}`,
      template: 'membership_status_changed',
      data: { membershipStatus: status.status, statusReason: status.reason },
    });
  }
  return queued;
}

/**
 * The daily sweep: every person with a participation (members never employed have nothing to
 * hear about), in pages by member id, each page in its own transaction and the event loop free
 * between pages, so that a long sweep never holds the write lock or the server for long.
 * Returns how many notices were queued.
 */
export async function sweepJhtNotices(db: Db, now: Date, pageSize = 500): Promise<number> {
  let queued = 0;
  let after = 0;
  for (;;) {
    const page = db
      .selectDistinct({ memberId: memberKpj.memberId })
      .from(memberKpj)
      .innerJoin(participations, eq(participations.kpj, memberKpj.kpj))
      .innerJoin(members, eq(members.id, memberKpj.memberId))
      .where(and(gt(memberKpj.memberId, after), isNull(members.mergedIntoMemberId)))
      .orderBy(asc(memberKpj.memberId))
      .limit(pageSize)
      .all()
      .map((row) => row.memberId);
    if (page.length === 0) return queued;
    db.transaction((tx) => {
      for (const memberId of page) queued += sendMemberJhtNotices(tx, memberId, now);
    });
    after = page[page.length - 1] as number;
    await new Promise((resolve) => setImmediate(resolve));
  }
}

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
 * Run after each import and by the six-hourly job (an import whose server stopped before its
 * notices went out). Several processes may drain at once: a notice is sent once per topic and
 * subject whatever runs it (`notices_sent`).
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
