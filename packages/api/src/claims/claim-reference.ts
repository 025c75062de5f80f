import { randomBytes } from 'node:crypto';

/** Crockford base32 without I, L, O, U: read out on the phone without confusion. */
const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

/** `KLM-7Q2M-9XKD`: 40 random bits, readable, for claims (`KLM`) and appointments (`JDW`). */
export function newReference(prefix: 'KLM' | 'JDW'): string {
  const bytes = randomBytes(8);
  let text = '';
  for (const byte of bytes) text += ALPHABET[byte & 31];
  return `${prefix}-${text.slice(0, 4)}-${text.slice(4)}`;
}
