import type { IsoDate } from '../calendar.js';
import { type IsoPeriod, periodIndex, requireIsoDate } from './jht-dates.js';
import { mulDivRoundHalfUp, requireRupiah } from './jht-money.js';

/** One month's JHT contribution on one KPJ; it counts only once paid, on the day it was paid. */
export interface JhtContribution {
  readonly period: IsoPeriod;
  readonly employee: number;
  readonly employer: number;
  readonly paidAt: IsoDate | null;
}

/** A balance merge between KPJ numbers ("penggabungan saldo"), seen from the KPJ of the statement. */
export interface JhtTransfer {
  readonly date: IsoDate;
  readonly amount: number;
  readonly direction: 'in' | 'out';
  readonly counterpartKpj: string;
}

/** A JHT claim paid out of the KPJ (the whole balance, or a partial claim), on the day it was paid. */
export interface JhtPayout {
  readonly date: IsoDate;
  readonly amount: number;
}

/** The yield ("hasil pengembangan") declared for a calendar year: 719 = 7.19%. */
export interface JhtYieldRate {
  readonly year: number;
  readonly rateBasisPoints: number;
}

export interface JhtStatementInput {
  readonly contributions: readonly JhtContribution[];
  readonly transfers: readonly JhtTransfer[];
  /** Paid claims; none when absent. */
  readonly payouts?: readonly JhtPayout[];
  readonly yieldRates: readonly JhtYieldRate[];
  readonly asOf: IsoDate;
}

/**
 * `credited`: the year has ended and its rate is known; `year_open`: the year has not ended by the
 * statement date, so no yield yet; `rate_missing`: the year has ended but no rate was given, so its
 * yield is shown as 0 until the rate is loaded.
 */
export type JhtYieldStatus = 'credited' | 'year_open' | 'rate_missing';

export interface JhtStatementYear {
  readonly year: number;
  readonly opening: number;
  readonly contributions: number;
  readonly transfersIn: number;
  readonly transfersOut: number;
  /** Claims paid out in the year. */
  readonly payouts: number;
  readonly yield: number;
  readonly closing: number;
  /** The rate the yield was computed with; null when there is none (year open or rate missing). */
  readonly rateBasisPoints: number | null;
  readonly yieldStatus: JhtYieldStatus;
}

export interface JhtStatement {
  /** From the first year with a paid contribution or a transfer to the year of the statement date. */
  readonly years: readonly JhtStatementYear[];
  /** The balance at the end of the statement date. */
  readonly balance: number;
  /** Ended years without a rate, ascending: their yield is 0 in this statement. */
  readonly missingRates: readonly number[];
}

interface DayFlows {
  contributions: number;
  transfersIn: number;
  transfersOut: number;
  payouts: number;
}

function requireNonNegativeRupiah(value: number, label: string): number {
  if (requireRupiah(value, label) < 0) throw new Error(`${label} must not be negative: ${value}`);
  return value;
}

/** Paid contributions and transfers up to `asOf`, summed per day: rows of one day count as one move. */
function flowsByDay(input: JhtStatementInput): Map<IsoDate, DayFlows> {
  const days = new Map<IsoDate, DayFlows>();
  const on = (date: IsoDate): DayFlows => {
    let flows = days.get(date);
    if (flows === undefined) {
      flows = { contributions: 0, transfersIn: 0, transfersOut: 0, payouts: 0 };
      days.set(date, flows);
    }
    return flows;
  };
  for (const c of input.contributions) {
    periodIndex(c.period);
    const amount =
      requireNonNegativeRupiah(c.employee, 'employee contribution') +
      requireNonNegativeRupiah(c.employer, 'employer contribution');
    if (c.paidAt === null) continue;
    requireIsoDate(c.paidAt, 'paidAt');
    if (c.paidAt <= input.asOf) on(c.paidAt).contributions += amount;
  }
  for (const t of input.transfers) {
    requireIsoDate(t.date, 'transfer date');
    const amount = requireNonNegativeRupiah(t.amount, 'transfer amount');
    if (t.direction !== 'in' && t.direction !== 'out') throw new Error(`unknown transfer direction: ${t.direction}`);
    if (t.date > input.asOf) continue;
    if (t.direction === 'in') on(t.date).transfersIn += amount;
    else on(t.date).transfersOut += amount;
  }
  for (const p of input.payouts ?? []) {
    requireIsoDate(p.date, 'payout date');
    const amount = requireNonNegativeRupiah(p.amount, 'payout amount');
    if (p.date <= input.asOf) on(p.date).payouts += amount;
  }
  return days;
}

