import { describe, expect, it } from 'vitest';
import { defaultIdleTimeoutMs } from './idle-reset.svelte';
import { idleTimeoutFromQuery, minIdleTimeoutMs } from './settings';

describe('idleTimeoutFromQuery', () => {
  it('is the 60-second default without a setting', () => {
    expect(defaultIdleTimeoutMs).toBe(60_000);
    expect(idleTimeoutFromQuery('')).toBe(60_000);
    expect(idleTimeoutFromQuery('?lang=en')).toBe(60_000);
  });

  it('takes the milliseconds a test asks for', () => {
    expect(idleTimeoutFromQuery('?idle=3000')).toBe(3_000);
    expect(idleTimeoutFromQuery('?x=1&idle=120000')).toBe(120_000);
  });

  it('never goes below the minimum', () => {
    expect(minIdleTimeoutMs).toBe(2_000);
    expect(idleTimeoutFromQuery('?idle=0')).toBe(2_000);
    expect(idleTimeoutFromQuery('?idle=500')).toBe(2_000);
  });

  it('ignores values that are not a whole number of milliseconds', () => {
    for (const query of [
      '?idle=',
      '?idle=abc',
      '?idle=-5000',
      '?idle=3e3',
      '?idle=1.5',
      '?idle=99999999999999999999',
    ]) {
      expect(idleTimeoutFromQuery(query)).toBe(60_000);
    }
  });
});
