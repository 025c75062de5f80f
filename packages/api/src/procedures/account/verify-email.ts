import { MAX_CONSECUTIVE_FAILURES } from '@pulih/domain';
import { z } from 'zod';
import { appError } from '../../errors.js';
import { countFailure } from '../../repositories/account-repository.js';
import { attemptCode } from '../../repositories/verification-code-repository.js';
import { publicProcedure } from '../../trpc.js';
import { completeEmailVerification } from './complete-email-verification.js';
import { codeInput, requireEmail } from './inputs.js';

/** The 6-digit code from the email: activates a new account or verifies the registered email. */
export const verifyEmail = publicProcedure
  .input(z.object({ email: z.string().max(254), code: codeInput }))
  .output(z.object({ ok: z.literal(true) }))
  .mutation(({ ctx, input }) => {
    const email = requireEmail(input.email);
    const now = ctx.clock.now();
    const failure = ctx.db.transaction(
      (tx) => {
        const check = attemptCode(
          tx,
          ctx.config.secret,
          { by: 'destination', destination: email, purposes: ['registration', 'email_verification'] },
          input.code,
          now,
        );
        if (!check.ok) {
          if (check.accountId !== null) countFailure(tx, check.accountId, MAX_CONSECUTIVE_FAILURES);
          return true;
        }
        completeEmailVerification(tx, check.row, check.payload, 'web', now);
        return false;
      },
      { behavior: 'immediate' },
    );
    if (failure) throw appError('CODE_INVALID');
    return { ok: true as const };
  });
