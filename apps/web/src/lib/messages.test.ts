import { describe, expect, it } from 'vitest';
import { isLocale, messages } from './messages';

describe('member portal message catalogue', () => {
  it('has exactly the same keys in Bahasa Indonesia and English', () => {
    expect(Object.keys(messages.en).sort()).toEqual(Object.keys(messages.id).sort());
  });

  it('has no empty message in either language', () => {
    for (const catalogue of [messages.id, messages.en]) {
      for (const [key, text] of Object.entries(catalogue)) {
        expect(text.trim(), key).not.toBe('');
      }
    }
  });

  it('uses the agreed generic message for unknown errors', () => {
    expect(messages.id.errorGeneric).toBe('Terjadi kesalahan, coba lagi');
  });

  it('accepts only id and en as a stored language', () => {
    expect(isLocale('id')).toBe(true);
    expect(isLocale('en')).toBe(true);
    expect(isLocale('fr')).toBe(false);
    expect(isLocale(null)).toBe(false);
  });
});
