import { createErrorMessages, passwordReasonKeysOf } from '@pulih/ui/errors';
import type { MessageKey } from './messages';

/** The kiosk's one error handler: the appCodes every app explains, plus the recovery ones, in the kiosk's own words. */
export const { describeError, messageKeyOf } = createErrorMessages<MessageKey>({
  CODE_INVALID: 'errorCodeInvalid',
  PASSWORD_REJECTED: 'errorPasswordRejected',
});

/**
 * A failed call as a screen keeps it: catalogue keys, not text, so switching the language
 * re-translates a message already shown, and the raw server text never reaches the screen.
 */
export interface Problem {
  readonly key: MessageKey;
  /** PASSWORD_REJECTED: which rules the password broke (unknown rules are left out). */
  readonly reasonKeys: readonly MessageKey[];
}

export function problemOf(error: unknown): Problem {
  const key = messageKeyOf(error);
  return {
    key,
    reasonKeys: key === 'errorPasswordRejected' ? passwordReasonKeysOf(error) : [],
  };
}

export const problemFromKey = (key: MessageKey): Problem => ({ key, reasonKeys: [] });
