import { maskEmail, maskPhone } from '@pulih/domain';
import type { Db } from '../../db/database.js';
import { appError } from '../../errors.js';
import { enqueueNotice } from '../../notifications/outbox.js';
import type { NoticeLocale } from '../../notifications/templates.js';
import { findMemberIdByEmail, requireMemberRecord, updateContact } from '../../repositories/account-repository.js';
import { attemptCode, issueVerification } from '../../repositories/verification-code-repository.js';

export const CONTACT_CODE_MINUTES = 10;
export const NOT_ME_LINK_DAYS = 7;

interface Settings {
  readonly secret: string;
  readonly publicUrl: string;
}

interface ContactChange {
  readonly accountId: number;
  readonly memberId: number;
  readonly locale: NoticeLocale;
  readonly kind: 'email' | 'phone';
  /** The new, normalised email or E.164 phone. */
  readonly value: string;
}

/** Sends a code to the new address: it must prove itself before it replaces the old one. */
export function sendContactChangeCode(db: Db, settings: Settings, change: ContactChange, now: Date): void {
  const member = requireMemberRecord(db, change.memberId);
  const issued = issueVerification(
    db,
    settings.secret,
    {
      purpose: change.kind === 'email' ? 'email_change' : 'phone_change',
      accountId: change.accountId,
      memberId: change.memberId,
      destination: change.value,
      payload: { value: change.value },
      validityMinutes: CONTACT_CODE_MINUTES,
      withCode: true,
      withToken: false,
    },
    now,
  );
  enqueueNotice(
    db,
    {
      channel: change.kind === 'email' ? 'email' : 'sms',
      recipient: change.value,
      template: 'contact_change_code',
      locale: change.locale,
      data: {
        fullName: member.fullName,
        code: issued.code ?? '',
        expiresMinutes: CONTACT_CODE_MINUTES,
        contactKind: change.kind,
      },
      memberId: change.memberId,
    },
    now,
  );
}

/**
 * Makes the verified new address the registered one. The old address gets a notice with a
 * "this was not me" link (7 days) that freezes the account: it never silently restores the old
 * contact, which may be the compromised one.
 */
export function applyContactChange(db: Db, settings: Settings, change: ContactChange, now: Date): void {
  const before = requireMemberRecord(db, change.memberId);
  if (change.kind === 'email') {
    const owner = findMemberIdByEmail(db, change.value);
    if (owner !== null && owner !== change.memberId) throw appError('CONFLICT', 'This email address cannot be used.');
  }
  const at = now.toISOString();
  updateContact(
    db,
    change.memberId,
    change.kind === 'email'
      ? { email: change.value, emailVerifiedAt: at, confirmedAt: at }
      : { phone: change.value, phoneVerifiedAt: at, confirmedAt: at },
    now,
  );
  const oldAddress = change.kind === 'email' ? before.email : before.phone;
  if (!oldAddress) return;
  const revert = issueVerification(
    db,
    settings.secret,
    {
      purpose: 'contact_change_revert',
      accountId: change.accountId,
      memberId: change.memberId,
      destination: oldAddress,
      payload: { kind: change.kind },
      validityMinutes: NOT_ME_LINK_DAYS * 24 * 60,
      withCode: false,
      withToken: true,
    },
    now,
  );
  enqueueNotice(
    db,
    {
      channel: change.kind === 'email' ? 'email' : 'sms',
      recipient: oldAddress,
      template: 'contact_changed_notice',
      locale: change.locale,
      data: {
        fullName: before.fullName,
        contactKind: change.kind,
        maskedNewContact: change.kind === 'email' ? maskEmail(change.value) : maskPhone(change.value),
        link: `${settings.publicUrl}/bukan-saya?token=${revert.token ?? ''}`,
        linkExpiresDays: NOT_ME_LINK_DAYS,
      },
      memberId: change.memberId,
    },
    now,
  );
}

/**
 * Checks the code typed for a pending change of the account's email or phone and, when right,
 * applies the change (in the caller's transaction). False when the code is wrong or used up.
 */
export function confirmContactChangeCode(
  db: Db,
  settings: Settings,
  account: { readonly id: number; readonly memberId: number; readonly locale: NoticeLocale },
  kind: 'email' | 'phone',
  code: string,
  now: Date,
): boolean {
  const check = attemptCode(
    db,
    settings.secret,
    { by: 'account', accountId: account.id, purposes: [kind === 'email' ? 'email_change' : 'phone_change'] },
    code,
    now,
  );
  if (!check.ok) return false;
  const change = { accountId: account.id, memberId: account.memberId, locale: account.locale, kind };
  applyContactChange(db, settings, { ...change, value: String(check.payload.value ?? '') }, now);
  return true;
}
