import { TRPCClientError } from '@trpc/client';
import { describe, expect, it } from 'vitest';
import { formatWait, problemOf, problemText } from './errors';
import { messages } from './messages';

function apiError(appCode: string, extra: Record<string, unknown> = {}): TRPCClientError<never> {
  return TRPCClientError.from({
    error: {
      code: -32600,
      message: 'raw server text',
      data: { code: 'BAD_REQUEST', httpStatus: 400, appCode, ...extra },
    },
  });
}

describe('problemOf and problemText', () => {
  it('says how long to wait when the API is rate limiting, in seconds or minutes', () => {
    const soon = problemOf(apiError('RATE_LIMITED', { retryAfterSeconds: 45 }));
    expect(problemText(soon, messages.id)).toBe('Terlalu banyak percobaan. Coba lagi dalam 45 detik.');
    const later = problemOf(apiError('RATE_LIMITED', { retryAfterSeconds: 90 }));
    expect(problemText(later, messages.id)).toBe('Terlalu banyak percobaan. Coba lagi dalam 2 menit.');
    expect(problemText(later, messages.en)).toBe('Too many attempts. Try again in 2 minute(s).');
  });

  it('falls back to the plain rate-limit text when the API does not say how long', () => {
    expect(problemText(problemOf(apiError('RATE_LIMITED')), messages.id)).toBe(messages.id.errorRateLimited);
  });

  it('lists every broken password rule in the order the API gives, skipping unknown ones', () => {
    const problem = problemOf(
      apiError('PASSWORD_REJECTED', { reasons: ['TOO_SHORT', 'NEW_RULE', 'CONTAINS_PERSONAL_DATA'] }),
    );
    expect(problemText(problem, messages.id)).toBe(messages.id.errorPasswordRejected);
    expect(problem.reasonKeys).toEqual(['passwordReasonTooShort', 'passwordReasonPersonal']);
  });

  it('explains the account appCodes with their own messages', () => {
    expect(problemOf(apiError('CODE_INVALID')).key).toBe('errorCodeInvalid');
    expect(problemOf(apiError('ACCOUNT_FROZEN')).key).toBe('errorAccountFrozen');
    expect(problemOf(apiError('REAUTH_REQUIRED')).key).toBe('errorReauthRequired');
    expect(problemOf(apiError('CONFLICT')).key).toBe('errorConflict');
    expect(problemOf(new Error('offline')).key).toBe('errorGeneric');
  });
});

describe('formatWait', () => {
  it('rounds minutes up so the member never retries too early', () => {
    expect(formatWait(59, messages.id)).toBe('59 detik');
    expect(formatWait(60, messages.id)).toBe('1 menit');
    expect(formatWait(61, messages.id)).toBe('2 menit');
  });
});
