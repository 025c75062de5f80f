// The numbers behind the balance chart, kept pure so they are tested without a browser.

export interface YearlyClosing {
  readonly year: number;
  readonly closing: number;
}

/**
 * The closing balance per year over every KPJ of the member: each card's statement runs to the
 * same year, and a card opened later simply has no row (0) in the years before.
 */
export function closingsByYear(cards: readonly { readonly years: readonly YearlyClosing[] }[]): YearlyClosing[] {
  const totals = new Map<number, number>();
  for (const card of cards) {
    for (const { year, closing } of card.years) totals.set(year, (totals.get(year) ?? 0) + closing);
  }
  return [...totals.entries()].sort(([a], [b]) => a - b).map(([year, closing]) => ({ year, closing }));
}

/**
 * Gridline values from 0 up to at least `max`: about `count` steps of 1, 2, 2.5 or 5 times a power of ten,
 * so the axis reads in round amounts. At least one step, even for an empty or zero balance.
 */
export function axisTicks(max: number, count = 4): number[] {
  if (!(max > 0)) return [0, 1];
  const rough = max / count;
  const power = 10 ** Math.floor(Math.log10(rough));
  const step = [1, 2, 2.5, 5, 10].map((m) => m * power).find((s) => s >= rough) ?? 10 * power;
  const ticks: number[] = [];
  for (let value = 0; value < max + step; value += step) {
    ticks.push(value);
    if (value >= max) break;
  }
  return ticks;
}

/** Which year labels fit under the bars: every one when few, else every n-th, always the last. */
export function labelledYears(years: readonly number[], maxLabels = 8): Set<number> {
  const every = Math.max(1, Math.ceil(years.length / maxLabels));
  const last = years.length - 1;
  return new Set(years.filter((_, i) => (last - i) % every === 0));
}
