import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDaysToDate, periodFromIndex, periodIndex } from './jht-dates.js';
import { DEFAULT_JHT_SETTINGS } from './jht-settings.js';
import { type MembershipFacts, type MembershipStatus, membershipStatusOn } from './membership-status.js';
import type { Participation } from './participation.js';

const job = (startedOn: string, end: Partial<Participation> = {}): Participation => ({
  kpj: '19012345678',
  npp: '12345678',
  segment: 'PU',
  startedOn,
  endedOn: null,
  endReason: null,
  ...end,
});
/** Every month from `from` to `to`, both included. */
const months = (from: string, to: string): string[] => {
  const out: string[] = [];
  for (let m = periodIndex(from); m <= periodIndex(to); m++) out.push(periodFromIndex(m));
  return out;
};
const member: MembershipFacts = {
  birthDate: '1985-07-17',
  diedOn: null,
  dataMismatch: false,
  participations: [job('2020-01-06')],
  paidPeriods: months('2020-01', '2025-01'),
};
type Expected = Pick<MembershipStatus, 'status' | 'reason' | 'since'> & { missingPeriods?: string[] };

describe('membershipStatusOn: examples', () => {
  it.each<[string, string, Partial<MembershipFacts>, Expected]>([
    [
      'every month paid',
      '2025-02-15',
      {},
      { status: 'aktif', reason: 'contributing', since: '2020-01-06', missingPeriods: [] },
    ],
    [
      'the current month not paid yet: it may be on its way',
      '2025-02-28',
      {},
      { status: 'aktif', reason: 'contributing', since: '2020-01-06', missingPeriods: [] },
    ],
    [
      'February missing once it is past',
      '2025-03-01',
      {},
      { status: 'aktif', reason: 'contributing', since: '2020-01-06', missingPeriods: ['2025-02'] },
    ],
    [
      'two months missing on the last day of the third',
      '2025-04-30',
      {},
      { status: 'aktif', reason: 'contributing', since: '2020-01-06', missingPeriods: ['2025-02', '2025-03'] },
    ],
    [
      'three months missing from the day the third is past',
      '2025-05-01',
      {},
      {
        status: 'non_aktif',
        reason: 'no_contribution_3_months',
        since: '2025-05-01',
        missingPeriods: ['2025-02', '2025-03', '2025-04'],
      },
    ],
    [
      'more months missing, still non-aktif since the third was past',
      '2025-06-10',
      {},
      {
        status: 'non_aktif',
        reason: 'no_contribution_3_months',
        since: '2025-05-01',
        missingPeriods: ['2025-02', '2025-03', '2025-04', '2025-05'],
      },
    ],
    [
      'a gap in the past, paid again since: aktif from the month after the payment',
      '2025-03-15',
      { paidPeriods: [...months('2020-01', '2024-10'), '2025-02'] },
      {
        status: 'aktif',
        reason: 'contributing',
        since: '2025-03-01',
        missingPeriods: ['2024-11', '2024-12', '2025-01'],
      },
    ],
    [
      'the day before the employment ends',
      '2025-01-30',
      { participations: [job('2020-01-06', { endedOn: '2025-01-31', endReason: 'resignation' })] },
      { status: 'aktif', reason: 'contributing', since: '2020-01-06' },
    ],
    [
      'the day the employment ends',
      '2025-01-31',
      { participations: [job('2020-01-06', { endedOn: '2025-01-31', endReason: 'resignation' })] },
      { status: 'non_aktif', reason: 'employment_ended', since: '2025-01-31', missingPeriods: [] },
    ],
    [
      'a new employer that has not paid for three months',
      '2025-04-01',
      {
        participations: [
          job('2015-01-05', { endedOn: '2025-01-01', endReason: 'resignation' }),
          { ...job('2025-01-01'), kpj: '19087654321', npp: '87654321' },
        ],
        paidPeriods: months('2015-01', '2024-12'),
      },
      {
        status: 'non_aktif',
        reason: 'no_contribution_3_months',
        since: '2025-04-01',
        missingPeriods: ['2025-01', '2025-02', '2025-03'],
      },
    ],
    [
      'an overlapping job that ended: its months still count while the other goes on',
      '2018-05-01',
      {
        participations: [job('2018-02-01'), job('2018-01-01', { endedOn: '2018-05-01', endReason: 'phk' })],
        paidPeriods: [],
      },
      {
        status: 'non_aktif',
        reason: 'never_contributed',
        since: '2018-04-01',
        missingPeriods: ['2018-01', '2018-02', '2018-03', '2018-04'],
      },
    ],
    [
      'a new job after a gap: only its months count',
      '2025-03-01',
      {
        participations: [job('2015-01-05', { endedOn: '2024-06-01', endReason: 'phk' }), job('2024-09-02')],
        paidPeriods: months('2024-09', '2025-02'),
      },
      { status: 'aktif', reason: 'contributing', since: '2024-09-02', missingPeriods: [] },
    ],
    [
      'a new member in the first month',
      '2025-03-20',
      { participations: [job('2025-03-10')], paidPeriods: [] },
      { status: 'aktif', reason: 'awaiting_first_contribution', since: '2025-03-10', missingPeriods: [] },
    ],
    [
      'a new member whose first month is past and unpaid',
      '2025-04-01',
      { participations: [job('2025-03-10')], paidPeriods: [] },
      { status: 'aktif', reason: 'awaiting_first_contribution', since: '2025-03-10', missingPeriods: ['2025-03'] },
    ],
    [
      'a new member never paid for three months',
      '2025-06-01',
      { participations: [job('2025-03-10')], paidPeriods: [] },
      {
        status: 'non_aktif',
        reason: 'never_contributed',
        since: '2025-06-01',
        missingPeriods: ['2025-03', '2025-04', '2025-05'],
      },
    ],
    [
      'a participation starting later',
      '2025-03-01',
      { participations: [job('2025-04-01')], paidPeriods: [] },
      { status: 'non_aktif', reason: 'no_participation', since: null, missingPeriods: [] },
    ],
    [
      'no participation',
      '2025-03-01',
      { participations: [] },
      { status: 'non_aktif', reason: 'no_participation', since: null },
    ],
    [
      'data not matching the registry',
      '2025-02-15',
      { dataMismatch: true },
      { status: 'non_aktif', reason: 'data_mismatch', since: null },
    ],
    [
      'the day before the 56th birthday',
      '2025-05-09',
      { birthDate: '1969-05-10', paidPeriods: months('2020-01', '2025-04') },
      { status: 'aktif', reason: 'contributing', since: '2020-01-06' },
    ],
    [
      'the 56th birthday',
      '2025-05-10',
      { birthDate: '1969-05-10' },
      { status: 'non_aktif', reason: 'age_56', since: '2025-05-10' },
    ],
    [
      '56 on 29 February of a leap year',
      '2024-02-29',
      { birthDate: '1968-02-29' },
      { status: 'non_aktif', reason: 'age_56', since: '2024-02-29' },
    ],
    [
      'the day before',
      '2024-02-28',
      { birthDate: '1968-02-29' },
      { status: 'aktif', reason: 'contributing', since: '2020-01-06' },
    ],
    [
      'born on 29 February 2044, 56 on 28 February 2100 (not a leap year)',
      '2100-02-28',
      { birthDate: '2044-02-29', participations: [job('2070-01-05')], paidPeriods: months('2070-01', '2100-01') },
      { status: 'non_aktif', reason: 'age_56', since: '2100-02-28' },
    ],
    [
      'death',
      '2025-03-03',
      { diedOn: '2025-03-03', dataMismatch: true },
      { status: 'non_aktif', reason: 'died', since: '2025-03-03' },
    ],
    [
      'a death recorded after the status date',
      '2025-02-15',
      { diedOn: '2025-03-03' },
      { status: 'aktif', reason: 'contributing', since: '2020-01-06' },
    ],
    [
      'an unknown birth date',
      '2025-02-15',
      { birthDate: null },
      { status: 'aktif', reason: 'contributing', since: '2020-01-06' },
    ],
  ])('%s (on %s)', (_label, asOf, change, expected) => {
    const status = membershipStatusOn({ ...member, ...change }, asOf);
    expect(status).toMatchObject(expected);
  });

  it('uses the retirement age and inactivity months in force on the date', () => {
    const settings = {
      ...DEFAULT_JHT_SETTINGS,
      retirementAge: [{ from: '1900-01-01', value: 57 }],
      membershipInactivityMonths: [{ from: '1900-01-01', value: 2 }],
    };
    // Born on 29 February, 57 on 28 February of a common year.
    expect(membershipStatusOn({ ...member, birthDate: '1968-02-29' }, '2025-02-28', settings)).toMatchObject({
      reason: 'age_56',
      since: '2025-02-28',
    });
    expect(membershipStatusOn(member, '2025-04-01', settings)).toMatchObject({
      reason: 'no_contribution_3_months',
      since: '2025-04-01',
    });
  });
});

