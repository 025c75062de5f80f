import { z } from 'zod';
import { kpjBalancesOf } from '../../jht/kpj-balances.js';
import { memberProcedure } from '../../trpc.js';
import { kpjBalanceOutput, statementYearRow } from './kpj-output.js';

/** The member's KPJ numbers, each with its JHT statement; merged cards say into which. */
export const kpjBalances = memberProcedure
  .output(z.object({ cards: z.array(kpjBalanceOutput), total: z.number() }))
  .query(({ ctx }) => {
    const today = ctx.clock.now().toISOString().slice(0, 10);
    const cards = kpjBalancesOf(ctx.db, ctx.member.memberId, today).map((b) => ({
      kpj: b.kpj,
      balance: b.statement.balance,
      isActive: b.isActive,
      mergedIntoKpj: b.mergedIntoKpj,
      closedOn: b.closedOn,
      years: b.statement.years.map(statementYearRow),
    }));
    return { cards, total: cards.reduce((sum, c) => sum + c.balance, 0) };
  });
