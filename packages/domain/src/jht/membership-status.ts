import type { IsoDate } from '../calendar.js';
import {
  anniversaryOf,
  firstDayOfPeriodIndex,
  type IsoPeriod,
  maxDate,
  minDate,
  periodFromIndex,
  periodIndex,
  periodIndexOfDate,
  requireIsoDate,
} from './jht-dates.js';
import { DEFAULT_JHT_SETTINGS, type JhtSettings, valueOn } from './jht-settings.js';
import { isParticipationOpenOn, type Participation } from './participation.js';

export interface MembershipFacts {
  readonly birthDate: IsoDate | null;
  readonly diedOn: IsoDate | null;
  /** The member's data does not match the civil registry (Dukcapil). */
  readonly dataMismatch: boolean;
  readonly participations: readonly Participation[];
  /** Months (`YYYY-MM`) with a contribution paid by the status date, on any of the member's KPJ numbers (any order, repeats allowed). */
  readonly paidPeriods: readonly IsoPeriod[];
}

export type MembershipStatusReason =
  /** Aktif: an open participation and no run of missing months long enough to stop it. */
  | 'contributing'
  /** Aktif: an open participation whose months have not been paid yet, but not for long enough to stop it. */
  | 'awaiting_first_contribution'
  | 'no_contribution_3_months'
  /** Non-aktif for missing months, and the member has never had a contribution paid at all. */
  | 'never_contributed'
  | 'employment_ended'
  /** No participation has started by the status date. */
  | 'no_participation'
  | 'age_56'
  | 'died'
  | 'data_mismatch';

export interface MembershipStatus {
  readonly status: 'aktif' | 'non_aktif';
  readonly reason: MembershipStatusReason;
  /** Since when this status has held for this reason; null when not known (a data mismatch, no participation). */
  readonly since: IsoDate | null;
  /**
   * Fully past months of the employment still going on without a paid contribution, ascending: the
   * months the "a month missing" notice tells the member about. Empty without an open participation,
   * whatever the status (the shell decides whether to notify, say, after a death).
   */
  readonly missingPeriods: readonly IsoPeriod[];
}

interface PaidMonths {
  has(month: number): boolean;
  /** Any month paid at all. */
  readonly any: boolean;
  /** The latest month paid (-Infinity when none). */
  readonly latest: number;
}

/**
 * The paid months as period indexes, in a bitmap over their range (a status reads a month at a
 * time, often a hundred of them; a `Set` of numbers cost more than the rest of the rule).
 */
function paidMonthsOf(periods: readonly IsoPeriod[]): PaidMonths {
  let earliest = Number.POSITIVE_INFINITY;
  let latest = Number.NEGATIVE_INFINITY;
  const indexes = new Array<number>(periods.length);
  for (let i = 0; i < periods.length; i++) {
    const index = periodIndex(periods[i] as IsoPeriod);
    indexes[i] = index;
    if (index < earliest) earliest = index;
    if (index > latest) latest = index;
  }
  if (indexes.length === 0) return { has: () => false, any: false, latest };
  const bits = new Uint8Array(latest - earliest + 1);
  for (const index of indexes) bits[index - earliest] = 1;
  return { has: (month) => month >= earliest && month <= latest && bits[month - earliest] === 1, any: true, latest };
}

/**
 * The first day of the employment that is still going on: the earliest start among the open
 * participations and those that led into them without a day's gap (a new employer registering the
 * member on the day the old one's ended, or overlapping jobs). Null without an open participation.
 */
function uninterruptedEmploymentStart(
  started: readonly Participation[],
  open: readonly Participation[],
): IsoDate | null {
  if (open.length === 0) return null;
  let start = open.map((p) => p.startedOn).reduce(minDate);
  for (let changed = true; changed; ) {
    changed = false;
    for (const p of started) {
      if (p.startedOn < start && (p.endedOn === null || p.endedOn >= start)) {
        start = p.startedOn;
        changed = true;
      }
    }
  }
  return start;
}

