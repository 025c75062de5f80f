import { z } from 'zod';
import { kpjBalancesOf } from '../../jht/kpj-balances.js';
import { nextUtcMidnight, servedMemberView } from '../../member-views/member-views.js';
import { memberProcedure } from '../../trpc.js';
import { dayOf } from './balance-summary.js';
import { kpjBalanceOutput, kpjBalanceRow } from './kpj-output.js';

const kpjBalancesOutput = z.object({ cards: z.array(kpjBalanceOutput), total: z.number() });

/**
 * The member's KPJ numbers, each with its JHT statement; merged cards say into which. Served
 * from a stored view (`member-views/`): one row per request while nothing in it changes.
 */
export const kpjBalances = memberProcedure
  .meta({ memberView: 'kpj_balances' })
  .output(kpjBalancesOutput)
  .query(({ ctx }) =>
    servedMemberView(ctx, 'kpj_balances', kpjBalancesOutput, (now) => {
      const cards = kpjBalancesOf(ctx.db, ctx.member.memberId, dayOf(now)).map(kpjBalanceRow);
      // Drawn as of the UTC day.
      return {
        value: { cards, total: cards.reduce((sum, c) => sum + c.balance, 0) },
        validUntil: nextUtcMidnight(now),
      };
    }),
  );
