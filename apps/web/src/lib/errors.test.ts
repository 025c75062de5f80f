import { TRPCClientError } from '@trpc/client';
import { describe, expect, it } from 'vitest';
import { appCodeOf, describeError } from './errors';
import { messages } from './messages';

const rawServerText = 'The email/KPJ or password is wrong. at login.ts:42';

/** A client error as tRPC builds it from the API's error response. */
function apiError(appCode: string, httpStatus = 400): TRPCClientError<never> {
  return TRPCClientError.from({
    error: { code: -32600, message: rawServerText, data: { code: 'BAD_REQUEST', httpStatus, appCode } },
  });
}

describe('describeError', () => {
  it('explains INVALID_CREDENTIALS with the catalogue text, in the chosen language', () => {
    expect(describeError(apiError('INVALID_CREDENTIALS', 401), messages.id)).toBe(messages.id.errorInvalidCredentials);
    expect(describeError(apiError('INVALID_CREDENTIALS', 401), messages.en)).toBe(messages.en.errorInvalidCredentials);
  });

  it('explains RATE_LIMITED with the catalogue text', () => {
    expect(describeError(apiError('RATE_LIMITED', 429), messages.id)).toBe(messages.id.errorRateLimited);
  });

  it('falls back to the generic message for an appCode it does not know', () => {
    expect(describeError(apiError('SOMETHING_NEW'), messages.id)).toBe('Terjadi kesalahan, coba lagi');
  });

  it('falls back to the generic message for network failures and plain exceptions', () => {
    const offline = TRPCClientError.from(new TypeError('Failed to fetch'));
    expect(describeError(offline, messages.id)).toBe(messages.id.errorGeneric);
    expect(describeError(new Error(rawServerText), messages.id)).toBe(messages.id.errorGeneric);
    expect(describeError('boom', messages.en)).toBe(messages.en.errorGeneric);
    expect(describeError(undefined, messages.en)).toBe(messages.en.errorGeneric);
  });

  it('never passes the raw error text through', () => {
    for (const code of ['INVALID_CREDENTIALS', 'RATE_LIMITED', 'INTERNAL', 'toString', 'UNKNOWN']) {
      const text = describeError(apiError(code), messages.en);
      expect(text).not.toContain(rawServerText);
      expect(Object.values(messages.en)).toContain(text);
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
