import { randomBytes } from 'node:crypto';

/** No I, O, 0 or 1: a code read off a phone screen and typed on a kiosk must not be misread. */
const ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';

/** 8 symbols of 5 bits each (40 bits), shown as `ABCD-EFGH`; valid 10 minutes, once. */
export function newPairingCode(): string {
  const code = [...randomBytes(8)].map((byte) => ALPHABET[byte & 31]).join('');
  return `${code.slice(0, 4)}-${code.slice(4)}`;
}

/** Upper-case, without the dash or spaces, as it is stored. */
export const normalizePairingCode = (typed: string): string => typed.toUpperCase().replace(/[\s-]/g, '');
