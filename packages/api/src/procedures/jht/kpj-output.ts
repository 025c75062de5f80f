import { z } from 'zod';
import type { KpjBalance } from '../../jht/kpj-balances.js';

export const statementYearOutput = z.object({
  year: z.number(),
  opening: z.number(),
  contributions: z.number(),
  transfersIn: z.number(),
  transfersOut: z.number(),
  yield: z.number(),
  closing: z.number(),
});

export const kpjBalanceOutput = z.object({
  kpj: z.string(),
  balance: z.number(),
  isActive: z.boolean(),
  mergedIntoKpj: z.string().nullable(),
  closedOn: z.string().nullable(),
  years: z.array(statementYearOutput),
});

export const balanceMovesOutput = z.object({
  moves: z.array(z.object({ fromKpj: z.string(), amount: z.number() })),
  intoKpj: z.string(),
});

export const kpjInput = z
  .string()
  .trim()
  .regex(/^\d{11}$/, 'An 11-digit KPJ number.');

/** One year of a domain statement, in the shape of `statementYearOutput`. */
export const statementYearRow = (y: {
  readonly year: number;
  readonly opening: number;
  readonly contributions: number;
  readonly transfersIn: number;
  readonly transfersOut: number;
  readonly yield: number;
  readonly closing: number;
}) => ({
  year: y.year,
  opening: y.opening,
  contributions: y.contributions,
  transfersIn: y.transfersIn,
  transfersOut: y.transfersOut,
  yield: y.yield,
  closing: y.closing,
});

/** One KPJ card with its statement, in the shape of `kpjBalanceOutput`. */
export const kpjBalanceRow = (b: KpjBalance) => ({
  kpj: b.kpj,
  balance: b.statement.balance,
  isActive: b.isActive,
  mergedIntoKpj: b.mergedIntoKpj,
  closedOn: b.closedOn,
  years: b.statement.years.map(statementYearRow),
});
