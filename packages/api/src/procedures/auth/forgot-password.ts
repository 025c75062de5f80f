import { LIMITS, parseLoginIdentifier } from '@pulih/domain';
import { z } from 'zod';
import { appendAudit } from '../../audit/audit-log.js';
import { appError } from '../../errors.js';
import { enqueueNotice } from '../../notifications/outbox.js';
import { findAccountForLogin, getMemberRecord } from '../../repositories/member-repository.js';
import { issueVerification } from '../../repositories/verification-code-repository.js';
import { ENUMERATION_SAFE_REPLY_MS, runEqualWork, withMinimumDuration } from '../../security/equal-work.js';
import { enforceLimit } from '../../security/limits.js';
import { publicProcedure } from '../../trpc.js';
import { localeInput } from '../account/inputs.js';

export const RESET_LINK_MINUTES = 30;
export const RESET_CODE_MINUTES = 10;

/**
 * "Lupa password": email or KPJ in, a reset link (30 minutes) and a 6-digit code (10 minutes)
 * out to the registered email. The reply is the same whether the account exists or not;
 * the limit is counted on the submitted identifier either way.
 */
export const forgotPassword = publicProcedure
  .input(z.object({ identifier: z.string().trim().min(1).max(254), locale: localeInput }))
  .output(z.object({ ok: z.literal(true) }))
  .mutation(({ ctx, input }) =>
    withMinimumDuration(ENUMERATION_SAFE_REPLY_MS, async () => {
      const identifier = parseLoginIdentifier(input.identifier);
      if (!identifier.ok) throw appError('INVALID_INPUT', 'Enter your email or your 11-digit KPJ number.');
      const key = identifier.value.kind === 'email' ? identifier.value.email : identifier.value.kpj;
      const now = ctx.clock.now();
      enforceLimit(ctx.db, ctx.config.secret, 'reset', key, LIMITS.resetRequestsPerIdentifier, now);
      ctx.db.transaction((tx) => {
        const account = findAccountForLogin(tx, identifier.value);
        const member = account ? getMemberRecord(tx, account.memberId) : null;
        // Frozen accounts are recovered with a verified case, not with an email link.
        const eligible =
          account !== null &&
          !!member?.email &&
          account.state !== 'frozen' &&
          account.state !== 'pending' &&
          account.state !== 'closed';
        runEqualWork(tx, eligible, (work) => {
          const issued = issueVerification(
            work,
            ctx.config.secret,
            {
              purpose: 'password_reset',
              accountId: eligible ? account.accountId : null,
              memberId: member?.memberId ?? null,
              destination: member?.email ?? key,
              validityMinutes: RESET_LINK_MINUTES,
              codeValidityMinutes: RESET_CODE_MINUTES,
              withCode: true,
              withToken: true,
            },
            now,
          );
          enqueueNotice(
            work,
            {
              channel: 'email',
              recipient: member?.email ?? key,
              template: 'password_reset',
              locale: input.locale,
              data: {
                fullName: member?.fullName ?? '',
                code: issued.code ?? '',
                link: `${ctx.config.publicUrl}/reset-password?token=${issued.token ?? ''}`,
                linkExpiresMinutes: RESET_LINK_MINUTES,
                codeExpiresMinutes: RESET_CODE_MINUTES,
              },
              memberId: member?.memberId ?? null,
            },
            now,
          );
        });
        appendAudit(
          tx,
          {
            actorKind: 'anonymous',
            actorId: null,
            action: eligible ? 'password_reset.code_sent' : 'password_reset.requested_no_account',
            memberId: eligible ? (member?.memberId ?? null) : null,
            channel: 'web',
            detail: { identifierKind: identifier.value.kind },
          },
          now,
        );
      });
      return { ok: true as const };
    }),
  );
