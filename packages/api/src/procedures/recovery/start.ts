import { LIMITS, parseMemberLookupKey } from '@pulih/domain';
import { z } from 'zod';
import { appError } from '../../errors.js';
import { findAccountByMemberId } from '../../repositories/account-repository.js';
import { ENUMERATION_SAFE_REPLY_MS, withMinimumDuration } from '../../security/equal-work.js';
import { recordFailedVerification } from '../../security/failed-verifications.js';
import { enforceLimit } from '../../security/limits.js';
import { publicProcedure } from '../../trpc.js';
import { localeInput, requirePhone } from '../account/inputs.js';
import { findMemberByLookupKey, limitRecoveryStart, recoveryStartOutput, sendRecoveryCode } from './recovery-code.js';

export const recoveryStartInput = z.object({
  /** NIK (16 digits) or KPJ (11 digits). */
  identifier: z.string().trim().min(1).max(40),
  /** The phone the member believes is registered. */
  phone: z.string().max(30),
  locale: localeInput,
});

/**
 * "Lupa email/akun", as the article describes it: NIK or KPJ plus the registered phone. The
 * reply is always a request id and "if these match, a code is on its way"; the SMS goes only to
 * the member's registered phone, and nothing about that phone is shown.
 */
export const start = publicProcedure
  .input(recoveryStartInput)
  .output(recoveryStartOutput)
  .mutation(({ ctx, input }) =>
    withMinimumDuration(ENUMERATION_SAFE_REPLY_MS, () => {
      const key = parseMemberLookupKey(input.identifier);
      if (!key.ok) throw appError('INVALID_INPUT', 'Enter your 16-digit NIK or your 11-digit KPJ number.');
      const phone = requirePhone(input.phone);
      const now = ctx.clock.now();
      const identifier = key.value.kind === 'kpj' ? key.value.kpj : key.value.nik;
      const { channel, kiosk } = limitRecoveryStart(ctx, [identifier], now);
      enforceLimit(ctx.db, ctx.config.secret, 'code-send', phone, LIMITS.codeSendsPerDestination, now);
      return ctx.db.transaction((tx) => {
        const member = findMemberByLookupKey(tx, key.value);
        const matches = member !== null && member.phone === phone;
        const account = matches && member ? findAccountByMemberId(tx, member.memberId) : null;
        if (member && !matches) recordFailedVerification(tx, ctx.config.secret, member, input.locale, now);
        return sendRecoveryCode(
          tx,
          ctx.config.secret,
          {
            isSent: matches,
            memberId: member?.memberId ?? null,
            accountId: account?.id ?? null,
            destination: phone,
            payload: { knowledge: key.value.kind, channel },
            template: 'recovery_code',
            locale: input.locale,
            audit: {
              action: matches ? 'recovery.code_sent' : 'recovery.no_match',
              channel,
              detail: { knowledge: key.value.kind, ip: ctx.request.ip, kioskId: kiosk?.kioskId ?? null },
            },
          },
          now,
        );
      });
    }),
  );
