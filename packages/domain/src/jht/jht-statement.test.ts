import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDaysToDate } from './jht-dates.js';
import {
  computeJhtStatement,
  type JhtContribution,
  type JhtStatement,
  type JhtStatementInput,
  type JhtTransfer,
  type JhtYieldRate,
  jhtBalanceOn,
  sumStatements,
} from './jht-statement.js';

/** 2% + 3.7% of a Rp5,000,000 wage. */
const monthly = (period: string, paidAt: string | null): JhtContribution => ({
  period,
  employee: 100_000,
  employer: 185_000,
  paidAt,
});
const transfer = (date: string, amount: number, direction: 'in' | 'out'): JhtTransfer => ({
  date,
  amount,
  direction,
  counterpartKpj: '19022222222',
});
// 2016 and 2020 are the figures of DOMAIN.md; the other years are illustrative.
const RATES: JhtYieldRate[] = [
  { year: 2015, rateBasisPoints: 600 },
  { year: 2016, rateBasisPoints: 719 },
  { year: 2019, rateBasisPoints: 600 },
  { year: 2020, rateBasisPoints: 563 },
];
const statement = (
  asOf: string,
  contributions: JhtContribution[],
  transfers: JhtTransfer[] = [],
  yieldRates = RATES,
): JhtStatement => computeJhtStatement({ contributions, transfers, yieldRates, asOf });

