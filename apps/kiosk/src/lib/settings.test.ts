import { describe, expect, it } from 'vitest';
import { defaultIdleTimeoutMs } from './idle-reset.svelte';
import { idleTimeoutFromQuery, minIdleTimeoutMs, portalUrlFrom } from './settings';

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

describe('portalUrlFrom', () => {
  const origin = 'https://pulih.example';

  it("is the kiosk page's own origin without a setting", () => {
    expect(portalUrlFrom('', origin)).toBe('https://pulih.example');
    expect(portalUrlFrom('?idle=3000', 'http://127.0.0.1:4000')).toBe('http://127.0.0.1:4000');
  });

  it('takes the address of ?portal=, without a trailing slash', () => {
    expect(portalUrlFrom('?portal=https://layanan.example/', origin)).toBe('https://layanan.example');
    expect(portalUrlFrom('?portal=https%3A%2F%2Flayanan.example%2Fpulih%2F', origin)).toBe(
      'https://layanan.example/pulih',
    );
  });

  it('ignores what is not an http(s) address, or carries user info', () => {
    for (const query of [
      '?portal=',
      '?portal=layanan.example',
      '?portal=javascript:alert(1)',
      '?portal=file:///etc/passwd',
      '?portal=https://user:secret@layanan.example',
    ]) {
      expect(portalUrlFrom(query, origin)).toBe('https://pulih.example');
    }
  });
});
