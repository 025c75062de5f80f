import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

/** RFC 6238 with the parameters every authenticator app defaults to. */
export const TOTP_STEP_SECONDS = 30;
export const TOTP_DIGITS = 6;
/** Steps accepted either side of now, for clocks that drift and codes typed slowly. */
export const TOTP_WINDOW = 1;

const BASE32_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';

export function base32Encode(bytes: Uint8Array): string {
  let bits = 0;
  let value = 0;
  let out = '';
  for (const byte of bytes) {
    value = (value << 8) | byte;
    bits += 8;
    while (bits >= 5) {
      out += BASE32_ALPHABET[(value >>> (bits - 5)) & 31];
      bits -= 5;
    }
  }
  if (bits > 0) out += BASE32_ALPHABET[(value << (5 - bits)) & 31];
  return out;
}

/** Decodes base32 as authenticator apps write it: any case, spaces and padding ignored. Null when malformed. */
export function base32Decode(text: string): Buffer | null {
  const clean = text.replace(/[\s=]/g, '').toUpperCase();
  let bits = 0;
  let value = 0;
  const out: number[] = [];
  for (const char of clean) {
    const index = BASE32_ALPHABET.indexOf(char);
    if (index < 0) return null;
    value = ((value << 5) | index) & 0xffff;
    bits += 5;
    if (bits >= 8) {
      out.push((value >>> (bits - 8)) & 0xff);
      bits -= 8;
    }
  }
  return Buffer.from(out);
}

/** A new secret: 20 random bytes (160 bits, the HMAC-SHA1 block RFC 4226 recommends), base32. */
export const generateTotpSecret = (): string => base32Encode(randomBytes(20));

/** RFC 4226 HOTP: HMAC-SHA1 of the 8-byte counter, dynamic truncation, `digits` decimal digits. */
export function hotp(key: Uint8Array, counter: number | bigint, digits = TOTP_DIGITS): string {
  const message = Buffer.alloc(8);
  message.writeBigUInt64BE(BigInt(counter));
  const mac = createHmac('sha1', key).update(message).digest();
  const offset = (mac[mac.length - 1] ?? 0) & 0x0f;
  const binary = mac.readUInt32BE(offset) & 0x7fffffff;
  return String(binary % 10 ** digits).padStart(digits, '0');
}

/** The RFC 6238 time step that contains `at`. */
export const totpStep = (at: Date, stepSeconds = TOTP_STEP_SECONDS): number =>
  Math.floor(at.getTime() / 1000 / stepSeconds);

/** The code an authenticator app shows at `at` for a base32 secret. */
export function totpCode(secret: string, at: Date, options: { digits?: number; stepSeconds?: number } = {}): string {
  const key = base32Decode(secret);
  if (!key || key.length === 0) throw new Error('the TOTP secret is not valid base32');
  return hotp(key, totpStep(at, options.stepSeconds), options.digits);
}

/**
 * Checks a code against the steps around `at` (±TOTP_WINDOW) in constant time per step and
 * returns the step it matched, so a caller can refuse a step that was already used.
 */
export function verifyTotp(
  secret: string,
  code: string,
  at: Date,
  window = TOTP_WINDOW,
): { ok: true; step: number } | { ok: false } {
  const key = base32Decode(secret);
  const submitted = code.replace(/\s/g, '');
  if (!key || key.length === 0 || !/^\d{6}$/.test(submitted)) return { ok: false };
  const now = totpStep(at);
  let matched: number | null = null;
  for (let step = now - window; step <= now + window; step++) {
    // Check every step, even after a match, so the time taken does not tell which one matched.
    if (timingSafeEqual(Buffer.from(hotp(key, step)), Buffer.from(submitted)) && matched === null) matched = step;
  }
  return matched === null ? { ok: false } : { ok: true, step: matched };
}

/** The `otpauth://` URI authenticator apps read from a QR code. */
export const totpUri = (username: string, secret: string): string =>
  `otpauth://totp/Pulih:${encodeURIComponent(username)}?secret=${secret}&issuer=Pulih`;
