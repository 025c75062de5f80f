import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { composeNik, maskNik, nikAgreesWithRecord, parseNik } from './nik.js';

describe('parseNik', () => {
  it.each([
    [
      '3174051708900003',
      { provinceName: 'DKI Jakarta', sex: 'L', birthDay: 17, birthMonth: 8, birthYearTwoDigits: 90 },
    ],
    ['3273015708900001', { provinceName: 'Jawa Barat', sex: 'P', birthDay: 17, birthMonth: 8, birthYearTwoDigits: 90 }],
    ['9471024101020001', { provinceName: 'Papua Tengah', sex: 'P', birthDay: 1, birthMonth: 1, birthYearTwoDigits: 2 }],
    [
      '3578 0129 0200 0001',
      { provinceName: 'Jawa Timur', sex: 'L', birthDay: 29, birthMonth: 2, birthYearTwoDigits: 0 },
    ],
  ])('reads province, sex and birth date from %s', (nik, expected) => {
    const parsed = parseNik(nik);
    expect(parsed.ok).toBe(true);
    if (parsed.ok) expect(parsed.value).toMatchObject(expected);
  });

  it.each([
    ['317405170890000', 'NIK_FORMAT'],
    ['31740517089000031', 'NIK_FORMAT'],
    ['3174O51708900003', 'NIK_FORMAT'],
    ['', 'NIK_FORMAT'],
    ['9974051708900003', 'NIK_PROVINCE'],
    ['2074051708900003', 'NIK_PROVINCE'],
    ['3174053208900003', 'NIK_DATE'],
    ['3174057208900003', 'NIK_DATE'],
    ['3174053002900003', 'NIK_DATE'],
    ['3174052902010003', 'NIK_DATE'],
    ['3174051713900003', 'NIK_DATE'],
    ['3174051708900000', 'NIK_SERIAL'],
  ])('rejects %s with %s', (nik, error) => {
    expect(parseNik(nik)).toEqual({ ok: false, error });
  });

  it('round-trips every composed NIK back to its birth date and sex', () => {
    fc.assert(
      fc.property(
        fc.date({ min: new Date('1940-01-01'), max: new Date('2010-12-31'), noInvalidDate: true }),
        fc.constantFrom('L' as const, 'P' as const),
        fc.integer({ min: 1, max: 9999 }),
        (date, sex, serial) => {
          const birthDate = date.toISOString().slice(0, 10);
          const nik = composeNik({ provinceCode: '33', regencyCode: '74', districtCode: '05', birthDate, sex, serial });
          const parsed = parseNik(nik);
          expect(parsed.ok).toBe(true);
          if (parsed.ok)
            expect(nikAgreesWithRecord(parsed.value, { birthDate, sex })).toEqual({ ok: true, value: true });
        },
      ),
    );
  });
});

describe('nikAgreesWithRecord', () => {
  const parsed = parseNik('3273015708900001');
  if (!parsed.ok) throw new Error('fixture');

  it('accepts the recorded birth date and sex of a woman (+40 on the day)', () => {
    expect(nikAgreesWithRecord(parsed.value, { birthDate: '1990-08-17', sex: 'P' }).ok).toBe(true);
  });
  it('flags a recorded birth date that differs from the NIK', () => {
    expect(nikAgreesWithRecord(parsed.value, { birthDate: '1990-08-18', sex: 'P' })).toEqual({
      ok: false,
      error: 'NIK_BIRTH_DATE_MISMATCH',
    });
  });
  it('flags a recorded sex that differs from the NIK', () => {
    expect(nikAgreesWithRecord(parsed.value, { birthDate: '1990-08-17', sex: 'L' })).toEqual({
      ok: false,
      error: 'NIK_SEX_MISMATCH',
    });
  });
});

describe('maskNik', () => {
  it('keeps the region and the serial and hides the birth date', () => {
    expect(maskNik('3174051708900003')).toBe('3174********0003');
  });
});