function ratesByYear(rates: readonly JhtYieldRate[]): Map<number, number> {
  const byYear = new Map<number, number>();
  for (const { year, rateBasisPoints } of rates) {
    if (!Number.isSafeInteger(year) || !Number.isSafeInteger(rateBasisPoints)) {
      throw new Error(`a yield rate needs a whole year and whole basis points: ${year}, ${rateBasisPoints}`);
    }
    const known = byYear.get(year);
    if (known !== undefined && known !== rateBasisPoints) throw new Error(`two different yield rates for ${year}`);
    byYear.set(year, rateBasisPoints);
  }
  return byYear;
}

/**
 * The yield base of a year, in rupiah-months: for each month, the money present at its start that
 * stayed until the end of the year (the lowest end-of-day balance from that month on), never below 0.
 * So money credited in a month earns from the next month on, and money that leaves during the year
 * (a merge to another KPJ) earns nothing here that year: the amount of a merge is what was actually
 * moved, so any part-year yield on it belongs to the move, not to this KPJ. When only part of the
 * balance leaves, the money that stays is the oldest.
 */
function yieldBase(monthStarts: readonly number[], endOfDay: readonly (readonly number[])[], closing: number): number {
  let lowest = closing;
  let base = 0;
  for (let month = 11; month >= 0; month--) {
    for (const balance of endOfDay[month] ?? []) lowest = Math.min(lowest, balance);
    lowest = Math.min(lowest, monthStarts[month] ?? 0);
    base += Math.max(0, lowest);
  }
  return base;
}

/**
 * The version of the statement rules below. The API stores statements it computed (a KPJ's
 * statement holds, by these rules, from its date until the next move takes effect or the year
 * ends) and computes again any stored under another version: bump it whenever a statement drawn
 * from the same rows and date could come out differently, or could change between two dates with
 * no move between them in the same year.
 */
export const JHT_STATEMENT_RULES_VERSION = 1;

/**
 * The JHT statement of one KPJ as of a date: per calendar year, the opening balance, paid
 * contributions, merges in and out, the yield and the closing balance.
 *
 * - A contribution counts once paid, on its `paidAt` day (a late payment for an old period earns
 *   from when it was paid); unpaid ones and those paid after `asOf` do not count.
 * - The yield is credited once a year, as the year closes, compounding: it is in the year's closing
 *   balance and in every balance from 1 January of the next year. A year that has not ended by
 *   `asOf` has no yield yet.
 * - The yield of a year = rate × base / 12, with the base of `yieldBase` (each month earns a twelfth
 *   of the yearly rate), rounded once per year to the nearest rupiah, halves up.
 * - An ended year without a rate gets yield 0 and is listed in `missingRates`.
 *
 * Rows that are not whole non-negative rupiah, real dates or valid periods are bugs and throw.
 */
