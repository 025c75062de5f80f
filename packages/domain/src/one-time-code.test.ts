import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  type CodeState,
  canAttemptCode,
  codeExpiresAt,
  codeFromRandomBytes,
  DEFAULT_CODE_POLICY,
  normalizeCodeInput,
  rejectionThreshold,
} from './one-time-code.js';

const now = new Date('2024-05-01T03:00:00.000Z');
const fresh: CodeState = { expiresAt: '2024-05-01T03:10:00.000Z', attempts: 0, consumedAt: null };

describe('canAttemptCode', () => {
  it.each<[string, CodeState, Date, ReturnType<typeof canAttemptCode>]>([
    ['a fresh code', fresh, now, { ok: true, value: true }],
    ['a code one millisecond before expiry', fresh, new Date('2024-05-01T03:09:59.999Z'), { ok: true, value: true }],
    ['a code at its expiry instant', fresh, new Date('2024-05-01T03:10:00.000Z'), { ok: false, error: 'CODE_EXPIRED' }],
    [
      'a code expiry given with an offset',
      { ...fresh, expiresAt: '2024-05-01T10:10:00+07:00' },
      now,
      { ok: true, value: true },
    ],
    ['a code after four wrong guesses', { ...fresh, attempts: 4 }, now, { ok: true, value: true }],
    ['a code after five wrong guesses', { ...fresh, attempts: 5 }, now, { ok: false, error: 'CODE_TOO_MANY_ATTEMPTS' }],
    ['a used code', { ...fresh, consumedAt: '2024-05-01T03:01:00Z' }, now, { ok: false, error: 'CODE_USED' }],
    [
      'a used, expired, exhausted code (used wins)',
      { expiresAt: '2024-05-01T02:00:00Z', attempts: 9, consumedAt: '2024-05-01T01:55:00Z' },
      now,
      { ok: false, error: 'CODE_USED' },
    ],
    [
      'an expired, exhausted code (expired wins)',
      { expiresAt: '2024-05-01T02:00:00Z', attempts: 9, consumedAt: null },
      now,
      { ok: false, error: 'CODE_EXPIRED' },
    ],
  ])('judges %s', (_label, state, at, expected) => {
    expect(canAttemptCode(state, at)).toEqual(expected);
  });

  it('follows a stricter policy when given one', () => {
    const policy = { ...DEFAULT_CODE_POLICY, maxAttempts: 3 };
    expect(canAttemptCode({ ...fresh, attempts: 3 }, now, policy)).toEqual({
      ok: false,
      error: 'CODE_TOO_MANY_ATTEMPTS',
    });
  });

  it('treats a malformed stored expiry as a bug', () => {
    expect(() => canAttemptCode({ ...fresh, expiresAt: '2024-05-01 03:10' }, now)).toThrow(/ISO-8601/);
  });

  it('allows a code issued now to be tried until exactly its validity has passed', () => {
    fc.assert(
      fc.property(
        fc.date({ min: new Date('2000-01-01'), max: new Date('2100-01-01'), noInvalidDate: true }),
        fc.integer({ min: 0, max: 20 * 60_000 }),
        (issued, elapsedMs) => {
          const state: CodeState = { expiresAt: codeExpiresAt(issued), attempts: 0, consumedAt: null };
          const later = new Date(issued.getTime() + elapsedMs);
          expect(canAttemptCode(state, later).ok).toBe(elapsedMs < DEFAULT_CODE_POLICY.validityMinutes * 60_000);
        },
      ),
    );
  });
});

describe('normalizeCodeInput', () => {
  it.each([
    ['123456', '123456'],
    [' 123 456 ', '123456'],
    ['123-456', '123456'],
    ['012345', '012345'],
  ])('reads %s as %s', (input, code) => {
    expect(normalizeCodeInput(input)).toBe(code);
  });

  it.each([['12345'], ['1234567'], ['12a456'], ['１２３４５６'], ['12.3456'], ['']])('rejects %s', (input) => {
    expect(normalizeCodeInput(input)).toBeNull();
  });

  it('reads codes of another length when asked', () => {
    expect(normalizeCodeInput('1234 5678', 8)).toBe('12345678');
    expect(normalizeCodeInput('123456', 8)).toBeNull();
  });
});

