import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { toIsoDate } from '../calendar.js';
import {
  addDaysToDate,
  addMonthsToDate,
  anniversaryOf,
  periodFromIndex,
  periodIndex,
  requireIsoDate,
  wholeYearsOn,
} from './jht-dates.js';

/** Real dates between 1940 and 2100, as ISO strings. */
const isoDate = fc
  .date({ min: new Date('1940-01-01T00:00:00Z'), max: new Date('2100-12-31T00:00:00Z'), noInvalidDate: true })
  .map((d) => toIsoDate(d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate()));

describe('addMonthsToDate', () => {
  it.each([
    ['2025-01-31', 1, '2025-02-28'], // one month after 31 January is the end of February
    ['2024-01-31', 1, '2024-02-29'],
    ['2025-01-15', 1, '2025-02-15'],
    ['2025-03-31', 1, '2025-04-30'],
    ['2025-12-31', 1, '2026-01-31'],
    ['2024-02-29', 12, '2025-02-28'],
    ['2024-02-29', 48, '2028-02-29'],
    ['2025-03-31', -1, '2025-02-28'],
  ])('moves %s by %i months to %s', (date, months, expected) => {
    expect(addMonthsToDate(date, months)).toBe(expected);
  });

  it('never moves the day of the month forward and keeps it when the target month has it', () => {
    fc.assert(
      fc.property(isoDate, fc.integer({ min: -600, max: 600 }), (date, months) => {
        const moved = requireIsoDate(addMonthsToDate(date, months));
        const from = requireIsoDate(date);
        expect(moved.year * 12 + moved.month).toBe(from.year * 12 + from.month + months);
        expect(moved.day).toBeLessThanOrEqual(from.day);
        if (from.day <= 28) expect(moved.day).toBe(from.day);
      }),
    );
  });

  it('throws on a date that is not a real day', () => {
    expect(() => addMonthsToDate('2025-02-30', 1)).toThrow();
  });
});

describe('addDaysToDate', () => {
  it.each([
    ['2025-02-28', 1, '2025-03-01'],
    ['2024-02-28', 1, '2024-02-29'],
    ['2025-01-01', -1, '2024-12-31'],
    ['0050-03-01', -1, '0050-02-28'],
  ])('moves %s by %i days to %s', (date, days, expected) => {
    expect(addDaysToDate(date, days)).toBe(expected);
  });

  it('goes back where it came from', () => {
    fc.assert(
      fc.property(isoDate, fc.integer({ min: -4000, max: 4000 }), (date, days) => {
        expect(addDaysToDate(addDaysToDate(date, days), -days)).toBe(date);
      }),
    );
  });
});

describe('anniversaryOf and wholeYearsOn', () => {
  it.each([
    ['1969-05-10', 56, '2025-05-10'],
    ['1968-02-29', 56, '2024-02-29'], // born on a leap day, 56 in a leap year: the day itself
    ['1969-02-28', 56, '2025-02-28'],
    ['1972-02-29', 56, '2028-02-29'],
  ])('puts the birthday of someone born on %s at age %i on %s', (birth, years, expected) => {
    expect(anniversaryOf(birth, years)).toBe(expected);
  });

  it('turns someone born on 29 February a year older on 28 February of a common year', () => {
    expect(anniversaryOf('1968-02-29', 57)).toBe('2025-02-28');
    expect(wholeYearsOn('1968-02-29', '2025-02-27')).toBe(56);
    expect(wholeYearsOn('1968-02-29', '2025-02-28')).toBe(57);
  });

  it.each([
    ['1969-05-10', '2025-05-09', 55],
    ['1969-05-10', '2025-05-10', 56],
    ['2016-02-29', '2026-02-27', 9],
    ['2016-02-29', '2026-02-28', 10],
  ])('counts the whole years from %s to %s as %i', (since, date, years) => {
    expect(wholeYearsOn(since, date)).toBe(years);
  });

  it('counts n whole years exactly from the n-th anniversary, and n - 1 the day before', () => {
    fc.assert(
      fc.property(isoDate, fc.integer({ min: 1, max: 80 }), (since, years) => {
        const anniversary = anniversaryOf(since, years);
        expect(wholeYearsOn(since, anniversary)).toBe(years);
        expect(wholeYearsOn(since, addDaysToDate(anniversary, -1))).toBe(years - 1);
      }),
    );
  });
});

describe('periods', () => {
  it('counts months as integers and back', () => {
    expect(periodIndex('2025-01') - periodIndex('2024-12')).toBe(1);
    expect(periodFromIndex(periodIndex('2025-03'))).toBe('2025-03');
    expect(() => periodIndex('2025-13')).toThrow();
    expect(() => periodIndex('2025-1')).toThrow();
  });

  it('accepts exactly YYYY-MM with ASCII digits and a month 01-12', () => {
    expect(periodIndex('0000-01')).toBe(0);
    expect(periodIndex('9999-12')).toBe(9999 * 12 + 11);
    for (const bad of [
      '2025-00',
      '2025-1a',
      '20a5-01',
      '2025/01',
      '2025-01\n',
      ' 2025-01',
      '２０２５-01',
      '2025-011',
      '',
    ]) {
      expect(() => periodIndex(bad), JSON.stringify(bad)).toThrow(/not a YYYY-MM period/);
    }
    expect(() => periodIndex(202501 as unknown as string)).toThrow(/not a YYYY-MM period/);
  });
});