export function computeJhtStatement(input: JhtStatementInput): JhtStatement {
  const asOfYear = requireIsoDate(input.asOf, 'asOf').year;
  const rates = ratesByYear(input.yieldRates);
  const days = flowsByDay(input);
  const dates = [...days.keys()].sort();
  const first = dates[0];
  if (first === undefined) return { years: [], balance: 0, missingRates: [] };

  const years: JhtStatementYear[] = [];
  const missingRates: number[] = [];
  let balance = 0;
  let next = 0;
  for (let year = requireIsoDate(first).year; year <= asOfYear; year++) {
    const opening = balance;
    const monthStarts: number[] = [];
    const endOfDay: number[][] = [];
    let contributions = 0;
    let transfersIn = 0;
    let transfersOut = 0;
    let payouts = 0;
    for (let month = 1; month <= 12; month++) {
      monthStarts.push(balance);
      const balances: number[] = [];
      const prefix = `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-`;
      for (let date = dates[next]; date?.startsWith(prefix); date = dates[++next]) {
        const flows = days.get(date) as DayFlows;
        contributions += flows.contributions;
        transfersIn += flows.transfersIn;
        transfersOut += flows.transfersOut;
        payouts += flows.payouts;
        balance += flows.contributions + flows.transfersIn - flows.transfersOut - flows.payouts;
        balances.push(balance);
      }
      endOfDay.push(balances);
    }
    const rate = rates.get(year);
    const ended = year < asOfYear;
    let yieldStatus: JhtYieldStatus = 'year_open';
    let yearYield = 0;
    if (ended && rate === undefined) {
      yieldStatus = 'rate_missing';
      missingRates.push(year);
    } else if (ended && rate !== undefined) {
      yieldStatus = 'credited';
      yearYield = mulDivRoundHalfUp(yieldBase(monthStarts, endOfDay, balance), rate, 12 * 10_000);
    }
    balance += yearYield;
    years.push({
      year,
      opening,
      contributions,
      transfersIn,
      transfersOut,
      payouts,
      yield: yearYield,
      closing: balance,
      rateBasisPoints: yieldStatus === 'credited' ? (rate ?? null) : null,
      yieldStatus,
    });
  }
  return { years, balance, missingRates };
}

/** The balance at the end of `date`, as a statement drawn that day would show it. */
export function jhtBalanceOn(input: JhtStatementInput, date: IsoDate): number {
  return computeJhtStatement({ ...input, asOf: date }).balance;
}

type SummedField = 'opening' | 'contributions' | 'transfersIn' | 'transfersOut' | 'payouts' | 'yield' | 'closing';

/**
 * The total over several KPJ numbers of one member, year by year (a KPJ opened later counts as 0
 * in the years before it). The statements must be drawn as of the same date; ones that end in
 * different years cannot be added up and throw. A year's rate is kept when every statement with
 * that year used the same one.
 */
export function sumStatements(statements: readonly JhtStatement[]): JhtStatement {
  const withYears = statements.filter((s) => s.years.length > 0);
  const lastYears = new Set(withYears.map((s) => s.years[s.years.length - 1]?.year));
  if (lastYears.size > 1) throw new Error('statements drawn as of different years cannot be added up');
  const firstYear = Math.min(...withYears.map((s) => s.years[0]?.year ?? Number.POSITIVE_INFINITY));
  const lastYear = [...lastYears][0];
  const years: JhtStatementYear[] = [];
  if (lastYear !== undefined) {
    for (let year = firstYear; year <= lastYear; year++) {
      const rows = withYears.flatMap((s) => s.years.filter((y) => y.year === year));
      const total = (field: SummedField): number => rows.reduce((sum, row) => sum + row[field], 0);
      const statuses = new Set(rows.map((row) => row.yieldStatus));
      const rateValues = new Set(rows.map((row) => row.rateBasisPoints));
      const yieldStatus: JhtYieldStatus = statuses.has('rate_missing')
        ? 'rate_missing'
        : statuses.has('year_open')
          ? 'year_open'
          : 'credited';
      years.push({
        year,
        opening: total('opening'),
        contributions: total('contributions'),
        transfersIn: total('transfersIn'),
        transfersOut: total('transfersOut'),
        payouts: total('payouts'),
        yield: total('yield'),
        closing: total('closing'),
        rateBasisPoints: yieldStatus === 'credited' && rateValues.size === 1 ? ([...rateValues][0] ?? null) : null,
        yieldStatus,
      });
    }
  }
  const missingRates = [...new Set(statements.flatMap((s) => s.missingRates))].sort((a, b) => a - b);
  return { years, balance: statements.reduce((sum, s) => sum + s.balance, 0), missingRates };
}