describe('computeJhtStatement: examples', () => {
  // Rp10,000,000 paid in December 2015, then a Rp5,000,000 wage from 2016, each month's
  // contribution paid on the 10th of the next month.
  const periods2016 = Array.from({ length: 12 }, (_, i) => `2016-${String(i + 1).padStart(2, '0')}`);
  const worker: JhtContribution[] = [
    { period: '2015-11', employee: 3_500_000, employer: 6_500_000, paidAt: '2015-12-15' },
    ...periods2016.map((period, i) =>
      monthly(period, i < 11 ? `2016-${String(i + 2).padStart(2, '0')}-10` : '2017-01-10'),
    ),
    ...['2017-01', '2017-02', '2017-03', '2017-04', '2017-05'].map((period, i) => monthly(period, `2017-0${i + 2}-10`)),
  ];

  it('shows per year the opening balance, contributions, yield and closing balance', () => {
    expect(statement('2017-06-30', worker)).toEqual({
      years: [
        {
          year: 2015,
          opening: 0,
          contributions: 10_000_000,
          transfersIn: 0,
          transfersOut: 0,
          payouts: 0,
          yield: 0, // paid in December: earns from January
          closing: 10_000_000,
          rateBasisPoints: 600,
          yieldStatus: 'credited',
        },
        {
          year: 2016,
          opening: 10_000_000,
          contributions: 3_135_000, // 11 payments within 2016
          transfersIn: 0,
          transfersOut: 0,
          payouts: 0,
          // (10,000,000 × 12 + 285,000 × (10 + 9 + … + 0)) × 7.19% / 12 = 812,919.375
          yield: 812_919,
          closing: 13_947_919,
          rateBasisPoints: 719,
          yieldStatus: 'credited',
        },
        {
          year: 2017,
          opening: 13_947_919,
          contributions: 1_710_000, // paid January to June
          transfersIn: 0,
          transfersOut: 0,
          payouts: 0,
          yield: 0,
          closing: 15_657_919,
          rateBasisPoints: null,
          yieldStatus: 'year_open',
        },
      ],
      balance: 15_657_919,
      missingRates: [],
    });
  });

  it('credits a year’s yield as the year closes: in balances from 1 January, not on 31 December', () => {
    const input = { contributions: worker, transfers: [], yieldRates: RATES, asOf: '2030-01-01' };
    expect(jhtBalanceOn(input, '2016-12-31')).toBe(13_135_000);
    expect(jhtBalanceOn(input, '2017-01-01')).toBe(13_947_919);
    expect(jhtBalanceOn(input, '2017-01-10')).toBe(13_947_919 + 285_000);
  });

  it('counts a contribution only once paid, on the day it was paid', () => {
    const s = statement('2019-12-31', [
      monthly('2019-01', '2019-02-10'),
      monthly('2019-02', null), // unpaid
      monthly('2019-03', '2020-01-05'), // paid after the statement date
    ]);
    expect(s.balance).toBe(285_000);
    expect(statement('2020-01-05', [monthly('2019-03', '2020-01-05')]).balance).toBe(285_000);
  });

  it('lets a merge into this KPJ earn from the month after it arrives (DOMAIN.md 2020 rate, 5.63%)', () => {
    // Rp20,000,000 arriving on 31 March earns April to December: 20,000,000 × 9 × 5.63% / 12 = 844,500.
    const s = statement('2021-01-01', [], [transfer('2020-03-31', 20_000_000, 'in')]);
    expect(s.years[0]).toMatchObject({ year: 2020, transfersIn: 20_000_000, yield: 844_500, closing: 20_844_500 });
  });

  it('moves the whole balance out in a merge and leaves nothing behind, not even that year’s yield', () => {
    const contributions = [{ period: '2019-11', employee: 3_500_000, employer: 6_500_000, paidAt: '2019-12-20' }];
    const out = statement('2021-06-01', contributions, [transfer('2020-06-15', 10_000_000, 'out')]);
    expect(out.years.map((y) => [y.year, y.closing, y.yield])).toEqual([
      [2019, 10_000_000, 0],
      [2020, 0, 0],
      [2021, 0, 0],
    ]);
    expect(out.balance).toBe(0);
    // The receiving KPJ earns from July: 10,000,000 × 6 × 5.63% / 12 = 281,500.
    const into = statement('2021-06-01', [], [transfer('2020-06-15', 10_000_000, 'in')]);
    expect(into.years[0]?.yield).toBe(281_500);
    expect(sumStatements([out, into]).balance).toBe(10_281_500);
  });

  it('takes a paid claim out of the balance on the day it was paid, and the rest keeps earning', () => {
    const contributions = [{ period: '2019-11', employee: 3_500_000, employer: 6_500_000, paidAt: '2019-12-20' }];
    const input = { contributions, transfers: [], yieldRates: RATES };
    // A 10% partial claim paid on 15 March 2020: 9,000,000 earn the whole of 2020 (5.63%).
    const s = computeJhtStatement({
      ...input,
      payouts: [{ date: '2020-03-15', amount: 1_000_000 }],
      asOf: '2021-01-01',
    });
    expect(s.years[1]).toMatchObject({ year: 2020, opening: 10_000_000, payouts: 1_000_000, yield: 506_700 });
    expect(s.balance).toBe(9_506_700);
    // Before the day it is paid, the claim is not in the balance.
    expect(
      jhtBalanceOn(
        { ...input, payouts: [{ date: '2020-03-15', amount: 1_000_000 }], asOf: '2021-01-01' },
        '2020-03-14',
      ),
    ).toBe(10_000_000);
  });

  it('lets the money that stays after a partial merge earn for the whole year', () => {
    const contributions = [{ period: '2019-11', employee: 3_500_000, employer: 6_500_000, paidAt: '2019-12-20' }];
    const s = statement('2021-01-01', contributions, [transfer('2020-03-15', 4_000_000, 'out')]);
    // 6,000,000 × 12 × 5.63% / 12 = 337,800; the 4,000,000 that left earns nothing here.
    expect(s.years[1]).toMatchObject({ year: 2020, opening: 10_000_000, transfersOut: 4_000_000, yield: 337_800 });
  });

  it('rounds a year’s yield to the nearest rupiah, halves up', () => {
    // Rp1 paid in June at 100% earns half a rupiah (July to December): Rp1.
    const yearly = [{ year: 2019, rateBasisPoints: 10_000 }];
    expect(
      statement('2020-01-01', [{ period: '2019-05', employee: 1, employer: 0, paidAt: '2019-06-15' }], [], yearly)
        .balance,
    ).toBe(2);
    // Rp1 paid in July earns 5/12 of a rupiah: Rp0.
    expect(
      statement('2020-01-01', [{ period: '2019-06', employee: 1, employer: 0, paidAt: '2019-07-15' }], [], yearly)
        .balance,
    ).toBe(1);
  });

  it('gives yield 0 for an ended year without a rate and flags it', () => {
    const s = statement('2019-03-01', [monthly('2016-12', '2017-01-10')]);
    expect(s.missingRates).toEqual([2017, 2018]);
    expect(s.years.map((y) => [y.year, y.yield, y.yieldStatus])).toEqual([
      [2017, 0, 'rate_missing'],
      [2018, 0, 'rate_missing'],
      [2019, 0, 'year_open'],
    ]);
  });

  it('is empty for a KPJ with nothing paid yet', () => {
    expect(statement('2025-01-01', [monthly('2024-12', null)])).toEqual({ years: [], balance: 0, missingRates: [] });
  });

  it.each<[string, Partial<JhtStatementInput>]>([
    ['a fractional rupiah', { contributions: [{ ...monthly('2020-01', '2020-02-10'), employee: 0.5 }] }],
    ['a negative contribution', { contributions: [{ ...monthly('2020-01', '2020-02-10'), employer: -1 }] }],
    ['an impossible payment date', { contributions: [monthly('2020-01', '2020-02-30')] }],
    ['a malformed period', { contributions: [monthly('2020-1', '2020-02-10')] }],
    ['a negative transfer', { transfers: [transfer('2020-02-10', -5, 'in')] }],
    [
      'two different rates for one year',
      {
        yieldRates: [
          { year: 2020, rateBasisPoints: 563 },
          { year: 2020, rateBasisPoints: 600 },
        ],
      },
    ],
    ['a malformed statement date', { asOf: '2025/01/01' }],
  ])('throws on %s, which is a bug in stored data', (_label, change) => {
    const input: JhtStatementInput = {
      contributions: [],
      transfers: [],
      yieldRates: [],
      asOf: '2025-01-01',
      ...change,
    };
    expect(() => computeJhtStatement(input)).toThrow();
  });
});