const word = (n: number): number[] => [(n >>> 24) & 0xff, (n >>> 16) & 0xff, (n >>> 8) & 0xff, n & 0xff];
const bytesOf = (...words: number[]): Uint8Array => Uint8Array.from(words.flatMap(word));

describe('codeFromRandomBytes', () => {
  it('rejects words from the largest multiple of 10^6 below 2^32 upward', () => {
    expect(rejectionThreshold(6)).toBe(4_294_000_000);
  });

  it.each([
    ['the first word when it is in range', bytesOf(123_456_789, 1, 2, 3), '456789'],
    ['a small word, zero-padded', bytesOf(42, 1, 2, 3), '000042'],
    ['the last word below the threshold', bytesOf(4_293_999_999, 1, 2, 3), '999999'],
    ['the next word when the first is exactly the threshold', bytesOf(4_294_000_000, 7, 2, 3), '000007'],
    ['the next word when the first is 0xFFFFFFFF', bytesOf(0xffff_ffff, 4_294_000_001, 654_321, 3), '654321'],
  ])('takes %s', (_label, bytes, code) => {
    expect(codeFromRandomBytes(bytes)).toEqual({ ok: true, value: code });
  });

  it('reports when every word was rejected or there is less than one word', () => {
    expect(codeFromRandomBytes(bytesOf(0xffff_ffff, 0xffff_ffff, 4_294_000_000, 4_294_500_000))).toEqual({
      ok: false,
      error: 'NOT_ENOUGH_RANDOMNESS',
    });
    expect(codeFromRandomBytes(new Uint8Array(3))).toEqual({ ok: false, error: 'NOT_ENOUGH_RANDOMNESS' });
  });

  it('reads a byte view at its own offset within a larger buffer', () => {
    const buffer = new Uint8Array([9, 9, ...word(42), 9, 9]);
    expect(codeFromRandomBytes(buffer.subarray(2, 6))).toEqual({ ok: true, value: '000042' });
  });

  it('treats an impossible number of digits as a bug', () => {
    expect(() => codeFromRandomBytes(new Uint8Array(16), 10)).toThrow(/digits/);
    expect(() => codeFromRandomBytes(new Uint8Array(16), 0)).toThrow(/digits/);
  });

  it('always yields exactly `digits` digits from 16 random bytes', () => {
    fc.assert(
      fc.property(fc.uint8Array({ minLength: 16, maxLength: 16 }), fc.integer({ min: 1, max: 9 }), (bytes, digits) => {
        const result = codeFromRandomBytes(bytes, digits);
        if (result.ok) expect(result.value).toMatch(new RegExp(`^\\d{${digits}}$`));
        else {
          // Failing needs all four words in the rejected range: about 1 in 4·10^14 for real random bytes.
          const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
          for (const offset of [0, 4, 8, 12])
            expect(view.getUint32(offset)).toBeGreaterThanOrEqual(rejectionThreshold(digits));
        }
      }),
    );
  });

  it('maps every accepted word to its remainder, so each code has the same number of words', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 0xffff_ffff }), fc.integer({ min: 1, max: 9 }), (w, digits) => {
        const threshold = rejectionThreshold(digits);
        expect(threshold % 10 ** digits).toBe(0);
        expect(2 ** 32 - threshold).toBeLessThan(10 ** digits);
        const result = codeFromRandomBytes(bytesOf(w, 0, 0, 0), digits);
        const expected = w < threshold ? String(w % 10 ** digits) : '0';
        expect(result).toEqual({ ok: true, value: expected.padStart(digits, '0') });
      }),
    );
  });
});
