import type { Db } from '../db/database.js';
import { notifyRegisteredContacts } from '../notices/notify-member.js';
import type { MemberRecord } from '../repositories/member-repository.js';
import { limitKey, recentEvents, recordEvent } from '../repositories/rate-limit-repository.js';

/** Failed identity checks per member and day, across every channel (web, kiosk, call center, branch). */
export const MAX_FAILED_CHECKS_PER_DAY = 3;
const DAY_SECONDS = 86_400;

const failureKey = (secret: string, memberId: number): string =>
  limitKey(secret, 'knowledge-fail:member', String(memberId));

export function failedChecksToday(db: Db, secret: string, memberId: number, now: Date): number {
  return recentEvents(db, failureKey(secret, memberId), DAY_SECONDS, now).length;
}

/**
 * Counts a failed identity check of a known member. The failure that closes the path for the
 * day also tells the member on every registered contact, so a stranger's guessing is noticed.
 */
export function recordFailedVerification(
  db: Db,
  secret: string,
  member: Pick<MemberRecord, 'memberId' | 'email' | 'phone' | 'fullName'>,
  locale: 'id' | 'en',
  now: Date,
): void {
  recordEvent(db, failureKey(secret, member.memberId), now);
  if (failedChecksToday(db, secret, member.memberId, now) === MAX_FAILED_CHECKS_PER_DAY) {
    notifyRegisteredContacts(db, member, 'verification_closed_notice', locale, {}, now);
  }
}
