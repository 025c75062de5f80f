import { z } from 'zod';
import { appendAudit } from '../../audit/audit-log.js';
import { appError } from '../../errors.js';
import { findAccountById, markReauthenticated } from '../../repositories/account-repository.js';
import { memberProcedure } from '../../trpc.js';
import { passwordInput } from './inputs.js';
import { guardPasswordAttempt } from './password-attempts.js';

/** Asks for the password again before sensitive changes (contacts) within a session. */
export const reauthenticate = memberProcedure
  .input(z.object({ password: passwordInput }))
  .output(z.object({ ok: z.literal(true) }))
  .mutation(async ({ ctx, input }) => {
    const account = findAccountById(ctx.db, ctx.member.accountId);
    if (!account) throw appError('UNAUTHENTICATED');
    await guardPasswordAttempt(ctx, account, input.password);
    const now = ctx.clock.now();
    const token = ctx.request.sessionToken;
    if (token) markReauthenticated(ctx.db, token, now);
    appendAudit(
      ctx.db,
      {
        actorKind: 'member',
        actorId: String(account.memberId),
        action: 'session.reauthenticated',
        memberId: account.memberId,
        channel: 'web',
        detail: {},
      },
      now,
    );
    return { ok: true as const };
  });
