import { daysInMonth, type IsoDate, parseIsoDate, toIsoDate } from '../calendar.js';

/** A calendar month, `YYYY-MM` (a contribution period). */
export type IsoPeriod = string;

/** Parses a date that comes from our own storage or a caller's code; a malformed one is a bug. */
export function requireIsoDate(value: IsoDate, label = 'date'): { year: number; month: number; day: number } {
  const parsed = typeof value === 'string' ? parseIsoDate(value) : null;
  if (parsed === null) throw new Error(`${label} is not a real YYYY-MM-DD date: ${JSON.stringify(value)}`);
  return parsed;
}

/** Months since year 0, so that periods can be counted and compared as integers. */
export function periodIndex(period: IsoPeriod): number {
  // By character rather than by regular expression: a membership status reads every paid month.
  if (typeof period === 'string' && period.length === 7 && period.charCodeAt(4) === 45) {
    const year = digitsAt(period, 0, 4);
    const month = digitsAt(period, 5, 7);
    if (year >= 0 && month >= 1 && month <= 12) return year * 12 + month - 1;
  }
  throw new Error(`not a YYYY-MM period: ${JSON.stringify(period)}`);
}

/** The number written by the ASCII digits `from` to `to` (exclusive) of `text`, or -1 if one is not a digit. */
function digitsAt(text: string, from: number, to: number): number {
  let value = 0;
  for (let i = from; i < to; i++) {
    const digit = text.charCodeAt(i) - 48;
    if (digit < 0 || digit > 9) return -1;
    value = value * 10 + digit;
  }
  return value;
}

export function periodFromIndex(index: number): IsoPeriod {
  const year = Math.floor(index / 12);
  return `${String(year).padStart(4, '0')}-${String(index - year * 12 + 1).padStart(2, '0')}`;
}

/** The month a date falls in, as a period index. */
export function periodIndexOfDate(date: IsoDate): number {
  const { year, month } = requireIsoDate(date);
  return year * 12 + month - 1;
}

/** The first day of the month with this period index. */
export function firstDayOfPeriodIndex(index: number): IsoDate {
  const year = Math.floor(index / 12);
  return toIsoDate(year, index - year * 12 + 1, 1);
}

/**
 * The same day `months` calendar months later (or earlier when negative); a day the target month
 * does not have becomes its last day. So one month after 31 January is 28 (or 29) February, and
 * twelve months after 29 February is 28 February of a common year. Every "N months after" and
 * "N years after" in the JHT rules (waiting periods, birthdays, years of membership) is this.
 */
export function addMonthsToDate(date: IsoDate, months: number): IsoDate {
  const { year, month, day } = requireIsoDate(date);
  if (!Number.isInteger(months)) throw new Error(`months must be an integer: ${months}`);
  const index = year * 12 + month - 1 + months;
  const targetYear = Math.floor(index / 12);
  const targetMonth = index - targetYear * 12 + 1;
  return toIsoDate(targetYear, targetMonth, Math.min(day, daysInMonth(targetYear, targetMonth)));
}

/** The date `days` days later (earlier when negative); pure arithmetic on UTC calendar days. */
export function addDaysToDate(date: IsoDate, days: number): IsoDate {
  const { year, month, day } = requireIsoDate(date);
  if (!Number.isInteger(days)) throw new Error(`days must be an integer: ${days}`);
  // setUTCFullYear, unlike Date.UTC, does not read years 0-99 as 1900-1999.
  const shifted = new Date(0);
  shifted.setUTCFullYear(year, month - 1, day + days);
  return toIsoDate(shifted.getUTCFullYear(), shifted.getUTCMonth() + 1, shifted.getUTCDate());
}

/**
 * The day a person born on `birthDate` turns `years` old: the birthday in that year, and for a
 * birthday on 29 February, 28 February in a common year (the same rule as `addMonthsToDate`).
 */
export function anniversaryOf(birthDate: IsoDate, years: number): IsoDate {
  return addMonthsToDate(birthDate, years * 12);
}

/** Whole years completed on `date`, for a `date` on or after `since`; the count goes up on the anniversary itself. */
export function wholeYearsOn(since: IsoDate, date: IsoDate): number {
  const from = requireIsoDate(since);
  const to = requireIsoDate(date);
  const years = to.year - from.year;
  return years > 0 && anniversaryOf(since, years) > date ? years - 1 : years;
}

/** ISO dates of real calendar days sort as strings; these keep the intent readable. */
export const maxDate = (a: IsoDate, b: IsoDate): IsoDate => (a >= b ? a : b);
export const minDate = (a: IsoDate, b: IsoDate): IsoDate => (a <= b ? a : b);