describe('sumStatements', () => {
  it('adds several KPJ numbers year by year, a KPJ opened later counting 0 before', () => {
    const a = statement('2021-06-01', [monthly('2019-11', '2019-12-20')]);
    const b = statement('2021-06-01', [monthly('2020-11', '2020-12-20')]);
    const total = sumStatements([a, b]);
    expect(total.years.map((y) => [y.year, y.opening, y.contributions, y.closing])).toEqual([
      [2019, 0, 285_000, 285_000],
      [2020, 285_000, 285_000, 586_046], // a earns 285,000 × 5.63% = 16,045.5 → 16,046; b nothing yet
      [2021, 586_046, 0, 586_046],
    ]);
    expect(total.balance).toBe(a.balance + b.balance);
  });

  it('is empty for no statements and refuses statements drawn in different years', () => {
    expect(sumStatements([])).toEqual({ years: [], balance: 0, missingRates: [] });
    const a = statement('2021-06-01', [monthly('2019-11', '2019-12-20')]);
    const b = statement('2022-06-01', [monthly('2019-11', '2019-12-20')]);
    expect(() => sumStatements([a, b])).toThrow();
  });
});

// Property tests over random histories between 2015 and 2022.
const START = '2015-01-01';
const day = fc.integer({ min: 0, max: 8 * 366 }).map((n) => addDaysToDate(START, n));
const period = fc
  .record({ year: fc.integer({ min: 2014, max: 2022 }), month: fc.integer({ min: 1, max: 12 }) })
  .map(({ year, month }) => `${year}-${String(month).padStart(2, '0')}`);
const contribution: fc.Arbitrary<JhtContribution> = fc.record({
  period,
  employee: fc.integer({ min: 0, max: 2_000_000 }),
  employer: fc.integer({ min: 0, max: 4_000_000 }),
  paidAt: fc.option(day, { nil: null, freq: 5 }),
});
const transferArb = (directions: ('in' | 'out')[]): fc.Arbitrary<JhtTransfer> =>
  fc.record({
    date: day,
    amount: fc.integer({ min: 0, max: 50_000_000 }),
    direction: fc.constantFrom(...directions),
    counterpartKpj: fc.constantFrom('19011111111', '19022222222'),
  });
const rates = fc
  .uniqueArray(fc.integer({ min: 2014, max: 2023 }), { maxLength: 10 })
  .chain((years) =>
    fc.tuple(
      ...years.map((year) => fc.integer({ min: 0, max: 1_200 }).map((rateBasisPoints) => ({ year, rateBasisPoints }))),
    ),
  );
const input = (directions: ('in' | 'out')[] = ['in', 'out']): fc.Arbitrary<JhtStatementInput> =>
  fc.record({
    contributions: fc.array(contribution, { maxLength: 25 }),
    transfers: fc.array(transferArb(directions), { maxLength: 5 }),
    yieldRates: rates,
    asOf: day,
  });

const sum = (values: number[]): number => values.reduce((a, b) => a + b, 0);

