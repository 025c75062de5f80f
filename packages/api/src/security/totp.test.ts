import { describe, expect, it } from 'vitest';
import {
  base32Decode,
  base32Encode,
  generateTotpSecret,
  hotp,
  totpCode,
  totpStep,
  totpUri,
  verifyTotp,
} from './totp.js';

/** RFC 6238 appendix B uses the ASCII key "12345678901234567890" for SHA1. */
const rfcKey = Buffer.from('12345678901234567890', 'ascii');
const rfcSecret = base32Encode(rfcKey);

// RFC 6238 appendix B, SHA1 column: Unix time → 8-digit TOTP.
const rfcVectors: [number, string][] = [
  [59, '94287082'],
  [1111111109, '07081804'],
  [1111111111, '14050471'],
  [1234567890, '89005924'],
  [2000000000, '69279037'],
  [20000000000, '65353130'],
];

describe('TOTP (RFC 6238, HMAC-SHA1)', () => {
  it('encodes the RFC key in base32 the way authenticator apps expect', () => {
    expect(rfcSecret).toBe('GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ');
    expect(base32Decode(rfcSecret)).toEqual(rfcKey);
    expect(base32Decode('gezd gnbv gy3t qojq gezd gnbv gy3t qojq')).toEqual(rfcKey);
    expect(base32Decode('GEZ1')).toBeNull();
  });

  it.each(rfcVectors)('gives the RFC 6238 8-digit code at time %i', (seconds, expected) => {
    expect(totpCode(rfcSecret, new Date(seconds * 1000), { digits: 8 })).toBe(expected);
    expect(hotp(rfcKey, totpStep(new Date(seconds * 1000)), 8)).toBe(expected);
  });

  it.each(rfcVectors)(
    'gives the last six digits of the RFC vector as the 6-digit code at time %i',
    (seconds, expected) => {
      expect(totpCode(rfcSecret, new Date(seconds * 1000))).toBe(expected.slice(-6));
    },
  );

  it('accepts the code of the previous and the next step, and nothing further', () => {
    const at = new Date(1111111111 * 1000);
    const step = totpStep(at);
    for (const offset of [-1, 0, 1]) {
      const code = totpCode(rfcSecret, new Date(at.getTime() + offset * 30_000));
      expect(verifyTotp(rfcSecret, code, at)).toEqual({ ok: true, step: step + offset });
    }
    for (const offset of [-2, 2]) {
      const code = totpCode(rfcSecret, new Date(at.getTime() + offset * 30_000));
      expect(verifyTotp(rfcSecret, code, at).ok).toBe(false);
    }
  });

  it('refuses malformed codes and secrets without throwing', () => {
    const at = new Date(59_000);
    expect(verifyTotp(rfcSecret, '28708', at).ok).toBe(false);
    expect(verifyTotp(rfcSecret, 'abcdef', at).ok).toBe(false);
    expect(verifyTotp('not base32!', '287082', at).ok).toBe(false);
    expect(verifyTotp(rfcSecret, '287 082', at).ok).toBe(true);
  });

  it('generates 160-bit secrets, different each time', () => {
    const a = generateTotpSecret();
    expect(a).toMatch(/^[A-Z2-7]{32}$/);
    expect(base32Decode(a)).toHaveLength(20);
    expect(generateTotpSecret()).not.toBe(a);
  });

  it('builds the otpauth URI with issuer Pulih and the username as the account', () => {
    expect(totpUri('demo.admin', rfcSecret)).toBe(
      'otpauth://totp/Pulih:demo.admin?secret=GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ&issuer=Pulih',
    );
  });
});
