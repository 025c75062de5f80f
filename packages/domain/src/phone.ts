import { err, ok, type Result } from './result.js';

/** An Indonesian mobile number in E.164, e.g. `+6281234567890`. */
export type PhoneE164 = string;

const MOBILE_AFTER_62 = /^8[1-35-9]\d{7,10}$/;

/** Accepts `0812…`, `+62812…`, `62812…`, with spaces, dashes, dots or brackets. */
export function normalizePhone(raw: string): Result<PhoneE164, 'PHONE_FORMAT'> {
  const compact = raw.replace(/[\s().-]/g, '');
  let national: string;
  if (compact.startsWith('+62')) national = compact.slice(3);
  else if (compact.startsWith('62')) national = compact.slice(2);
  else if (compact.startsWith('0')) national = compact.slice(1);
  else return err('PHONE_FORMAT');
  return MOBILE_AFTER_62.test(national) ? ok(`+62${national}`) : err('PHONE_FORMAT');
}

const localDigits = (e164: PhoneE164): string => `0${e164.slice(3)}`;

/** `+6281234567890` → `0812-3456-7890`: groups of four from the left. */
export function formatPhone(e164: PhoneE164): string {
  const digits = localDigits(e164);
  return digits.match(/.{1,4}/g)?.join('-') ?? digits;
}

/** Keeps the 4-digit operator prefix and the last 2 digits: `0812-****-**90`. */
export function maskPhone(e164: PhoneE164): string {
  const digits = localDigits(e164);
  const masked = digits.slice(0, 4) + '*'.repeat(digits.length - 6) + digits.slice(-2);
  return masked.match(/.{1,4}/g)?.join('-') ?? masked;
}
