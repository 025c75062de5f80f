import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { computeJhtContribution } from './jht-contribution.js';

describe('computeJhtContribution', () => {
  it.each([
    [5_000_000, 100_000, 185_000],
    [5_396_761, 107_935, 199_680], // Jakarta minimum wage 2025: 2% = 107,935.22, 3.7% = 199,680.157
    [4_999_975, 100_000, 184_999], // 2% = 99,999.5 rounds up; 3.7% = 184,999.075
    [0, 0, 0],
  ])('on a wage of Rp%i takes Rp%i from the worker and Rp%i from the employer', (wage, employee, employer) => {
    expect(computeJhtContribution(wage, '2025-03')).toEqual({ employee, employer });
  });

  it('is 5.7% of the wage in total, within a rupiah, with no wage cap', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 10_000_000_000 }), (wage) => {
        const { employee, employer } = computeJhtContribution(wage, '2025-03');
        expect(Math.abs(employee + employer - (wage * 57) / 1_000)).toBeLessThanOrEqual(1);
      }),
    );
  });
});
