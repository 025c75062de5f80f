import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { mulDivFloor, mulDivRoundHalfUp } from './jht-money.js';

describe('integer money arithmetic', () => {
  it.each([
    [10, 1, 4, 3, 2], // 2.5: rounded half up to 3, floor 2
    [10, 1, 3, 3, 3],
    [-10, 1, 4, -3, -3], // -2.5: halves away from zero; floor goes down
    [126_600_000, 719, 120_000, 758_545, 758_545],
  ])('%i × %i / %i rounds to %i and floors to %i', (amount, numerator, denominator, rounded, floored) => {
    expect(mulDivRoundHalfUp(amount, numerator, denominator)).toBe(rounded);
    expect(mulDivFloor(amount, numerator, denominator)).toBe(floored);
  });

  it('stays exact where a floating-point product would not', () => {
    // 900,000,000,000,000 × 719 is far above 2^53.
    expect(mulDivRoundHalfUp(900_000_000_000_000, 719, 10_000)).toBe(64_710_000_000_000);
  });

  it('rounds to within half a rupiah and floors to within one', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: -1e11, max: 1e11 }),
        fc.integer({ min: 0, max: 10_000 }),
        fc.integer({ min: 1, max: 120_000 }),
        (amount, numerator, denominator) => {
          const exact = (amount * numerator) / denominator;
          expect(Math.abs(mulDivRoundHalfUp(amount, numerator, denominator) - exact)).toBeLessThanOrEqual(0.5 + 1e-3);
          const floored = mulDivFloor(amount, numerator, denominator);
          expect(floored).toBeLessThanOrEqual(exact + 1e-3);
          expect(exact - floored).toBeLessThan(1 + 1e-3);
        },
      ),
    );
  });
});
