import { describe, expect, it } from 'vitest';
import { latestDuePeriod } from './contribution-due.js';

describe('latestDuePeriod', () => {
  it.each([
    ['2026-11-14', '2026-09'],
    ['2026-11-15', '2026-10'],
    ['2026-11-30', '2026-10'],
    ['2026-01-15', '2025-12'],
    ['2026-01-14', '2025-11'],
    ['2026-02-01', '2025-12'],
  ])('on %s the latest month due is %s', (today, period) => {
    expect(latestDuePeriod(today)).toBe(period);
  });
});