describe('computeJhtStatement: properties', () => {
  it('makes the balance the paid contributions plus yields plus merges in minus merges out', () => {
    fc.assert(
      fc.property(input(), (i) => {
        const s = computeJhtStatement(i);
        const paid = i.contributions.filter((c) => c.paidAt !== null && c.paidAt <= i.asOf);
        const moved = (direction: 'in' | 'out'): number =>
          sum(i.transfers.filter((t) => t.direction === direction && t.date <= i.asOf).map((t) => t.amount));
        expect(sum(s.years.map((y) => y.contributions))).toBe(sum(paid.map((c) => c.employee + c.employer)));
        expect(sum(s.years.map((y) => y.transfersIn))).toBe(moved('in'));
        expect(sum(s.years.map((y) => y.transfersOut))).toBe(moved('out'));
        expect(s.balance).toBe(
          sum(paid.map((c) => c.employee + c.employer)) + sum(s.years.map((y) => y.yield)) + moved('in') - moved('out'),
        );
      }),
    );
  });

  it('opens each year with the closing balance of the year before, from 0, through the statement year', () => {
    fc.assert(
      fc.property(input(), (i) => {
        const s = computeJhtStatement(i);
        s.years.forEach((y, n) => {
          expect(y.opening).toBe(n === 0 ? 0 : s.years[n - 1]?.closing);
          expect(y.closing).toBe(y.opening + y.contributions + y.transfersIn - y.transfersOut + y.yield);
          if (n > 0) expect(y.year).toBe((s.years[n - 1]?.year ?? 0) + 1);
        });
        if (s.years.length > 0) {
          expect(s.years[s.years.length - 1]?.year).toBe(Number(i.asOf.slice(0, 4)));
          expect(s.years[s.years.length - 1]?.closing).toBe(s.balance);
        }
      }),
    );
  });

  it('credits yield only for ended years, and flags exactly the ended years without a rate', () => {
    fc.assert(
      fc.property(input(['in']), (i) => {
        const s = computeJhtStatement(i);
        const asOfYear = Number(i.asOf.slice(0, 4));
        const rated = new Set(i.yieldRates.map((r) => r.year));
        for (const y of s.years) {
          expect(y.yield).toBeGreaterThanOrEqual(0);
          if (y.year === asOfYear) expect([y.yield, y.yieldStatus]).toEqual([0, 'year_open']);
          else expect(y.yieldStatus).toBe(rated.has(y.year) ? 'credited' : 'rate_missing');
        }
        expect(s.missingRates).toEqual(s.years.filter((y) => y.yieldStatus === 'rate_missing').map((y) => y.year));
      }),
    );
  });

  it('leaves 0 on every later day after a merge out of the whole balance', () => {
    fc.assert(
      fc.property(input(), day, fc.integer({ min: 0, max: 3 * 366 }), (i, d, later) => {
        const before: JhtStatementInput = {
          ...i,
          contributions: i.contributions.filter((c) => c.paidAt === null || c.paidAt <= d),
          transfers: i.transfers.filter((t) => t.date <= d),
        };
        const whole = jhtBalanceOn(before, d);
        fc.pre(whole >= 0);
        const after = { ...before, transfers: [...before.transfers, transfer(d, whole, 'out')] };
        expect(jhtBalanceOn(after, d)).toBe(0);
        expect(jhtBalanceOn(after, addDaysToDate(d, later))).toBe(0);
      }),
    );
  });

  it('does not depend on the order of the rows', () => {
    fc.assert(
      fc.property(input(), fc.infiniteStream(fc.double({ noNaN: true })), (i, keys) => {
        const shuffle = <T>(rows: readonly T[]): T[] => {
          const it = keys[Symbol.iterator]();
          return rows
            .map((row) => ({ row, key: it.next().value as number }))
            .sort((a, b) => a.key - b.key)
            .map(({ row }) => row);
        };
        const shuffled = {
          ...i,
          contributions: shuffle(i.contributions),
          transfers: shuffle(i.transfers),
          yieldRates: shuffle(i.yieldRates),
        };
        expect(computeJhtStatement(shuffled)).toEqual(computeJhtStatement(i));
      }),
    );
  });

  it('keeps the total of contributions, year by year, when contributions move from one KPJ to another', () => {
    fc.assert(
      fc.property(
        fc.array(contribution, { maxLength: 25 }),
        fc.array(fc.boolean(), { minLength: 25, maxLength: 25 }),
        fc.array(fc.boolean(), { minLength: 25, maxLength: 25 }),
        rates,
        day,
        (contributions, sideBefore, sideAfter, yieldRates, asOf) => {
          const split = (sides: boolean[]): JhtStatement =>
            sumStatements(
              [true, false].map((side) =>
                computeJhtStatement({
                  contributions: contributions.filter((_, n) => sides[n] === side),
                  transfers: [],
                  yieldRates,
                  asOf,
                }),
              ),
            );
          const before = split(sideBefore);
          const after = split(sideAfter);
          const byYear = (s: JhtStatement) =>
            s.years.filter((y) => y.contributions > 0).map((y) => [y.year, y.contributions]);
          expect(byYear(after)).toEqual(byYear(before));
          // The balances differ by the rounding of each KPJ's yearly yield only.
          expect(Math.abs(after.balance - before.balance)).toBeLessThanOrEqual(3 * before.years.length);
        },
      ),
    );
  });

  it('never lowers the balance when one more contribution is paid', () => {
    fc.assert(
      fc.property(input(), contribution, (i, extra) => {
        const more = { ...i, contributions: [...i.contributions, extra] };
        expect(computeJhtStatement(more).balance).toBeGreaterThanOrEqual(computeJhtStatement(i).balance);
      }),
    );
  });

  it('totals one statement as itself', () => {
    fc.assert(
      fc.property(input(), (i) => {
        const s = computeJhtStatement(i);
        expect(sumStatements([s])).toEqual(s);
      }),
    );
  });
});
