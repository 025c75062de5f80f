import { z } from 'zod';
import { appError } from '../../errors.js';
import { closeDuplicateAccount } from '../../notices/close-duplicate-account.js';
import { findAccountById } from '../../repositories/account-repository.js';
import { getMemberRecord } from '../../repositories/member-repository.js';
import { staffProcedure } from '../../trpc.js';
import { staffReasonInput } from './duplicate-output.js';

/**
 * Staff close a member's duplicate account with a reason (the member asked customer service,
 * as the article tells them to). The account's email is told; nothing else of the member changes.
 */
export const closeAccountByStaff = staffProcedure(['customer_service_agent', 'branch_officer', 'supervisor'])
  .input(z.object({ accountId: z.number().int().positive(), reason: staffReasonInput }))
  .output(z.object({ ok: z.literal(true) }))
  .mutation(({ ctx, input }) => {
    const now = ctx.clock.now();
    ctx.db.transaction((tx) => {
      const account = findAccountById(tx, input.accountId);
      if (!account) throw appError('ACCOUNT_NOT_FOUND');
      if (account.state === 'closed') throw appError('CONFLICT', 'This account is already closed.');
      closeDuplicateAccount(
        tx,
        account,
        getMemberRecord(tx, account.memberId)?.email ?? null,
        input.reason,
        {
          actorKind: 'staff',
          actorId: String(ctx.staff.staffId),
          channel: 'cli',
          detail: { by: 'staff', role: ctx.staff.role, reason: input.reason },
        },
        now,
      );
    });
    return { ok: true as const };
  });
