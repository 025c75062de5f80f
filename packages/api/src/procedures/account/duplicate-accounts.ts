import { maskEmail, maskKpj } from '@pulih/domain';
import { z } from 'zod';
import { provenAccountIds } from '../../repositories/account-repository.js';
import { memberProcedure } from '../../trpc.js';
import { controlProofSince, linkedAccountsOf } from './linked-accounts.js';

export const duplicateAccountsOutput = z.object({
  accounts: z.array(
    z.object({
      accountId: z.number(),
      emailMasked: z.string().nullable(),
      kpjNumbersMasked: z.array(z.string()),
      createdAt: z.string(),
      current: z.boolean(),
      proven: z.boolean(),
    }),
  ),
});

/**
 * The member's online accounts when they hold more than one ("akun ganda"), emails masked: the
 * member proves control of each one to close it. Empty when there is just this one.
 */
export const duplicateAccounts = memberProcedure.output(duplicateAccountsOutput).query(({ ctx }) => {
  const now = ctx.clock.now();
  const linked = linkedAccountsOf(ctx.db, ctx.member.memberId);
  if (linked.length < 2) return { accounts: [] };
  const proven = new Set(provenAccountIds(ctx.db, ctx.member.accountId, controlProofSince(now)));
  return {
    accounts: linked.map((a) => ({
      accountId: a.accountId,
      emailMasked: a.email ? maskEmail(a.email) : null,
      kpjNumbersMasked: a.kpjNumbers.map(maskKpj),
      createdAt: a.createdAt,
      current: a.accountId === ctx.member.accountId,
      proven: a.accountId === ctx.member.accountId || proven.has(a.accountId),
    })),
  };
});
