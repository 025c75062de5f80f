import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DEFAULT_JHT_SETTINGS, type JhtSettings } from './jht-settings.js';
import { computeJhtTax } from './jht-tax.js';

const ON = '2025-06-01';

describe('computeJhtTax', () => {
  it.each([
    [0, true, 0],
    [15_000_000, true, 0],
    [50_000_000, true, 0], // the first Rp50 million is free of tax
    [50_000_000, false, 0], // and stays free without an NPWP: 20% more of 0% is 0%
    [50_000_019, true, 0], // 5% of Rp19 is Rp0.95, rounded down
    [50_000_020, true, 1],
    [60_000_000, true, 500_000], // 5% of the Rp10 million above
    [60_000_000, false, 600_000], // 6% without an NPWP
    [100_000_000, true, 2_500_000],
    [100_000_000, false, 3_000_000],
    [250_000_001, true, 10_000_000], // 5% of Rp200,000,001 rounded down
  ])('taxes a lump sum of Rp%i (NPWP: %s) Rp%i', (gross, hasNpwp, tax) => {
    expect(computeJhtTax(gross, hasNpwp, ON).tax).toBe(tax);
  });

  it('shows the brackets the amount reaches', () => {
    expect(computeJhtTax(60_000_000, false, ON).lines).toEqual([
      { above: 0, upTo: 50_000_000, rateBasisPoints: 0, surchargeBasisPoints: 2_000, taxable: 50_000_000, tax: 0 },
      {
        above: 50_000_000,
        upTo: null,
        rateBasisPoints: 500,
        surchargeBasisPoints: 2_000,
        taxable: 10_000_000,
        tax: 600_000,
      },
    ]);
    expect(computeJhtTax(0, true, ON).lines).toEqual([]);
  });

  it('uses the brackets in force on the date', () => {
    const settings: JhtSettings = {
      ...DEFAULT_JHT_SETTINGS,
      taxBrackets: [
        ...DEFAULT_JHT_SETTINGS.taxBrackets,
        { from: '2030-01-01', value: [{ upTo: null, rateBasisPoints: 1_000 }] },
      ],
    };
    expect(computeJhtTax(60_000_000, true, '2029-12-31', settings).tax).toBe(500_000);
    expect(computeJhtTax(60_000_000, true, '2030-01-01', settings).tax).toBe(6_000_000);
  });

  const gross = fc.integer({ min: 0, max: 5_000_000_000_000 });

  it('never takes more than 6% of the part above Rp50 million, nor more without an NPWP than with', () => {
    fc.assert(
      fc.property(gross, (amount) => {
        const withNpwp = computeJhtTax(amount, true, ON).tax;
        const without = computeJhtTax(amount, false, ON).tax;
        const above = Math.max(0, amount - 50_000_000);
        expect(withNpwp).toBeGreaterThanOrEqual(0);
        expect(withNpwp).toBe(Math.floor((above * 5) / 100));
        expect(without).toBeGreaterThanOrEqual(withNpwp);
        expect(without).toBeLessThanOrEqual((above * 6) / 100);
      }),
    );
  });

  it('never lowers the net amount when the gross amount grows', () => {
    fc.assert(
      fc.property(gross, fc.integer({ min: 0, max: 1_000_000_000 }), fc.boolean(), (amount, more, hasNpwp) => {
        const net = (g: number): number => g - computeJhtTax(g, hasNpwp, ON).tax;
        expect(net(amount + more)).toBeGreaterThanOrEqual(net(amount));
      }),
    );
  });
});