// Random members between 2018 and 2026, with one or two participations and some months unpaid.
const START = '2018-01-01';
const day = fc.integer({ min: 0, max: 8 * 366 }).map((n) => addDaysToDate(START, n));
const participation: fc.Arbitrary<Participation> = fc
  .record({ startedOn: day, length: fc.option(fc.integer({ min: 0, max: 3_000 }), { nil: null }) })
  .map(({ startedOn, length }) =>
    length === null ? job(startedOn) : job(startedOn, { endedOn: addDaysToDate(startedOn, length), endReason: 'phk' }),
  );
const facts: fc.Arbitrary<MembershipFacts> = fc.record({
  birthDate: fc.constant('1985-07-17'),
  diedOn: fc.constant(null),
  dataMismatch: fc.constant(false),
  participations: fc.array(participation, { minLength: 1, maxLength: 2 }),
  paidPeriods: fc.subarray(months('2018-01', '2026-12')),
});

describe('membershipStatusOn: properties', () => {
  it('keeps a member whose every past month is paid aktif, with nothing missing', () => {
    fc.assert(
      fc.property(facts, day, (f, asOf) => {
        const status = membershipStatusOn({ ...f, paidPeriods: months('2018-01', '2026-12') }, asOf);
        expect(status.missingPeriods).toEqual([]);
        if (status.reason !== 'no_participation' && status.reason !== 'employment_ended') {
          expect(status.status).toBe('aktif');
        }
      }),
    );
  });

  it('lists as missing only past, unpaid months of the employment going on, in order', () => {
    fc.assert(
      fc.property(facts, day, (f, asOf) => {
        const { missingPeriods } = membershipStatusOn(f, asOf);
        const started = f.participations.filter((p) => p.startedOn <= asOf);
        const open = started.filter((p) => p.endedOn === null || p.endedOn > asOf);
        if (open.length === 0) expect(missingPeriods).toEqual([]);
        const firstMonth = Math.min(...started.map((p) => periodIndex(p.startedOn.slice(0, 7))));
        const paid = new Set(f.paidPeriods);
        expect([...missingPeriods].sort()).toEqual(missingPeriods);
        for (const m of missingPeriods) {
          expect(paid.has(m)).toBe(false);
          expect(m < asOf.slice(0, 7)).toBe(true);
          expect(periodIndex(m)).toBeGreaterThanOrEqual(firstMonth);
        }
      }),
    );
  });

  it('is non-aktif for contributions exactly when the last three past months are all missing', () => {
    fc.assert(
      fc.property(facts, day, (f, asOf) => {
        const status = membershipStatusOn(f, asOf);
        fc.pre(status.reason !== 'no_participation' && status.reason !== 'employment_ended');
        const last = periodIndex(asOf.slice(0, 7)) - 1;
        const lastThree = [last - 2, last - 1, last].map(periodFromIndex);
        const allMissing = lastThree.every((m) => status.missingPeriods.includes(m));
        expect(status.status === 'non_aktif').toBe(allMissing);
      }),
    );
  });

  it('became non-aktif for contributions on its `since` day and was aktif the day before', () => {
    fc.assert(
      fc.property(facts, day, (f, asOf) => {
        const status = membershipStatusOn(f, asOf);
        fc.pre(status.reason === 'no_contribution_3_months' || status.reason === 'never_contributed');
        const since = status.since as string;
        expect(since <= asOf).toBe(true);
        expect(membershipStatusOn(f, since)).toMatchObject({ status: 'non_aktif', since });
        expect(membershipStatusOn(f, addDaysToDate(since, -1)).status).toBe('aktif');
      }),
    );
  });

  it('does not depend on the order of participations or paid months', () => {
    fc.assert(
      fc.property(facts, day, (f, asOf) => {
        const reversed = {
          ...f,
          participations: [...f.participations].reverse(),
          paidPeriods: [...f.paidPeriods].reverse(),
        };
        expect(membershipStatusOn(reversed, asOf)).toEqual(membershipStatusOn(f, asOf));
      }),
    );
  });

  it('counts a month paid on two KPJ numbers once (the shell passes every card’s months together)', () => {
    fc.assert(
      fc.property(facts, day, (f, asOf) => {
        const twice = { ...f, paidPeriods: [...f.paidPeriods, ...f.paidPeriods.slice(0, 5)] };
        expect(membershipStatusOn(twice, asOf)).toEqual(membershipStatusOn(f, asOf));
      }),
    );
  });

  it('puts death before every other reason, and age 56 before all but death', () => {
    fc.assert(
      fc.property(facts, day, fc.boolean(), (f, asOf, dataMismatch) => {
        expect(membershipStatusOn({ ...f, dataMismatch, diedOn: '2018-01-01' }, asOf)).toMatchObject({
          status: 'non_aktif',
          reason: 'died',
          since: '2018-01-01',
        });
        expect(membershipStatusOn({ ...f, dataMismatch, birthDate: '1950-01-01' }, asOf)).toMatchObject({
          status: 'non_aktif',
          reason: 'age_56',
          since: '2006-01-01',
        });
      }),
    );
  });
});
