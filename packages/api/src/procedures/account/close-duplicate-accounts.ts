import { z } from 'zod';
import { appError } from '../../errors.js';
import { closeDuplicateAccount } from '../../notices/close-duplicate-account.js';
import { findAccountById, provenAccountIds } from '../../repositories/account-repository.js';
import { memberProcedure } from '../../trpc.js';
import { controlProofSince, linkedAccountsOf } from './linked-accounts.js';
import { requireRecentAuthentication } from './require-recent-authentication.js';

/**
 * Keeps one of the member's accounts and closes the others. Every account closed and the one
 * kept must be proven theirs: the account they are logged in to by a recent password, the others
 * by `proveAccountControl`. Each closed account's email is told; balances and KPJ numbers do not
 * change (they belong to the person, not to an account).
 */
export const closeDuplicateAccounts = memberProcedure
  .input(z.object({ keepAccountId: z.number().int().positive() }))
  .output(z.object({ closedAccountIds: z.array(z.number()), sessionEnded: z.boolean() }))
  .mutation(({ ctx, input }) => {
    requireRecentAuthentication(ctx);
    const now = ctx.clock.now();
    const linked = linkedAccountsOf(ctx.db, ctx.member.memberId);
    if (!linked.some((a) => a.accountId === input.keepAccountId)) throw appError('ACCOUNT_NOT_FOUND');
    const proven = new Set([
      ctx.member.accountId,
      ...provenAccountIds(ctx.db, ctx.member.accountId, controlProofSince(now)),
    ]);
    const toClose = linked.filter((a) => a.accountId !== input.keepAccountId);
    if (toClose.length === 0) return { closedAccountIds: [], sessionEnded: false };
    if (!proven.has(input.keepAccountId) || toClose.some((a) => !proven.has(a.accountId)))
      throw appError('CONTROL_NOT_PROVEN');
    ctx.db.transaction((tx) => {
      for (const closing of toClose) {
        const account = findAccountById(tx, closing.accountId);
        if (!account) continue;
        closeDuplicateAccount(
          tx,
          account,
          closing.email,
          'duplicate account closed by the member',
          {
            actorKind: 'member',
            actorId: String(ctx.member.memberId),
            channel: 'web',
            detail: { keptAccountId: input.keepAccountId, by: 'member' },
          },
          now,
        );
      }
    });
    const sessionEnded = input.keepAccountId !== ctx.member.accountId;
    if (sessionEnded) ctx.request.clearSessionCookie();
    return { closedAccountIds: toClose.map((a) => a.accountId), sessionEnded };
  });
