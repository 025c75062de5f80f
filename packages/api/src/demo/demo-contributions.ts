import type { Db } from '../db/database.js';
import { contributions, employers, jhtYieldRates, participations } from '../db/schema.js';

/**
 * DEMO ONLY. Employers, employment history and monthly contributions for the documented demo
 * members, so that balances, statuses and balance merges show realistic figures.
 */
export const demoEmployers = [
  { npp: '10000001', name: 'PT SINAR JAYA TEKSTIL' },
  { npp: '10000002', name: 'PT NUSANTARA LOGISTIK' },
  { npp: '10000003', name: 'CV MAKMUR SENTOSA' },
  { npp: '10000004', name: 'PT KARYA BANGUN PERSADA' },
] as const;

export interface DemoEmployment {
  readonly kpj: string;
  readonly npp: string;
  readonly startedOn: string;
  /** Last month worked; null while employed. */
  readonly endedOn: string | null;
  readonly endReason: 'resignation' | 'phk' | 'contract_end' | null;
  readonly monthlyWage: number;
  /** The employer stopped paying after this month (`YYYY-MM`), although employment continues. */
  readonly paidUntil?: string;
}

export const demoEmployments: readonly DemoEmployment[] = [
  // Siti: two KPJ numbers, one per employer: the typical "penggabungan saldo" case.
  {
    kpj: '19011111111',
    npp: '10000001',
    startedOn: '2012-03-01',
    endedOn: '2018-06-30',
    endReason: 'resignation',
    monthlyWage: 3_500_000,
  },
  {
    kpj: '20022222222',
    npp: '10000002',
    startedOn: '2018-08-01',
    endedOn: null,
    endReason: null,
    monthlyWage: 6_200_000,
  },
  {
    kpj: '19033333333',
    npp: '10000003',
    startedOn: '2010-01-01',
    endedOn: null,
    endReason: null,
    monthlyWage: 4_800_000,
  },
  // Dewi: the employer has not paid for months (her status is non-aktif).
  {
    kpj: '19044444444',
    npp: '10000004',
    startedOn: '2005-02-01',
    endedOn: null,
    endReason: null,
    monthlyWage: 5_100_000,
    paidUntil: '2026-06',
  },
  // Agus resigned; his employer reported it, so a resignation claim is payable a month later.
  {
    kpj: '19099999999',
    npp: '10000003',
    startedOn: '2022-03-01',
    endedOn: '2026-08-31',
    endReason: 'resignation',
    monthlyWage: 4_000_000,
  },
  // Rudi's two registrations (see demo-duplicates.ts), each with its own employer.
  {
    kpj: '19088888888',
    npp: '10000002',
    startedOn: '2019-01-01',
    endedOn: null,
    endReason: null,
    monthlyWage: 5_600_000,
  },
  {
    kpj: '19077777777',
    npp: '10000003',
    startedOn: '2011-05-01',
    endedOn: '2018-11-30',
    endReason: 'resignation',
    monthlyWage: 3_900_000,
  },
];

/**
 * Yearly JHT yields in basis points. 2016 (7.19%) and 2020 (5.63%) are the published figures
 * cited in DOMAIN.md; the other years are ILLUSTRATIVE demo values, not the agency's figures.
 * Production loads the real table.
 */
export const demoYieldRates: readonly { year: number; rateBasisPoints: number }[] = [
  [2005, 900],
  [2006, 880],
  [2007, 850],
  [2008, 800],
  [2009, 810],
  [2010, 830],
  [2011, 820],
  [2012, 800],
  [2013, 780],
  [2014, 760],
  [2015, 740],
  [2016, 719],
  [2017, 650],
  [2018, 600],
  [2019, 590],
  [2020, 563],
  [2021, 560],
  [2022, 570],
  [2023, 575],
  [2024, 580],
  [2025, 585],
].map(([year, rateBasisPoints]) => ({ year: year as number, rateBasisPoints: rateBasisPoints as number }));

/** Wage-earner contribution rates in basis points (DOMAIN.md); JP on wages up to its cap. */
const RATES = { jhtEmployee: 200, jhtEmployer: 370, jkk: 24, jkm: 30, jpEmployee: 100, jpEmployer: 200, jkp: 36 };
const JP_WAGE_CAP = 10_547_400;
const share = (wage: number, basisPoints: number): number => Math.round((wage * basisPoints) / 10_000);

const monthAfter = (period: string): string => {
  const [y, m] = period.split('-').map(Number) as [number, number];
  return m === 12 ? `${y + 1}-01` : `${y}-${String(m + 1).padStart(2, '0')}`;
};

const monthBefore = (period: string): string => {
  const [y, m] = period.split('-').map(Number) as [number, number];
  return m === 1 ? `${y - 1}-12` : `${y}-${String(m - 1).padStart(2, '0')}`;
};

/** Monthly contribution rows of one employment, up to its end or the last full month before `today`. */
export function contributionRowsOf(employment: DemoEmployment, today: string) {
  const rows: (typeof contributions.$inferInsert)[] = [];
  const lastFullMonth = monthBefore(today.slice(0, 7));
  const ended = employment.endedOn?.slice(0, 7);
  const last = ended !== undefined && ended < lastFullMonth ? ended : lastFullMonth;
  for (let period = employment.startedOn.slice(0, 7); period <= last; period = monthAfter(period)) {
    const year = Number(period.slice(0, 4));
    // Wages rise about 5% a year from the start of the job.
    const wage =
      Math.round((employment.monthlyWage * 1.05 ** (year - Number(employment.startedOn.slice(0, 4)))) / 1000) * 1000;
    const jpWage = Math.min(wage, JP_WAGE_CAP);
    const unpaid = employment.paidUntil !== undefined && period > employment.paidUntil;
    rows.push({
      kpj: employment.kpj,
      period,
      npp: employment.npp,
      wage,
      jhtEmployee: share(wage, RATES.jhtEmployee),
      jhtEmployer: share(wage, RATES.jhtEmployer),
      jkk: share(wage, RATES.jkk),
      jkm: share(wage, RATES.jkm),
      jpEmployee: year >= 2015 ? share(jpWage, RATES.jpEmployee) : 0,
      jpEmployer: year >= 2015 ? share(jpWage, RATES.jpEmployer) : 0,
      jkp: year >= 2025 ? share(wage, RATES.jkp) : 0,
      paidAt: unpaid ? null : `${monthAfter(period)}-10`,
    });
  }
  return rows;
}

/** Seeds employers, employments, contributions and yields for the demo members. */
export function seedDemoContributions(db: Db, today: string): void {
  for (const employer of demoEmployers) db.insert(employers).values(employer).run();
  for (const rate of demoYieldRates) db.insert(jhtYieldRates).values(rate).run();
  for (const employment of demoEmployments) {
    db.insert(participations)
      .values({
        kpj: employment.kpj,
        npp: employment.npp,
        segment: 'PU',
        startedOn: employment.startedOn,
        endedOn: employment.endedOn,
        endReason: employment.endReason,
      })
      .run();
    for (const row of contributionRowsOf(employment, today)) db.insert(contributions).values(row).run();
  }
}
