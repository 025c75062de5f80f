import { z } from 'zod';
import { appError } from '../../errors.js';
import { consumeToken } from '../../repositories/verification-code-repository.js';
import { publicProcedure } from '../../trpc.js';
import { completeEmailVerification } from './complete-email-verification.js';
import { tokenInput } from './inputs.js';

/** The link variant of email verification (`/verifikasi-email?token=…`). */
export const verifyEmailLink = publicProcedure
  .input(z.object({ token: tokenInput }))
  .output(z.object({ ok: z.literal(true) }))
  .mutation(({ ctx, input }) => {
    const now = ctx.clock.now();
    const ok = ctx.db.transaction(
      (tx) => {
        const check = consumeToken(tx, ['registration', 'email_verification'], input.token, now);
        if (!check.ok) return false;
        completeEmailVerification(tx, check.row, check.payload, 'web', now);
        return true;
      },
      { behavior: 'immediate' },
    );
    if (!ok) throw appError('CODE_INVALID');
    return { ok: true as const };
  });
