import type { IsoDate } from '../calendar.js';
import { type IsoPeriod, periodFromIndex, periodIndexOfDate, requireIsoDate } from './jht-dates.js';

/**
 * Employers pay a month's contributions by the 15th of the next month (DOMAIN.md); a month not
 * paid by then is "missing" and the member is told early, not at claim time.
 */
export const DEFAULT_CONTRIBUTION_DUE_DAY = 15;

/** The latest month whose payment was due on or before `today`. */
export function latestDuePeriod(today: IsoDate, dueDay: number = DEFAULT_CONTRIBUTION_DUE_DAY): IsoPeriod {
  const { day } = requireIsoDate(today, 'today');
  const current = periodIndexOfDate(today);
  return periodFromIndex(day >= dueDay ? current - 1 : current - 2);
}
