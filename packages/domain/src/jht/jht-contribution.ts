import { firstDayOfPeriodIndex, type IsoPeriod, periodIndex } from './jht-dates.js';
import { mulDivRoundHalfUp, requireRupiah } from './jht-money.js';
import { DEFAULT_JHT_SETTINGS, type JhtSettings, valueOn } from './jht-settings.js';

export interface JhtContributionAmounts {
  readonly employee: number;
  readonly employer: number;
}

/**
 * The JHT contribution of a wage earner (PU) for a month's wage, with the rates in force on the
 * first day of the period (by default 2% from the worker, 3.7% from the employer, no wage cap).
 * Each part is rounded to the nearest rupiah, halves up. Used to check imported rows and to
 * generate demo data.
 */
export function computeJhtContribution(
  wage: number,
  period: IsoPeriod,
  settings: JhtSettings = DEFAULT_JHT_SETTINGS,
): JhtContributionAmounts {
  if (requireRupiah(wage, 'wage') < 0) throw new Error(`wage must not be negative: ${wage}`);
  const rates = valueOn(settings.contributionRates, firstDayOfPeriodIndex(periodIndex(period)));
  return {
    employee: mulDivRoundHalfUp(wage, rates.employeeBasisPoints, 10_000),
    employer: mulDivRoundHalfUp(wage, rates.employerBasisPoints, 10_000),
  };
}
