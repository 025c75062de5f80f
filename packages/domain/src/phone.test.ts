import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatPhone, maskPhone, normalizePhone } from './phone.js';

describe('normalizePhone', () => {
  it.each([
    ['081234567890', '+6281234567890'],
    ['+6281234567890', '+6281234567890'],
    ['6281234567890', '+6281234567890'],
    ['0812-3456-7890', '+6281234567890'],
    ['(0812) 3456 7890', '+6281234567890'],
    ['+62 857.1234.567', '+628571234567'],
    ['0895123456789', '+62895123456789'],
  ])('turns %s into %s', (raw, e164) => {
    expect(normalizePhone(raw)).toEqual({ ok: true, value: e164 });
  });

  it.each([
    ['0212345678'], // Jakarta landline
    ['0841234567'], // 84 is not a mobile prefix
    ['0812345'], // too short
    ['08123456789012'], // too long
    ['+6581234567'], // Singapore
    ['abc'],
    [''],
  ])('rejects %s', (raw) => {
    expect(normalizePhone(raw)).toEqual({ ok: false, error: 'PHONE_FORMAT' });
  });

  it('accepts every local form of the same number as one E.164 value', () => {
    fc.assert(
      fc.property(fc.constantFrom('1', '2', '3', '5', '8', '9'), fc.stringMatching(/^\d{7,10}$/), (op, rest) => {
        const national = `8${op}${rest}`;
        const forms = [`0${national}`, `62${national}`, `+62${national}`];
        const results = forms.map((form) => normalizePhone(form));
        for (const result of results) expect(result).toEqual({ ok: true, value: `+62${national}` });
      }),
    );
  });
});

describe('formatPhone and maskPhone', () => {
  it('shows a number in groups of four', () => {
    expect(formatPhone('+6281234567890')).toBe('0812-3456-7890');
  });
  it('masks all but the operator prefix and the last two digits', () => {
    expect(maskPhone('+6281234567890')).toBe('0812-****-**90');
  });
  it('masks a short number the same way', () => {
    expect(maskPhone('+628571234567')).toBe('0857-****-*67');
  });
  it('never shows more than six digits of a masked number', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^8[1-35-9]\d{7,10}$/), (national) => {
        const digits = maskPhone(`+62${national}`).replace(/\D/g, '');
        expect(digits.length).toBe(6);
      }),
    );
  });
});
