import { randomBytes } from 'node:crypto';

/** Crockford base32 without I, L, O, U, as claim numbers: read out on the phone without confusion. */
const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

/** `KOR-7Q2M-9XKD` (a correction request) or `INS-…` (a personal-data incident): 40 random bits. */
export function newPrivacyReference(prefix: 'KOR' | 'INS'): string {
  let text = '';
  for (const byte of randomBytes(8)) text += ALPHABET[byte & 31];
  return `${prefix}-${text.slice(0, 4)}-${text.slice(4)}`;
}

export const correctionIdPattern = /^KOR-[0-9A-Z]{4}-[0-9A-Z]{4}$/;
export const incidentIdPattern = /^INS-[0-9A-Z]{4}-[0-9A-Z]{4}$/;
