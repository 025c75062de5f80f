import { TRPCClientError } from '@trpc/client';
import { describe, expect, it } from 'vitest';
import { problemOf } from './errors';
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

describe('problemOf', () => {
  it('explains the recovery codes in the kiosk catalogue', () => {
    expect(problemOf(apiError('CODE_INVALID')).key).toBe('errorCodeInvalid');
    expect(problemOf(apiError('RATE_LIMITED')).key).toBe('errorRateLimited');
    expect(problemOf(apiError('UNAUTHENTICATED')).key).toBe('errorUnauthenticated');
    expect(messages.id[problemOf(apiError('SOMETHING_NEW')).key]).toBe('Terjadi kesalahan, coba lagi');
  });

  it('lists the broken password rules it knows, in order', () => {
    const problem = problemOf(apiError('PASSWORD_REJECTED', { reasons: ['TOO_SHORT', 'NEW_RULE', 'COMMON'] }));
    expect(problem.key).toBe('errorPasswordRejected');
    expect(problem.reasonKeys).toEqual(['passwordReasonTooShort', 'passwordReasonCommon']);
    expect(problemOf(apiError('CODE_INVALID', { reasons: ['TOO_SHORT'] })).reasonKeys).toEqual([]);
  });
});
