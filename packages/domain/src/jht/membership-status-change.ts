import type { IsoDate } from '../calendar.js';
import { anniversaryOf, firstDayOfPeriodIndex, periodIndexOfDate, requireIsoDate } from './jht-dates.js';
import { DEFAULT_JHT_SETTINGS, type JhtSettings } from './jht-settings.js';
import { type MembershipFacts, membershipStatusOn } from './membership-status.js';

/**
 * The first day after `asOf`, and no later than `horizon`, on which the same facts would give a
 * different status (aktif or non-aktif) than on `asOf`; `horizon` when none comes before it.
 *
 * With no new facts (no payment, no participation, no correction), `membershipStatusOn` depends
 * on the day only through: which participations have started and which are still open (their
 * start and end days), the months that are fully past (the first of each month), the
 * retirement anniversary, the day of death, and the days the settings change. Between two such
 * days the status cannot change, so only they are tried, in order. A scheduler that checks a
 * member again on this day, and again whenever the facts change, never tells a change late.
 */
export function nextMembershipStatusChange(
  facts: MembershipFacts,
  asOf: IsoDate,
  horizon: IsoDate,
  settings: JhtSettings = DEFAULT_JHT_SETTINGS,
): IsoDate {
  requireIsoDate(asOf, 'asOf');
  requireIsoDate(horizon, 'horizon');
  if (horizon <= asOf) throw new Error(`horizon ${horizon} must be after ${asOf}`);
  const days = new Set<IsoDate>();
  const consider = (day: IsoDate | null) => {
    if (day !== null && day > asOf && day < horizon) days.add(day);
  };
  for (let month = periodIndexOfDate(asOf) + 1; ; month++) {
    const first = firstDayOfPeriodIndex(month);
    if (first >= horizon) break;
    days.add(first);
  }
  for (const p of facts.participations) {
    consider(p.startedOn);
    consider(p.endedOn);
  }
  consider(facts.diedOn);
  for (const entry of settings.retirementAge) {
    consider(entry.from);
    if (facts.birthDate !== null) consider(anniversaryOf(facts.birthDate, entry.value));
  }
  for (const entry of settings.membershipInactivityMonths) consider(entry.from);

  const now = membershipStatusOn(facts, asOf, settings).status;
  for (const day of [...days].sort()) {
    if (membershipStatusOn(facts, day, settings).status !== now) return day;
  }
  return horizon;
}
