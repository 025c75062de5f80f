import { describe, expect, it } from 'vitest';
import { findCatalogueProblems, formatMessage, isLocale } from './messages';

describe('formatMessage', () => {
  it('fills named placeholders', () => {
    expect(formatMessage('coba lagi dalam {seconds} detik', { seconds: 7 })).toBe('coba lagi dalam 7 detik');
  });

  it('leaves a placeholder it has no value for in place', () => {
    expect(formatMessage('{a} and {b}', { a: 1 })).toBe('1 and {b}');
  });

  it('does not take values from Object.prototype', () => {
    expect(formatMessage('{toString}', {})).toBe('{toString}');
  });
});

describe('isLocale', () => {
  it('accepts only id and en', () => {
    expect(isLocale('id')).toBe(true);
    expect(isLocale('en')).toBe(true);
    expect(isLocale('fr')).toBe(false);
    expect(isLocale(null)).toBe(false);
  });
});

describe('findCatalogueProblems', () => {
  it('finds nothing in two languages that agree', () => {
    expect(findCatalogueProblems({ id: { wait: 'Tunggu {n} detik' }, en: { wait: 'Wait {n} seconds' } })).toEqual([]);
  });

  it('names keys that one language lacks, empty texts and differing placeholders', () => {
    expect(
      findCatalogueProblems({
        id: { onlyId: 'a', empty: ' ', wait: 'Tunggu {n} detik' },
        en: { empty: 'x', wait: 'Wait {seconds} seconds' },
      }),
    ).toEqual(['onlyId: missing in en', 'empty: empty in id', 'wait: placeholders differ']);
  });
});
