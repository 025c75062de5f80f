import { appendAudit } from '../../audit/audit-log.js';
import type { Db } from '../../db/database.js';
import { appError } from '../../errors.js';
import { notifyRegisteredContacts } from '../../notices/notify-member.js';
import {
  activateAccount,
  findAccountById,
  findMemberIdByEmail,
  requireMemberRecord,
  resetFailures,
  updateContact,
} from '../../repositories/account-repository.js';
import type { VerificationRow } from '../../repositories/verification-code-repository.js';

/**
 * What a correct email code or link does: a registration activates the account and makes the
 * submitted email and phone the member's registered contacts (telling the previous contacts);
 * a plain verification marks the registered email verified.
 */
export function completeEmailVerification(
  db: Db,
  row: VerificationRow,
  payload: Record<string, string | number | null>,
  channel: 'web' | 'kiosk',
  now: Date,
): void {
  const email = typeof payload.email === 'string' ? payload.email : null;
  if (row.memberId === null || row.accountId === null || email === null) throw appError('CODE_INVALID');
  const account = findAccountById(db, row.accountId);
  const before = requireMemberRecord(db, row.memberId);
  const owner = findMemberIdByEmail(db, email);
  if (owner !== null && owner !== row.memberId) throw appError('CONFLICT', 'This email address cannot be used.');
  const at = now.toISOString();
  if (row.purpose === 'registration') {
    const phone = typeof payload.phone === 'string' ? payload.phone : before.phone;
    if (before.email !== null || before.phone !== null) {
      notifyRegisteredContacts(db, before, 'account_activated_notice', account?.locale ?? 'id', {}, now);
    }
    updateContact(
      db,
      row.memberId,
      {
        email,
        emailVerifiedAt: at,
        phone,
        phoneVerifiedAt: phone === before.phone ? before.phoneVerifiedAt : null,
        confirmedAt: at,
      },
      now,
    );
    activateAccount(db, row.accountId);
  } else if (before.email === email) {
    updateContact(db, row.memberId, { emailVerifiedAt: at }, now);
  } else {
    throw appError('CODE_INVALID');
  }
  resetFailures(db, row.accountId);
  appendAudit(
    db,
    {
      actorKind: 'member',
      actorId: String(row.memberId),
      action: row.purpose === 'registration' ? 'registration.completed' : 'email.verified',
      memberId: row.memberId,
      channel,
      detail: {},
    },
    now,
  );
}
