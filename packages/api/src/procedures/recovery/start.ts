import { randomUUID } from 'node:crypto';
import { LIMITS, type LimitWindow, parseMemberLookupKey } from '@pulih/domain';
import { z } from 'zod';
import { appendAudit } from '../../audit/audit-log.js';
import { appError } from '../../errors.js';
import { enqueueNotice } from '../../notifications/outbox.js';
import { findAccountByMemberId } from '../../repositories/account-repository.js';
import { findMemberIdByLookupKey, getMemberRecord } from '../../repositories/member-repository.js';
import { issueVerification } from '../../repositories/verification-code-repository.js';
import { ENUMERATION_SAFE_REPLY_MS, runEqualWork, withMinimumDuration } from '../../security/equal-work.js';
import { recordFailedVerification } from '../../security/failed-verifications.js';
import { enforceLimit } from '../../security/limits.js';
import { publicProcedure } from '../../trpc.js';
import { localeInput, requirePhone } from '../account/inputs.js';
import { recoveryChannel } from './channel.js';

export const RECOVERY_CODE_MINUTES = 10;
/** Three recovery attempts a day per NIK/KPJ, counted whatever the outcome, so the count reveals nothing. */
export const RECOVERY_ATTEMPTS_PER_DAY: readonly LimitWindow[] = [{ max: 3, windowSeconds: 86_400 }];

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
  .output(z.object({ requestId: z.string() }))
  .mutation(({ ctx, input }) =>
    withMinimumDuration(ENUMERATION_SAFE_REPLY_MS, () => {
      const key = parseMemberLookupKey(input.identifier);
      if (!key.ok) throw appError('INVALID_INPUT', 'Enter your 16-digit NIK or your 11-digit KPJ number.');
      const phone = requirePhone(input.phone);
      const now = ctx.clock.now();
      const { channel, kiosk } = recoveryChannel(ctx, true);
      const identifier = key.value.kind === 'kpj' ? key.value.kpj : key.value.nik;
      enforceLimit(ctx.db, ctx.config.secret, 'recovery-attempt', identifier, RECOVERY_ATTEMPTS_PER_DAY, now);
      enforceLimit(ctx.db, ctx.config.secret, 'code-send', phone, LIMITS.codeSendsPerDestination, now);
      return ctx.db.transaction((tx) => {
        const memberId = findMemberIdByLookupKey(tx, key.value);
        const member = memberId === null ? null : getMemberRecord(tx, memberId);
        const matches = member !== null && member.phone === phone;
        const account = matches && member ? findAccountByMemberId(tx, member.memberId) : null;
        if (member && !matches) recordFailedVerification(tx, ctx.config.secret, member, input.locale, now);
        let requestId: string = randomUUID();
        runEqualWork(tx, matches, (work) => {
          const issued = issueVerification(
            work,
            ctx.config.secret,
            {
              purpose: 'recovery',
              accountId: account?.id ?? null,
              memberId: matches ? (member?.memberId ?? null) : null,
              destination: phone,
              payload: { knowledge: key.value.kind, channel },
              validityMinutes: RECOVERY_CODE_MINUTES,
              withCode: true,
              withToken: false,
            },
            now,
          );
          enqueueNotice(
            work,
            {
              channel: 'sms',
              recipient: phone,
              template: 'recovery_code',
              locale: input.locale,
              data: { code: issued.code ?? '', expiresMinutes: RECOVERY_CODE_MINUTES },
              memberId: member?.memberId ?? null,
            },
            now,
          );
          if (matches) requestId = issued.id;
        });
        appendAudit(
          tx,
          {
            actorKind: 'anonymous',
            actorId: null,
            action: matches ? 'recovery.code_sent' : 'recovery.no_match',
            memberId: member?.memberId ?? null,
            channel,
            detail: { knowledge: key.value.kind, ip: ctx.request.ip, kioskId: kiosk?.kioskId ?? null },
          },
          now,
        );
        return { requestId };
      });
    }),
  );
