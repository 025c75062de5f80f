import { addDaysToDate, latestDuePeriod, membershipStatusOn, nextMembershipStatusChange } from '@pulih/domain';
import { eq } from 'drizzle-orm';
import type { Db } from '../db/database.js';
import { members } from '../db/schema.js';
import { membershipFactsOf } from '../jht/membership-status-of.js';
import { findAccountByMemberId } from '../repositories/account-repository.js';
import { memberIdsOfPerson, personIdOf } from '../repositories/duplicate-repository.js';
import { jhtContributionsOf, kpjCardsOf } from '../repositories/jht-repository.js';
import { getMemberRecord } from '../repositories/member-repository.js';
import { dropMembershipCheck, scheduleMembershipCheck } from '../repositories/membership-check-repository.js';
import { type JhtNotice, sendJhtNotice } from './jht-notices.js';

/** A contribution paid within this many days is still news ("credited"); older ones are not announced. */
const CREDITED_WINDOW_DAYS = 35;
/** A person's status is looked at again a year on at the latest, whatever its facts. */
export const STATUS_CHECK_HORIZON_DAYS = 366;

/** "The employer has not paid this month": one notice per card and month. */
export const missingContributionNotice = (kpj: string, period: string): JhtNotice => ({
  topic: 'contribution_missing',
  subject: `${kpj}:${period}`,
  template: 'contribution_missing',
  data: { period },
});

/**
 * "This month's JHT contribution has been paid": one notice per card and month paid within the
 * last weeks (by `today`), from the card's contribution rows.
 */
export function creditedNotices(
  kpj: string,
  rows: readonly { period: string; paidAt: string | null; employee: number; employer: number }[],
  today: string,
): JhtNotice[] {
  const since = addDaysToDate(today, -CREDITED_WINDOW_DAYS);
  return rows
    .filter((row) => row.paidAt !== null && row.paidAt >= since && row.paidAt <= today)
    .map((row) => ({
      topic: 'contribution_credited',
      subject: `${kpj}:${row.period}`,
      template: 'contribution_credited',
      data: { period: row.period, amount: row.employee + row.employer },
    }));
}

export type NoticeRecipient = NonNullable<ReturnType<typeof noticeRecipient>>;

/** The person's record and the language of their notices; null when the record is gone. */
export function noticeRecipient(db: Db, personId: number) {
  const member = getMemberRecord(db, personId);
  if (!member) return null;
  return { member, locale: findAccountByMemberId(db, personId)?.locale ?? 'id' };
}

/** Queues `notice` for the recipient (`sendJhtNotice`); 1 when it went to some channel, else 0. */
export const tell = (db: Db, recipient: NoticeRecipient, notice: JhtNotice, now: Date): number =>
  sendJhtNotice(db, recipient.member, notice, recipient.locale, now).length > 0 ? 1 : 0;

/**
 * The JHT notices one person is owed as of today, each queued at most once:
 * - each month's JHT contribution paid in the last weeks ("credited"),
 * - the latest month due but not paid while employed ("missing": the employer has not paid),
 * - a change of membership status from the one last told (also stored on the member).
 * Then records when the status must be looked at again (`membership_checks`): the first day
 * the rules give another status on these facts, at the latest a year on; a person with no
 * participation has no row (nothing to be told). Returns how many notices were queued.
 */
export function sendMemberJhtNotices(db: Db, memberId: number, now: Date): number {
  const today = now.toISOString().slice(0, 10);
  const personId = personIdOf(db, memberId);
  // A merged record's checks are its person's.
  if (personId !== memberId) dropMembershipCheck(db, memberId);
  const recipient = noticeRecipient(db, personId);
  if (!recipient) {
    // No record to tell (or to judge): nothing to look at again either.
    dropMembershipCheck(db, personId);
    return 0;
  }
  const { member } = recipient;
  const cards = kpjCardsOf(db, memberIdsOfPerson(db, personId)).filter((c) => c.mergedIntoKpj === null);
  const facts = membershipFactsOf(db, personId, today);
  let queued = 0;
  const send = (notice: JhtNotice) => {
    queued += tell(db, recipient, notice, now);
  };

  const duePeriod = latestDuePeriod(today);
  const open = facts.participations.filter(
    (p) => p.startedOn <= `${duePeriod}-31` && (p.endedOn === null || p.endedOn >= `${duePeriod}-01`),
  );
  for (const card of cards) {
    const rows = jhtContributionsOf(db, card.kpj);
    for (const notice of creditedNotices(card.kpj, rows, today)) send(notice);
    const employedThen = open.some((p) => p.kpj === card.kpj);
    const paid = rows.some((row) => row.period === duePeriod && row.paidAt !== null && row.paidAt <= today);
    if (employedThen && !paid) send(missingContributionNotice(card.kpj, duePeriod));
  }

  const status = membershipStatusOn(facts, today);
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

  if (facts.participations.length === 0) dropMembershipCheck(db, personId);
  else {
    const horizon = addDaysToDate(today, STATUS_CHECK_HORIZON_DAYS);
    scheduleMembershipCheck(db, personId, nextMembershipStatusChange(facts, today, horizon));
  }
  return queued;
}
