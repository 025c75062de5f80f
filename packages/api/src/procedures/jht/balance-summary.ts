import { sumStatements } from '@pulih/domain';
import { z } from 'zod';
import type { Db } from '../../db/database.js';
import { kpjBalancesOf } from '../../jht/kpj-balances.js';
import { membershipStatusOf, membershipStatusReasons, membershipStatusView } from '../../jht/membership-status-of.js';
import { kpjBalanceOutput, kpjBalanceRow, statementYearOutput, statementYearRow } from './kpj-output.js';

export const membershipOutput = z.object({
  status: z.enum(['aktif', 'non_aktif']),
  /** Why, as the domain's stable code; front ends word it (id first, en second). */
  reason: z.enum(membershipStatusReasons),
  since: z.string().nullable(),
});

/** A member's JHT balances per KPJ and in total, with the membership status, as of one day. */
export const balanceSummaryOutput = z.object({
  asOf: z.string(),
  cards: z.array(kpjBalanceOutput),
  total: z.number(),
  /** The statement over every KPJ of the person, year by year. */
  totalYears: z.array(statementYearOutput),
  membership: membershipOutput,
});
export type BalanceSummary = z.infer<typeof balanceSummaryOutput>;

/** The whole person's balances and status on `asOf` (a `YYYY-MM-DD` day). */
export function balanceSummaryOf(db: Db, memberId: number, asOf: string): BalanceSummary {
  const balances = kpjBalancesOf(db, memberId, asOf);
  const total = sumStatements(balances.map((b) => b.statement));
  return {
    asOf,
    cards: balances.map(kpjBalanceRow),
    total: total.balance,
    totalYears: total.years.map(statementYearRow),
    membership: membershipStatusView(membershipStatusOf(db, memberId, asOf)),
  };
}

/** Today as the server's clock has it, as a `YYYY-MM-DD` day. */
export const dayOf = (now: Date): string => now.toISOString().slice(0, 10);
