import { parse } from 'hono/utils/cookie';
import { describe, expect, it } from 'vitest';
import { readCookie } from './cookie.js';

/** Hono's named parse, the behaviour `readCookie` keeps. */
const honoCookie = (header: string, name: string): string | null => parse(header, name)[name] ?? null;

describe('readCookie', () => {
  it('reads the named cookie among others, with blanks and quotes dropped', () => {
    expect(readCookie('a=1; pulih_session=abc_DEF-123; b=2', 'pulih_session')).toBe('abc_DEF-123');
    expect(readCookie('pulih_session = "tok" ', 'pulih_session')).toBe('tok');
    expect(readCookie('x_pulih_session=1; pulih_session=2', 'pulih_session')).toBe('2');
  });

  it('answers null when the header is absent or holds no such cookie', () => {
    expect(readCookie(undefined, 'pulih_session')).toBeNull();
    expect(readCookie('', 'pulih_session')).toBeNull();
    expect(readCookie('pulih_sessionx=1; other=pulih_session', 'pulih_session')).toBeNull();
  });

  it('skips a value with characters a cookie may not hold and takes the next of that name', () => {
    expect(readCookie('pulih_session=a\\b; pulih_session=ok', 'pulih_session')).toBe('ok');
    expect(readCookie('pulih_session=a\\b', 'pulih_session')).toBeNull();
  });

  it('decodes valid percent escapes and keeps invalid ones as they are', () => {
    expect(readCookie('n=a%20b', 'n')).toBe('a b');
    expect(readCookie('n=a%zz%41', 'n')).toBe('a%zzA');
  });

  it('agrees with Hono’s parser on 20,000 generated headers', () => {
    const alphabet = ['a', 'b', 'n', '=', ';', ' ', '\t', '"', '%', '4', '1', 'z', ',', '\\', '_', 'é'];
    let seed = 7;
    const next = () => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      return seed;
    };
    let disagreements = 0;
    for (let i = 0; i < 20_000; i++) {
      const length = next() % 24;
      let header = '';
      for (let j = 0; j < length; j++) header += alphabet[next() % alphabet.length];
      const name = ['n', 'a', 'ab', 'n_'][next() % 4] as string;
      if (readCookie(header, name) !== honoCookie(header, name)) disagreements++;
    }
    expect(disagreements).toBe(0);
  });
});
