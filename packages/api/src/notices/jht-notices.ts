import type { Db } from '../db/database.js';
import { type NoticeTopic, noticeTopics } from '../db/schema.js';
import { enqueueNotice } from '../notifications/outbox.js';
import type { NoticeData, NoticeLocale, NoticeTemplate } from '../notifications/templates.js';
import { markNoticeSent, noticePreferencesOf } from '../repositories/claim-repository.js';
import type { MemberRecord } from '../repositories/member-repository.js';

export interface ChannelChoice {
  readonly email: boolean;
  readonly sms: boolean;
}

/**
 * What a member gets before choosing: claim and status changes and a missing month by email and
 * SMS (they need action), each credited month by email only (it comes every month).
 */
export const DEFAULT_NOTICE_PREFERENCES: Readonly<Record<NoticeTopic, ChannelChoice>> = {
  contribution_credited: { email: true, sms: false },
  contribution_missing: { email: true, sms: true },
  status_changed: { email: true, sms: true },
  claim_state: { email: true, sms: true },
};

/** The member's choices, a default for every topic never chosen. */
export function noticePreferencesFor(db: Db, memberId: number): Record<NoticeTopic, ChannelChoice> {
  const chosen = new Map(noticePreferencesOf(db, memberId).map((row) => [row.topic, row]));
  return Object.fromEntries(
    noticeTopics.map((topic) => {
      const row = chosen.get(topic);
      return [topic, row ? { email: row.email, sms: row.sms } : DEFAULT_NOTICE_PREFERENCES[topic]];
    }),
  ) as Record<NoticeTopic, ChannelChoice>;
}

export interface JhtNotice {
  readonly topic: NoticeTopic;
  /** What the notice is about, unique within the topic: a month, a status, a claim and its state. */
  readonly subject: string;
  readonly template: NoticeTemplate;
  readonly data: NoticeData;
}

/**
 * Queues a JHT notice through the outbox on the channels the member chose (verified contacts
 * only: balances and claims are nobody else's business), in the caller's
 * transaction, at most once per topic and subject (a sweep run twice tells nobody twice).
 * Returns the channels it went to.
 */
export function sendJhtNotice(
  db: Db,
  member: Pick<MemberRecord, 'memberId' | 'email' | 'phone' | 'fullName' | 'emailVerifiedAt' | 'phoneVerifiedAt'>,
  notice: JhtNotice,
  locale: NoticeLocale,
  now: Date,
): ('email' | 'sms')[] {
  if (!markNoticeSent(db, member.memberId, notice.topic, notice.subject, now)) return [];
  const choice = noticePreferencesFor(db, member.memberId)[notice.topic];
  const data = { fullName: member.fullName, ...notice.data };
  const sent: ('email' | 'sms')[] = [];
  if (choice.email && member.email && member.emailVerifiedAt) {
    enqueueNotice(
      db,
      { channel: 'email', recipient: member.email, template: notice.template, locale, data, memberId: member.memberId },
      now,
    );
    sent.push('email');
  }
  if (choice.sms && member.phone && member.phoneVerifiedAt) {
    enqueueNotice(
      db,
      { channel: 'sms', recipient: member.phone, template: notice.template, locale, data, memberId: member.memberId },
      now,
    );
    sent.push('sms');
  }
  return sent;
}
