import { maskKpj } from '@pulih/domain';
import type { Db } from '../db/database.js';
import { enqueueNotice } from '../notifications/outbox.js';
import type { NoticeTemplate } from '../notifications/templates.js';
import { findAccountByMemberId } from '../repositories/account-repository.js';
import { getMemberRecord } from '../repositories/member-repository.js';

/**
 * Tells the member, on every registered contact of both records, that staff merged their two
 * person records (or undid such a merge), in the caller's transaction: which KPJ numbers
 * (masked) each record now holds, that balances stay whole, and where to turn if it is wrong.
 * Both records are told: if the merge was a mistake, the other person is the one who must hear
 * of it. A contact registered on both records gets one message.
 */
export function notifyPersonRecordsChanged(
  db: Db,
  template: Extract<NoticeTemplate, 'person_records_merged' | 'person_records_unmerged'>,
  memberIds: readonly number[],
  now: Date,
): void {
  const sent = new Set<string>();
  for (const memberId of memberIds) {
    const member = getMemberRecord(db, memberId);
    if (!member) continue;
    // After a merge the merged record holds no KPJ: the person's numbers are on the kept one.
    const holder = member.mergedIntoMemberId === null ? member : getMemberRecord(db, member.mergedIntoMemberId);
    const maskedKpjNumbers = (holder?.kpjNumbers ?? []).map(maskKpj);
    const locale = findAccountByMemberId(db, memberId)?.locale ?? 'id';
    const data = { fullName: member.fullName, maskedKpjNumbers };
    for (const [channel, recipient] of [
      ['email', member.email],
      ['sms', member.phone],
    ] as const) {
      if (!recipient || sent.has(`${channel}:${recipient}`)) continue;
      sent.add(`${channel}:${recipient}`);
      enqueueNotice(db, { channel, recipient, template, locale, data, memberId }, now);
    }
  }
}
