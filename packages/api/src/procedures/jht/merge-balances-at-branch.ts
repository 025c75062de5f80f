import { z } from 'zod';
import { appError } from '../../errors.js';
import { mergeBalances as moveBalances } from '../../jht/merge-balances.js';
import { staffProcedure } from '../../trpc.js';
import { caseIdInput } from '../case/case-output.js';
import { loadOpenCase } from '../case/open-case.js';
import { balanceMovesOutput, kpjInput } from './kpj-output.js';

/** A branch officer merges a member's KPJ balances at the counter, within an in-person case. */
export const mergeBalancesAtBranch = staffProcedure(['branch_officer', 'supervisor'])
  .input(z.object({ caseId: caseIdInput, intoKpj: kpjInput }))
  .output(balanceMovesOutput)
  .mutation(({ ctx, input }) => {
    const now = ctx.clock.now();
    const open = loadOpenCase(ctx.db, ctx.staff, input.caseId, now);
    if (open.row.channel !== 'branch_counter')
      throw appError('FORBIDDEN', 'Balances are merged at the branch counter, after an in-person check.');
    const moves = moveBalances(
      ctx.db,
      {
        memberId: open.member.memberId,
        intoKpj: input.intoKpj,
        channel: 'branch_counter',
        requestedBy: `staff:${ctx.staff.staffId}`,
        actor: { actorKind: 'staff', actorId: String(ctx.staff.staffId), channel: 'cli' },
      },
      now,
    );
    return { moves, intoKpj: input.intoKpj };
  });
