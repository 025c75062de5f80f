import { z } from 'zod';
import { appendAudit } from '../../audit/audit-log.js';
import { appError } from '../../errors.js';
import { findAccountById, recordControlProof } from '../../repositories/account-repository.js';
import { attemptCode } from '../../repositories/verification-code-repository.js';
import { memberProcedure } from '../../trpc.js';
import { passwordInput } from './inputs.js';
import { linkedAccountsOf } from './linked-accounts.js';
import { guardPasswordAttempt } from './password-attempts.js';

/**
 * Proves that the member also controls another of their accounts, by that account's password or
 * by the code sent to its email. Wrong passwords count against that account like a login.
 */
export const proveAccountControl = memberProcedure
  .input(
    z.union([
      z.object({ accountId: z.number().int().positive(), password: passwordInput }),
      z.object({ accountId: z.number().int().positive(), code: z.string().trim().min(1).max(20) }),
    ]),
  )
  .output(z.object({ ok: z.literal(true) }))
  .mutation(async ({ ctx, input }) => {
    const now = ctx.clock.now();
    const linked = linkedAccountsOf(ctx.db, ctx.member.memberId);
    const target = linked.find((a) => a.accountId === input.accountId && a.accountId !== ctx.member.accountId);
    const account = target ? findAccountById(ctx.db, target.accountId) : null;
    if (!account) throw appError('ACCOUNT_NOT_FOUND');
    let method: 'password' | 'email_code';
    if ('password' in input) {
      await guardPasswordAttempt(ctx, account, input.password);
      method = 'password';
    } else {
      const check = attemptCode(
        ctx.db,
        ctx.config.secret,
        { by: 'account', accountId: account.id, purposes: ['account_control'] },
        input.code,
        now,
      );
      if (!check.ok || check.payload.byAccountId !== ctx.member.accountId) throw appError('CODE_INVALID');
      method = 'email_code';
    }
    ctx.db.transaction((tx) => {
      recordControlProof(tx, ctx.member.accountId, account.id, method, now);
      appendAudit(
        tx,
        {
          actorKind: 'member',
          actorId: String(ctx.member.memberId),
          action: 'account.control_proven',
          memberId: account.memberId,
          channel: 'web',
          detail: { byAccountId: ctx.member.accountId, provenAccountId: account.id, method },
        },
        now,
      );
    });
    return { ok: true as const };
  });
