import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { toIsoDate } from '../calendar.js';
import { type Dated, DEFAULT_JHT_SETTINGS, type JhtSettings, validateJhtSettings, valueOn } from './jht-settings.js';

const isoDate = fc
  .date({ min: new Date('1950-01-01T00:00:00Z'), max: new Date('2100-12-31T00:00:00Z'), noInvalidDate: true })
  .map((d) => toIsoDate(d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate()));

describe('valueOn', () => {
  it.each([
    ['2020-01-01', 10_000_000],
    ['2025-04-30', 10_000_000], // the day before the higher limit
    ['2025-05-01', 15_000_000], // the day it takes effect
    ['2030-12-31', 15_000_000],
  ])('gives the online claim limit in force on %s as Rp%i', (date, limit) => {
    expect(valueOn(DEFAULT_JHT_SETTINGS.onlineClaimLimit, date)).toBe(limit);
  });

  it('gives the figures of DOMAIN.md today', () => {
    const on = <T>(dated: Dated<T>): T => valueOn(dated, '2025-06-01');
    const s = DEFAULT_JHT_SETTINGS;
    expect({
      retirementAge: on(s.retirementAge),
      resignation: on(s.resignationWaitingMonths),
      phk: on(s.phkWaitingMonths),
      partialYears: on(s.partialClaimMinimumMembershipYears),
      partial10: on(s.partialRetirementPreparationBasisPoints),
      partial30: on(s.partialHousingBasisPoints),
      brackets: on(s.taxBrackets),
      surcharge: on(s.noNpwpSurchargeBasisPoints),
      npwpAbove: on(s.npwpRequiredAbove),
      inactivity: on(s.membershipInactivityMonths),
      rates: on(s.contributionRates),
    }).toEqual({
      retirementAge: 56,
      resignation: 1,
      phk: 1,
      partialYears: 10,
      partial10: 1_000,
      partial30: 3_000,
      brackets: [
        { upTo: 50_000_000, rateBasisPoints: 0 },
        { upTo: null, rateBasisPoints: 500 },
      ],
      surcharge: 2_000,
      npwpAbove: 50_000_000,
      inactivity: 3,
      rates: { employeeBasisPoints: 200, employerBasisPoints: 370 },
    });
  });

  it('throws for a date before every entry, and for an empty setting', () => {
    expect(() => valueOn([{ from: '2025-05-01', value: 1 }], '2025-04-30')).toThrow();
    expect(() => valueOn([], '2025-04-30')).toThrow();
  });

  it('gives the value of the latest entry on or before the date, whatever the order of entries', () => {
    fc.assert(
      fc.property(fc.uniqueArray(isoDate, { minLength: 1, maxLength: 6 }), isoDate, (froms, date) => {
        const dated = froms.map((from, i) => ({ from, value: i }));
        const inForce = dated.filter((e) => e.from <= date).sort((a, b) => (a.from < b.from ? -1 : 1));
        const expected = inForce[inForce.length - 1];
        if (expected === undefined) {
          expect(() => valueOn(dated, date)).toThrow();
        } else {
          expect(valueOn(dated, date)).toBe(expected.value);
          expect(valueOn([...dated].reverse(), date)).toBe(expected.value);
        }
      }),
    );
  });
});

describe('validateJhtSettings', () => {
  it('accepts the defaults', () => {
    expect(validateJhtSettings(DEFAULT_JHT_SETTINGS)).toEqual({ ok: true, value: DEFAULT_JHT_SETTINGS });
  });

  const edit = (change: Partial<Record<keyof JhtSettings, unknown>>): JhtSettings =>
    ({ ...DEFAULT_JHT_SETTINGS, ...change }) as JhtSettings;

  it.each<[string, Partial<Record<keyof JhtSettings, unknown>>, string]>([
    ['an empty setting', { retirementAge: [] }, 'retirementAge:empty'],
    ['a missing setting', { phkWaitingMonths: undefined }, 'phkWaitingMonths:empty'],
    ['an impossible date', { onlineClaimLimit: [{ from: '2025-02-30', value: 1 }] }, 'onlineClaimLimit:invalid_date'],
    [
      'two entries from the same day',
      {
        onlineClaimLimit: [
          { from: '2025-05-01', value: 1 },
          { from: '2025-05-01', value: 2 },
        ],
      },
      'onlineClaimLimit:duplicate_date',
    ],
    ['a negative limit', { npwpRequiredAbove: [{ from: '1900-01-01', value: -1 }] }, 'npwpRequiredAbove:invalid_value'],
    [
      'a fractional rupiah limit',
      { onlineClaimLimit: [{ from: '1900-01-01', value: 1.5 }] },
      'onlineClaimLimit:invalid_value',
    ],
    [
      'a share above 100%',
      { partialHousingBasisPoints: [{ from: '1900-01-01', value: 10_001 }] },
      'partialHousingBasisPoints:invalid_value',
    ],
    [
      'zero months of inactivity',
      { membershipInactivityMonths: [{ from: '1900-01-01', value: 0 }] },
      'membershipInactivityMonths:invalid_value',
    ],
    [
      'tax brackets without an open top bracket',
      { taxBrackets: [{ from: '1900-01-01', value: [{ upTo: 50_000_000, rateBasisPoints: 0 }] }] },
      'taxBrackets:invalid_value',
    ],
    [
      'tax brackets out of order',
      {
        taxBrackets: [
          {
            from: '1900-01-01',
            value: [
              { upTo: 50_000_000, rateBasisPoints: 0 },
              { upTo: 10_000_000, rateBasisPoints: 500 },
              { upTo: null, rateBasisPoints: 1_000 },
            ],
          },
        ],
      },
      'taxBrackets:invalid_value',
    ],
    [
      'contribution rates without the employer part',
      { contributionRates: [{ from: '1900-01-01', value: { employeeBasisPoints: 200 } }] },
      'contributionRates:invalid_value',
    ],
  ])('refuses %s', (_label, change, code) => {
    expect(validateJhtSettings(edit(change))).toEqual({ ok: false, error: code });
  });
});
