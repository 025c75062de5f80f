import type { Db } from '../db/database.js';
import { enqueueNotice } from '../notifications/outbox.js';
import type { NoticeData, NoticeLocale, NoticeTemplate } from '../notifications/templates.js';
import type { MemberRecord } from '../repositories/member-repository.js';

/**
 * Queues a notice to every registered contact of a member (email and SMS), in the caller's
 * transaction. Security notices go to both channels so that a member whose email was taken
 * over still hears of it by SMS.
 */
export function notifyRegisteredContacts(
  db: Db,
  member: Pick<MemberRecord, 'memberId' | 'email' | 'phone' | 'fullName'>,
  template: NoticeTemplate,
  locale: NoticeLocale,
  data: NoticeData,
  now: Date,
): void {
  const withName = { fullName: member.fullName, ...data };
  if (member.email) {
    enqueueNotice(
      db,
      { channel: 'email', recipient: member.email, template, locale, data: withName, memberId: member.memberId },
      now,
    );
  }
  if (member.phone) {
    enqueueNotice(
      db,
      { channel: 'sms', recipient: member.phone, template, locale, data: withName, memberId: member.memberId },
      now,
    );
  }
}
