import { TRPCClientError } from '@trpc/client';
import { describe, expect, it } from 'vitest';
import {
  appCodeOf,
  type BaseErrorKey,
  createErrorMessages,
  passwordReasonKeysOf,
  reasonsOf,
  retryAfterSecondsOf,
} from './errors';

const rawServerText = 'The email/KPJ or password is wrong. at login.ts:42';

/** A client error as tRPC builds it from the API's error response. */
function apiError(appCode: string, httpStatus = 400, extra: Record<string, unknown> = {}): TRPCClientError<never> {
  return TRPCClientError.from({
    error: { code: -32600, message: rawServerText, data: { code: 'BAD_REQUEST', httpStatus, appCode, ...extra } },
  });
}

type Key = BaseErrorKey | 'errorCodeInvalid';
const t: Record<Key, string> = {
  errorInvalidCredentials: 'Email/nomor KPJ atau kata sandi salah.',
  errorInvalidInput: 'Data tidak valid.',
  errorRateLimited: 'Terlalu banyak percobaan.',
  errorUnauthenticated: 'Sesi berakhir.',
  errorForbidden: 'Tidak diizinkan.',
  errorNotFound: 'Tidak ditemukan.',
  errorGeneric: 'Terjadi kesalahan, coba lagi',
  errorCodeInvalid: 'Kode salah.',
};

const { describeError, messageKeyOf } = createErrorMessages({ CODE_INVALID: 'errorCodeInvalid' });

describe('createErrorMessages', () => {
  it('explains the shared appCodes with the catalogue text', () => {
    expect(describeError(apiError('INVALID_CREDENTIALS', 401), t)).toBe(t.errorInvalidCredentials);
    expect(describeError(apiError('RATE_LIMITED', 429), t)).toBe(t.errorRateLimited);
    expect(messageKeyOf(apiError('CROSS_SITE_REQUEST', 403))).toBe('errorForbidden');
  });

  it("explains an app's own appCodes once they are in its table", () => {
    expect(describeError(apiError('CODE_INVALID'), t)).toBe(t.errorCodeInvalid);
    expect(createErrorMessages().messageKeyOf(apiError('CODE_INVALID'))).toBe('errorGeneric');
  });

  it('falls back to the generic message for an appCode it does not know', () => {
    expect(describeError(apiError('SOMETHING_NEW'), t)).toBe('Terjadi kesalahan, coba lagi');
  });

  it('falls back to the generic message for network failures and plain exceptions', () => {
    const offline = TRPCClientError.from(new TypeError('Failed to fetch'));
    expect(describeError(offline, t)).toBe(t.errorGeneric);
    expect(describeError(new Error(rawServerText), t)).toBe(t.errorGeneric);
    expect(describeError('boom', t)).toBe(t.errorGeneric);
    expect(describeError(undefined, t)).toBe(t.errorGeneric);
  });

  it('never passes the raw error text through, not even for keys of Object.prototype', () => {
    for (const code of ['INVALID_CREDENTIALS', 'RATE_LIMITED', 'INTERNAL', 'toString', '__proto__', 'UNKNOWN']) {
      const text = describeError(apiError(code), t);
      expect(text).not.toContain(rawServerText);
      expect(Object.values(t)).toContain(text);
    }
  });
});

describe('appCodeOf', () => {
  it('reads the stable appCode the API puts in error.data', () => {
    expect(appCodeOf(apiError('UNAUTHENTICATED', 401))).toBe('UNAUTHENTICATED');
  });

  it('gives null when the error carries no appCode', () => {
    expect(appCodeOf(new Error('x'))).toBeNull();
    expect(appCodeOf(null)).toBeNull();
  });
});

describe('retryAfterSecondsOf', () => {
  it('reads how long to wait, rounded up to whole seconds', () => {
    expect(retryAfterSecondsOf(apiError('RATE_LIMITED', 429, { retryAfterSeconds: 42 }))).toBe(42);
    expect(retryAfterSecondsOf(apiError('RATE_LIMITED', 429, { retryAfterSeconds: 0.2 }))).toBe(1);
  });

  it('gives null when the reply does not say, or says something unusable', () => {
    expect(retryAfterSecondsOf(apiError('RATE_LIMITED', 429))).toBeNull();
    expect(retryAfterSecondsOf(apiError('RATE_LIMITED', 429, { retryAfterSeconds: '60' }))).toBeNull();
    expect(retryAfterSecondsOf(apiError('RATE_LIMITED', 429, { retryAfterSeconds: -5 }))).toBeNull();
  });
});

describe('reasonsOf', () => {
  it('reads the failed password rules in order and ignores anything that is not a string', () => {
    expect(reasonsOf(apiError('PASSWORD_REJECTED', 400, { reasons: ['TOO_SHORT', 7, 'COMMON'] }))).toEqual([
      'TOO_SHORT',
      'COMMON',
    ]);
    expect(reasonsOf(apiError('PASSWORD_REJECTED'))).toEqual([]);
  });
});

describe('passwordReasonKeysOf', () => {
  it('turns the failed password rules into catalogue keys, in order, leaving out unknown ones', () => {
    const error = apiError('PASSWORD_REJECTED', 400, { reasons: ['TOO_SHORT', 'NEW_RULE', 'CONTAINS_PERSONAL_DATA'] });
    expect(passwordReasonKeysOf(error)).toEqual(['passwordReasonTooShort', 'passwordReasonPersonal']);
    expect(passwordReasonKeysOf(apiError('PASSWORD_REJECTED'))).toEqual([]);
  });
});
