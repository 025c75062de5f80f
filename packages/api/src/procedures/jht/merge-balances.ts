import { z } from 'zod';
import { mergeBalances as moveBalances } from '../../jht/merge-balances.js';
import { memberProcedure } from '../../trpc.js';
import { requireRecentAuthentication } from '../account/require-recent-authentication.js';
import { balanceMovesOutput, kpjInput } from './kpj-output.js';

/** The member merges the balances of their other KPJ numbers into one of theirs (recent password). */
export const mergeBalances = memberProcedure
  .input(z.object({ intoKpj: kpjInput }))
  .output(balanceMovesOutput)
  .mutation(({ ctx, input }) => {
    requireRecentAuthentication(ctx);
    const moves = moveBalances(
      ctx.db,
      {
        memberId: ctx.member.memberId,
        intoKpj: input.intoKpj,
        channel: 'web',
        requestedBy: `member:${ctx.member.memberId}`,
        actor: { actorKind: 'member', actorId: String(ctx.member.memberId), channel: 'web' },
      },
      ctx.clock.now(),
    );
    return { moves, intoKpj: input.intoKpj };
  });
