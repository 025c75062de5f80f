import { createErrorMessages, passwordReasonKeysOf, retryAfterSecondsOf } from '@pulih/ui/errors';
import { formatMessage } from '@pulih/ui/messages';
import type { MessageKey, Messages } from './messages';

// The portal's one error handler: the shared appCodes plus the account ones it can explain.
export const { describeError, messageKeyOf } = createErrorMessages<MessageKey>({
  CODE_INVALID: 'errorCodeInvalid',
  PASSWORD_REJECTED: 'errorPasswordRejected',
  REAUTH_REQUIRED: 'errorReauthRequired',
  ACCOUNT_FROZEN: 'errorAccountFrozen',
  ACCOUNT_CLOSED: 'errorAccountClosed',
  CONTROL_NOT_PROVEN: 'errorControlNotProven',
  ACCOUNT_NOT_FOUND: 'errorNotFound',
  CONFLICT: 'errorConflict',
});
export { appCodeOf } from '@pulih/ui/errors';

/**
 * A failed call as the page keeps it: catalogue keys and numbers, not text, so that switching
 * the language re-translates a message already on screen.
 */
export interface Problem {
  readonly key: MessageKey;
  /** RATE_LIMITED: how long the API says to wait. */
  readonly retryAfterSeconds: number | null;
  /** PASSWORD_REJECTED: which rules the password broke. */
  readonly reasonKeys: readonly MessageKey[];
}

export function problemOf(error: unknown): Problem {
  const key = messageKeyOf(error);
  return {
    key,
    retryAfterSeconds: key === 'errorRateLimited' ? retryAfterSecondsOf(error) : null,
    reasonKeys: key === 'errorPasswordRejected' ? passwordReasonKeysOf(error) : [],
  };
}

/** A problem found before sending, e.g. an empty field. */
export const problemFromKey = (key: MessageKey): Problem => ({ key, retryAfterSeconds: null, reasonKeys: [] });

/** "2 menit" / "45 detik": whole minutes from a minute up, rounded up so the member never retries too early. */
export function formatWait(seconds: number, t: Messages): string {
  return seconds >= 60
    ? formatMessage(t.waitMinutes, { n: Math.ceil(seconds / 60) })
    : formatMessage(t.waitSeconds, { n: seconds });
}

/** The main line of a problem in the current language. */
export function problemText(problem: Problem, t: Messages): string {
  if (problem.key === 'errorRateLimited' && problem.retryAfterSeconds !== null) {
    return formatMessage(t.errorRateLimitedWait, { wait: formatWait(problem.retryAfterSeconds, t) });
  }
  return t[problem.key];
}
