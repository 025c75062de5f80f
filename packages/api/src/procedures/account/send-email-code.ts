import type { Db } from '../../db/database.js';
import { enqueueNotice } from '../../notifications/outbox.js';
import type { NoticeLocale } from '../../notifications/templates.js';
import { issueVerification } from '../../repositories/verification-code-repository.js';

export const EMAIL_CODE_MINUTES = 10;
export const EMAIL_LINK_MINUTES = 24 * 60;

/** Issues a code + link for an email address and queues the message carrying both. */
export function sendEmailCode(
  db: Db,
  settings: { readonly secret: string; readonly publicUrl: string },
  request: {
    readonly purpose: 'registration' | 'email_verification';
    readonly accountId: number | null;
    readonly memberId: number | null;
    readonly fullName: string;
    readonly email: string;
    readonly phone: string | null;
    readonly locale: NoticeLocale;
  },
  now: Date,
): void {
  const issued = issueVerification(
    db,
    settings.secret,
    {
      purpose: request.purpose,
      accountId: request.accountId,
      memberId: request.memberId,
      destination: request.email,
      payload:
        request.purpose === 'registration' ? { email: request.email, phone: request.phone } : { email: request.email },
      validityMinutes: EMAIL_LINK_MINUTES,
      codeValidityMinutes: EMAIL_CODE_MINUTES,
      withCode: true,
      withToken: true,
    },
    now,
  );
  enqueueNotice(
    db,
    {
      channel: 'email',
      recipient: request.email,
      template: request.purpose === 'registration' ? 'registration_code' : 'email_verification_code',
      locale: request.locale,
      data: {
        fullName: request.fullName,
        code: issued.code ?? '',
        link: `${settings.publicUrl}/verifikasi-email?token=${issued.token ?? ''}`,
        expiresMinutes: EMAIL_CODE_MINUTES,
      },
      memberId: request.memberId,
    },
    now,
  );
}
