import { z } from 'zod';
import { appError } from '../../errors.js';
import { enqueueNotice } from '../../notifications/outbox.js';
import { findAccountById } from '../../repositories/account-repository.js';
import { consumeLimit, limitKey } from '../../repositories/rate-limit-repository.js';
import { issueVerification } from '../../repositories/verification-code-repository.js';
import { memberProcedure } from '../../trpc.js';
import { linkedAccountsOf } from './linked-accounts.js';
import { EMAIL_CODE_MINUTES } from './send-email-code.js';

/** Sends a code to the email of another of the member's accounts, to prove it is theirs. */
export const sendAccountControlCode = memberProcedure
  .input(z.object({ accountId: z.number().int().positive() }))
  .output(z.object({ ok: z.literal(true) }))
  .mutation(({ ctx, input }) => {
    const now = ctx.clock.now();
    const target = linkedAccountsOf(ctx.db, ctx.member.memberId).find(
      (a) => a.accountId === input.accountId && a.accountId !== ctx.member.accountId,
    );
    const account = target ? findAccountById(ctx.db, target.accountId) : null;
    if (!target?.email || !account) throw appError('ACCOUNT_NOT_FOUND');
    const email = target.email;
    const limit = consumeLimit(
      ctx.db,
      limitKey(ctx.config.secret, 'account-control-code', String(account.id)),
      [
        { windowSeconds: 60, max: 1 },
        { windowSeconds: 3600, max: 5 },
      ],
      now,
    );
    if (!limit.allowed) throw appError('RATE_LIMITED', undefined, { retryAfterSeconds: limit.retryAfterSeconds });
    ctx.db.transaction((tx) => {
      const issued = issueVerification(
        tx,
        ctx.config.secret,
        {
          purpose: 'account_control',
          accountId: account.id,
          memberId: account.memberId,
          destination: email,
          payload: { byAccountId: ctx.member.accountId },
          validityMinutes: EMAIL_CODE_MINUTES,
          withCode: true,
          withToken: false,
        },
        now,
      );
      enqueueNotice(
        tx,
        {
          channel: 'email',
          recipient: email,
          template: 'account_control_code',
          locale: account.locale,
          data: { code: issued.code ?? '', expiresMinutes: EMAIL_CODE_MINUTES },
          memberId: account.memberId,
        },
        now,
      );
    });
    return { ok: true as const };
  });
