import { describe, expect, it } from 'vitest';
import { TimedBatchSize } from './batch-size.js';

describe('TimedBatchSize', () => {
  it('sizes the next batch to take the target time at the rate just measured', () => {
    const size = new TimedBatchSize(100, 500, 50_000, 2_000);
    size.took(2_000, 160); // 0.08 ms a row: 1,250 rows take 100 ms
    expect(size.rows).toBe(1_250);
  });

  it('changes by at most a factor of two at a time, within its bounds', () => {
    const size = new TimedBatchSize(100, 500, 50_000, 2_000);
    size.took(2_000, 1); // very fast: doubles, no more
    expect(size.rows).toBe(4_000);
    size.took(4_000, 10_000); // very slow: halves, no more
    expect(size.rows).toBe(2_000);
    for (let i = 0; i < 10; i++) size.took(size.rows, 10_000);
    expect(size.rows).toBe(500);
    for (let i = 0; i < 20; i++) size.took(size.rows, 1);
    expect(size.rows).toBe(50_000);
  });

  it('learns nothing from a batch cut short (the end of the file, a pause in the upload)', () => {
    const size = new TimedBatchSize(100, 500, 50_000, 2_000);
    size.took(300, 1_000);
    expect(size.rows).toBe(2_000);
  });
});
