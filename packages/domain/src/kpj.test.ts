import { describe, expect, it } from 'vitest';
import { maskKpj, parseKpj } from './kpj.js';

describe('KPJ numbers', () => {
  it.each([
    ['19011111111', true],
    ['190 1111 1111', true],
    ['1901111111', false],
    ['1901111111a', false],
  ])('parses %s as valid: %s', (raw, valid) => {
    expect(parseKpj(raw).ok).toBe(valid);
  });

  it('masks all but the last four digits', () => {
    expect(maskKpj('19011111234')).toBe('*******1234');
  });
});
