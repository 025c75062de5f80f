import { describe, expect, it } from 'vitest';
import { axisTicks, closingsByYear, labelledYears } from './balance-chart';

describe('closingsByYear', () => {
  it('adds up the closing balances of every KPJ per year, a later card counting 0 before it began', () => {
    const old = {
      years: [
        { year: 2017, closing: 100 },
        { year: 2018, closing: 150 },
        { year: 2019, closing: 0 },
      ],
    };
    const active = {
      years: [
        { year: 2018, closing: 20 },
        { year: 2019, closing: 200 },
      ],
    };
    expect(closingsByYear([active, old])).toEqual([
      { year: 2017, closing: 100 },
      { year: 2018, closing: 170 },
      { year: 2019, closing: 200 },
    ]);
  });

  it('is empty without statements', () => {
    expect(closingsByYear([])).toEqual([]);
    expect(closingsByYear([{ years: [] }])).toEqual([]);
  });
});

describe('axisTicks', () => {
  it('steps in round amounts from 0 to at least the largest balance', () => {
    expect(axisTicks(84_034_228)).toEqual([0, 25_000_000, 50_000_000, 75_000_000, 100_000_000]);
    expect(axisTicks(1_843_380)).toEqual([0, 500_000, 1_000_000, 1_500_000, 2_000_000]);
    expect(axisTicks(80)).toEqual([0, 20, 40, 60, 80]);
  });

  it('still draws one step for a zero balance', () => {
    expect(axisTicks(0)).toEqual([0, 1]);
  });
});

describe('labelledYears', () => {
  it('labels every year when they fit, else every n-th counted back from the last', () => {
    expect([...labelledYears([2018, 2019, 2020])]).toEqual([2018, 2019, 2020]);
    const many = Array.from({ length: 22 }, (_, i) => 2005 + i);
    const shown = [...labelledYears(many)];
    expect(shown.at(-1)).toBe(2026);
    expect(shown.length).toBeLessThanOrEqual(8);
    expect(shown).toEqual([2005, 2008, 2011, 2014, 2017, 2020, 2023, 2026]);
  });
});
