import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  checkPassword,
  PASSWORD_MAX_LENGTH,
  PASSWORD_MIN_LENGTH,
  type PasswordContext,
  passwordCore,
} from './password-policy.js';

const COMMON = new Set(['password', 'bismillah', 'qwertyuiop', 'indonesia', 'password123456', 'sayang']);

const member: PasswordContext = {
  nik: '3174051708900003',
  kpjNumbers: ['19012345678', '22098765432'],
  birthDate: '1990-08-17',
  email: 'andi.wijaya@gmail.com',
};

describe('checkPassword', () => {
  it.each([
    ['a long passphrase with spaces'],
    ['kopi tubruk pagi hari'],
    ['Pohon mangga di belakang rumah 7'],
    ['🙂🙂🙂🙂🙂🙂🙂🙂🙂🙂🙂🙂'], // twelve code points, 24 UTF-16 units
    ['x'.repeat(PASSWORD_MAX_LENGTH)],
    ['correcthorsebatterystaple'], // no composition rules: lower-case letters only is fine
  ])('accepts %s', (password) => {
    expect(checkPassword(password, member, COMMON)).toEqual({ ok: true });
  });

  it.each([
    ['short', ['TOO_SHORT']],
    ['elevenchars', ['TOO_SHORT']],
    ['🙂🙂🙂🙂🙂🙂🙂🙂🙂🙂🙂', ['TOO_SHORT']], // 22 UTF-16 units but only 11 code points
    ['x'.repeat(PASSWORD_MAX_LENGTH + 1), ['TOO_LONG']],
    ['Password2024!', ['COMMON']],
    ['bismillah123', ['COMMON']],
    ['  !!QWERTYUIOP!!  ', ['COMMON']],
    ['password123456', ['COMMON']], // the whole password is itself an entry
    ['Sayang', ['TOO_SHORT', 'COMMON']],
    ['indonesia1', ['TOO_SHORT', 'COMMON']],
    ['password', ['TOO_SHORT', 'COMMON']],
    ['rahasia 3174051708900003', ['CONTAINS_PERSONAL_DATA']],
    ['rahasia 3174-0517-0890-0003', ['CONTAINS_PERSONAL_DATA']],
    ['rahasia 3174.0517.0890.0003', ['CONTAINS_PERSONAL_DATA']],
    ['kpjku 220 9876 5432', ['CONTAINS_PERSONAL_DATA']],
    ['lahir 19900817 jkt', ['CONTAINS_PERSONAL_DATA']],
    ['lahir 17081990 jkt', ['CONTAINS_PERSONAL_DATA']],
    ['lahir 170890 jakarta', ['CONTAINS_PERSONAL_DATA']],
    ['lahir 1990-08-17 jkt', ['CONTAINS_PERSONAL_DATA']],
    ['lahir 17-08-1990 jkt', ['CONTAINS_PERSONAL_DATA']],
    ['lahir 17.08.1990 jkt', ['CONTAINS_PERSONAL_DATA']],
    ['ANDI.WIJAYA rules', ['CONTAINS_PERSONAL_DATA']],
    ['Password170890', ['COMMON', 'CONTAINS_PERSONAL_DATA']],
    ['17081990', ['TOO_SHORT', 'CONTAINS_PERSONAL_DATA']],
  ])('refuses %s because %j', (password, reasons) => {
    expect(checkPassword(password, member, COMMON)).toEqual({ ok: false, reasons });
  });

  it('does not look up a core shorter than four characters', () => {
    const common = new Set(['abc']);
    expect(checkPassword('123456abc!!!', {}, common)).toEqual({ ok: true });
    expect(checkPassword('abc', {}, common)).toEqual({ ok: false, reasons: ['TOO_SHORT', 'COMMON'] });
  });

  it('keeps a common word inside a longer password allowed (only the trimmed core is looked up)', () => {
    expect(checkPassword('my password is long', {}, COMMON)).toEqual({ ok: true });
  });

  it('ignores an email local part shorter than four characters', () => {
    expect(checkPassword('budi and the bus!', { email: 'bus@mail.id' }, COMMON)).toEqual({ ok: true });
  });

  it('ignores missing or invalid personal data', () => {
    const context: PasswordContext = { nik: null, kpjNumbers: [], birthDate: '1990-02-30', email: null };
    expect(checkPassword('lahir 30021990 di sini', context, COMMON)).toEqual({ ok: true });
    expect(checkPassword('lahir 30021990 di sini', {}, COMMON)).toEqual({ ok: true });
  });

  it('judges length by code points alone, never by composition', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme-ascii', maxLength: 200 }), (password) => {
        const result = checkPassword(password, {}, new Set());
        const length = [...password].length;
        const expected = [
          ...(length < PASSWORD_MIN_LENGTH ? ['TOO_SHORT'] : []),
          ...(length > PASSWORD_MAX_LENGTH ? ['TOO_LONG'] : []),
        ];
        expect(result).toEqual(expected.length === 0 ? { ok: true } : { ok: false, reasons: expected });
      }),
    );
  });

  it('refuses any common password however it is decorated with digits, symbols and case', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...COMMON),
        fc.stringMatching(/^[0-9!@#$%^&*. _-]{0,6}$/),
        fc.stringMatching(/^[0-9!@#$%^&*. _-]{0,6}$/),
        fc.boolean(),
        (word, prefix, suffix, upper) => {
          const password = `${prefix}${upper ? word.toUpperCase() : word}${suffix}`;
          const result = checkPassword(password, {}, COMMON);
          expect(result.ok).toBe(false);
          if (!result.ok) expect(result.reasons).toContain('COMMON');
        },
      ),
    );
  });

  it('refuses any password holding the NIK, whatever separators are typed inside it', () => {
    fc.assert(
      fc.property(
        fc.array(fc.constantFrom('', ' ', '.', '-'), { minLength: 15, maxLength: 15 }),
        fc.string({ maxLength: 10 }),
        (separators, tail) => {
          const nik = member.nik ?? '';
          const typed = [...nik].map((digit, i) => digit + (separators[i] ?? '')).join('');
          const result = checkPassword(`${typed}${tail}`, member, COMMON);
          expect(result.ok).toBe(false);
          if (!result.ok) expect(result.reasons).toContain('CONTAINS_PERSONAL_DATA');
        },
      ),
    );
  });

  it('always lists reasons in the declared order without repeats', () => {
    const order = ['TOO_SHORT', 'TOO_LONG', 'COMMON', 'CONTAINS_PERSONAL_DATA'];
    fc.assert(
      fc.property(fc.string({ maxLength: 140 }), (password) => {
        const result = checkPassword(password, member, COMMON);
        if (result.ok) return;
        const positions = result.reasons.map((reason) => order.indexOf(reason));
        expect(positions).toEqual([...new Set(positions)].sort((a, b) => a - b));
      }),
    );
  });
});

describe('passwordCore', () => {
  it.each([
    ['Password2024!', 'Password'],
    ['bismillah123', 'bismillah'],
    ['!!1a2b3!!', 'a2b'],
    ['2024', ''],
    ['  kopi susu  ', 'kopi susu'],
  ])('trims %s to %s', (password, core) => {
    expect(passwordCore(password)).toBe(core);
  });
});