/**
 * Membership status on `asOf`, with the first reason that applies in this order: died, age 56
 * (the retirement age of the settings), data mismatch, no open participation (employment ended,
 * or none ever started), then the contribution months.
 *
 * Contribution months: a month counts once it is fully past (on 1 May, April counts; during May a
 * May contribution may still be on its way). The months that count are those of the uninterrupted
 * employment still going on (see `uninterruptedEmploymentStart`), from the month it began in to the
 * month before `asOf`; months of an earlier employment, before a gap, no longer count. The member is non-aktif when
 * the last `membershipInactivityMonths` (3) of them are all unpaid: months February, March and April
 * unpaid make the member non-aktif from 1 May, not on 30 April. A month paid on any KPJ counts as paid.
 */
export function membershipStatusOn(
  facts: MembershipFacts,
  asOf: IsoDate,
  settings: JhtSettings = DEFAULT_JHT_SETTINGS,
): MembershipStatus {
  requireIsoDate(asOf, 'asOf');
  const started = facts.participations.filter((p) => {
    requireIsoDate(p.startedOn, 'startedOn');
    return p.startedOn <= asOf;
  });
  const open = started.filter((p) => isParticipationOpenOn(p, asOf));
  const paid = paidMonthsOf(facts.paidPeriods);
  const lastPastMonth = periodIndexOfDate(asOf) - 1;
  const employedSince = uninterruptedEmploymentStart(started, open);
  const coverStart = employedSince === null ? Number.POSITIVE_INFINITY : periodIndexOfDate(employedSince);
  const missing: number[] = [];
  for (let month = coverStart; month <= lastPastMonth; month++) if (!paid.has(month)) missing.push(month);
  const missingPeriods = missing.map(periodFromIndex);
  const status = (
    s: MembershipStatus['status'],
    reason: MembershipStatusReason,
    since: IsoDate | null,
  ): MembershipStatus => ({ status: s, reason, since, missingPeriods });

  if (facts.diedOn !== null) {
    requireIsoDate(facts.diedOn, 'diedOn');
    if (facts.diedOn <= asOf) return status('non_aktif', 'died', facts.diedOn);
  }
  if (facts.birthDate !== null) {
    const retiredOn = anniversaryOf(facts.birthDate, valueOn(settings.retirementAge, asOf));
    if (retiredOn <= asOf) return status('non_aktif', 'age_56', retiredOn);
  }
  if (facts.dataMismatch) return status('non_aktif', 'data_mismatch', null);
  if (started.length === 0) return status('non_aktif', 'no_participation', null);
  if (open.length === 0) {
    const lastEnd = started.reduce((latest, p) => maxDate(latest, p.endedOn ?? p.startedOn), '0000-01-01');
    return status('non_aktif', 'employment_ended', lastEnd);
  }

  const limit = valueOn(settings.membershipInactivityMonths, asOf);
  let trailing = 0;
  while (lastPastMonth - trailing >= coverStart && !paid.has(lastPastMonth - trailing)) trailing++;
  if (trailing >= limit) {
    const since = firstDayOfPeriodIndex(lastPastMonth - trailing + 1 + limit);
    return status('non_aktif', paid.any ? 'no_contribution_3_months' : 'never_contributed', since);
  }

  // Aktif since the employment began, or since the last run of `limit` unpaid months ended: the
  // month after it was paid, as the member was aktif again once that month was past.
  let since = employedSince as IsoDate;
  let run = 0;
  for (let month = coverStart; month <= lastPastMonth; month++) {
    if (!paid.has(month)) run++;
    else {
      if (run >= limit) since = maxDate(since, firstDayOfPeriodIndex(month + 1));
      run = 0;
    }
  }
  const paidSinceStart = paid.latest >= coverStart;
  return status('aktif', paidSinceStart ? 'contributing' : 'awaiting_first_contribution', since);
}
