import { type IsoDate, isRealDate, parseIsoDate, toIsoDate } from './calendar.js';
import { isProvinceCode, PROVINCES } from './province.js';
import { err, ok, type Result } from './result.js';

export type Sex = 'L' | 'P';

export type NikError = 'NIK_FORMAT' | 'NIK_PROVINCE' | 'NIK_DATE' | 'NIK_SERIAL';

/** What the 16 digits `PP KK CC DDMMYY SSSS` of a NIK say about its holder. */
export interface ParsedNik {
  readonly nik: string;
  readonly provinceCode: string;
  readonly provinceName: string;
  readonly regencyCode: string;
  readonly districtCode: string;
  /** Women have 40 added to the day of birth. */
  readonly sex: Sex;
  readonly birthDay: number;
  readonly birthMonth: number;
  /** Two digits only: the century is not encoded. */
  readonly birthYearTwoDigits: number;
  readonly serial: string;
}

/** Removes the spaces, dots and dashes people type between the groups of digits. */
export const normalizeNik = (raw: string): string => raw.replace(/[\s.-]/g, '');

export function parseNik(raw: string): Result<ParsedNik, NikError> {
  const nik = normalizeNik(raw);
  if (!/^\d{16}$/.test(nik)) return err('NIK_FORMAT');
  const provinceCode = nik.slice(0, 2);
  if (!isProvinceCode(provinceCode)) return err('NIK_PROVINCE');
  const encodedDay = Number(nik.slice(6, 8));
  const birthMonth = Number(nik.slice(8, 10));
  const birthYearTwoDigits = Number(nik.slice(10, 12));
  const sex: Sex = encodedDay > 40 ? 'P' : 'L';
  const birthDay = sex === 'P' ? encodedDay - 40 : encodedDay;
  // The century is unknown, so a date is real when it exists in 19yy or 20yy (29 Feb 00).
  const existsInSomeCentury =
    isRealDate(1900 + birthYearTwoDigits, birthMonth, birthDay) ||
    isRealDate(2000 + birthYearTwoDigits, birthMonth, birthDay);
  if (!existsInSomeCentury) return err('NIK_DATE');
  const serial = nik.slice(12, 16);
  if (serial === '0000') return err('NIK_SERIAL');
  return ok({
    nik,
    provinceCode,
    provinceName: PROVINCES[provinceCode] ?? provinceCode,
    regencyCode: nik.slice(2, 4),
    districtCode: nik.slice(4, 6),
    sex,
    birthDay,
    birthMonth,
    birthYearTwoDigits,
    serial,
  });
}

export type NikMismatch = 'NIK_BIRTH_DATE_MISMATCH' | 'NIK_SEX_MISMATCH';

/** Checks the birth date and sex encoded in a NIK against the member's recorded ones. */
export function nikAgreesWithRecord(
  nik: ParsedNik,
  record: { readonly birthDate: IsoDate; readonly sex: Sex },
): Result<true, NikMismatch> {
  const date = parseIsoDate(record.birthDate);
  if (
    !date ||
    date.day !== nik.birthDay ||
    date.month !== nik.birthMonth ||
    date.year % 100 !== nik.birthYearTwoDigits
  ) {
    return err('NIK_BIRTH_DATE_MISMATCH');
  }
  if (record.sex !== nik.sex) return err('NIK_SEX_MISMATCH');
  return ok(true);
}

/** Builds a NIK from its parts (used by the demo generator and by tests). */
export function composeNik(parts: {
  readonly provinceCode: string;
  readonly regencyCode: string;
  readonly districtCode: string;
  readonly birthDate: IsoDate;
  readonly sex: Sex;
  readonly serial: number;
}): string {
  const date = parseIsoDate(parts.birthDate);
  if (!date) throw new Error(`composeNik: not a date: ${parts.birthDate}`);
  const day = parts.sex === 'P' ? date.day + 40 : date.day;
  const yy = String(date.year % 100).padStart(2, '0');
  return `${parts.provinceCode}${parts.regencyCode}${parts.districtCode}${String(day).padStart(2, '0')}${String(date.month).padStart(2, '0')}${yy}${String(parts.serial).padStart(4, '0')}`;
}

/** Staff and unverified callers see a NIK as `3174********0003`. */
export const maskNik = (nik: string): string =>
  nik.length === 16 ? `${nik.slice(0, 4)}********${nik.slice(12)}` : '****************';

export { toIsoDate };
