import { dateToMs, type IsoInstant, instantToMs } from './instant.js';
import { err, ok, type Result } from './result.js';

/** How one-time codes sent by SMS or email look and how long they live. */
export interface CodePolicy {
  readonly digits: number;
  readonly validityMinutes: number;
  readonly maxAttempts: number;
}

export const DEFAULT_CODE_POLICY: CodePolicy = { digits: 6, validityMinutes: 10, maxAttempts: 5 };

/** What storage keeps about an issued code (never the code itself in clear). */
export interface CodeState {
  /** First instant at which the code no longer works. */
  readonly expiresAt: IsoInstant;
  /** Wrong guesses already made. */
  readonly attempts: number;
  readonly consumedAt: IsoInstant | null;
}

export type CodeRejection = 'CODE_EXPIRED' | 'CODE_USED' | 'CODE_TOO_MANY_ATTEMPTS';

/** When a code issued at `now` stops working. */
export const codeExpiresAt = (now: Date, policy: CodePolicy = DEFAULT_CODE_POLICY): IsoInstant =>
  new Date(dateToMs(now) + policy.validityMinutes * 60_000).toISOString();

/**
 * Whether one more guess may be checked against a stored code. A used code reports `CODE_USED`
 * even if it has also expired; an expired code reports `CODE_EXPIRED` before `CODE_TOO_MANY_ATTEMPTS`.
 */
export function canAttemptCode(
  state: CodeState,
  now: Date,
  policy: CodePolicy = DEFAULT_CODE_POLICY,
): Result<true, CodeRejection> {
  if (state.consumedAt !== null) return err('CODE_USED');
  if (dateToMs(now) >= instantToMs(state.expiresAt)) return err('CODE_EXPIRED');
  if (state.attempts >= policy.maxAttempts) return err('CODE_TOO_MANY_ATTEMPTS');
  return ok(true);
}

/** `123 456` and `123-456` → `123456`; anything that is not exactly `digits` digits → null. */
export function normalizeCodeInput(input: string, digits: number = DEFAULT_CODE_POLICY.digits): string | null {
  const code = input.replace(/[\s-]/g, '');
  return code.length === digits && /^[0-9]+$/.test(code) ? code : null;
}

const TWO_POW_32 = 2 ** 32;

/** Words at or above this are rejected so that every code is equally likely. */
export const rejectionThreshold = (digits: number): number => {
  const modulus = 10 ** digits;
  return TWO_POW_32 - (TWO_POW_32 % modulus);
};

/**
 * A uniformly random code from CSPRNG bytes (pass 16): reads 32-bit big-endian words in turn,
 * skips any word at or above the largest multiple of 10^digits below 2^32, and zero-pads the rest
 * modulo 10^digits. Four words all being rejected (about 1 in 4·10^14 for 6 digits) is reported as a value.
 */
export function codeFromRandomBytes(
  bytes: Uint8Array,
  digits: number = DEFAULT_CODE_POLICY.digits,
): Result<string, 'NOT_ENOUGH_RANDOMNESS'> {
  if (!Number.isInteger(digits) || digits < 1 || digits > 9) {
    throw new Error(`codeFromRandomBytes: digits must be an integer from 1 to 9, got ${digits}`);
  }
  const modulus = 10 ** digits;
  const threshold = rejectionThreshold(digits);
  for (let offset = 0; offset + 4 <= bytes.length; offset += 4) {
    const word =
      (bytes[offset] ?? 0) * 0x1000000 +
      (bytes[offset + 1] ?? 0) * 0x10000 +
      (bytes[offset + 2] ?? 0) * 0x100 +
      (bytes[offset + 3] ?? 0);
    if (word < threshold) return ok(String(word % modulus).padStart(digits, '0'));
  }
  return err('NOT_ENOUGH_RANDOMNESS');
}
