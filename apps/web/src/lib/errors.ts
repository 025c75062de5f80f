import type { MessageKey, Messages } from './messages';

// The API's stable appCodes that this app can explain; anything else is the generic message.
const messageKeyByAppCode: ReadonlyMap<string, MessageKey> = new Map([
  ['INVALID_CREDENTIALS', 'errorInvalidCredentials'],
  ['INVALID_INPUT', 'errorInvalidInput'],
  ['RATE_LIMITED', 'errorRateLimited'],
  ['UNAUTHENTICATED', 'errorUnauthenticated'],
  ['FORBIDDEN', 'errorForbidden'],
  ['CROSS_SITE_REQUEST', 'errorForbidden'],
  ['MEMBER_NOT_FOUND', 'errorNotFound'],
  ['INTERNAL', 'errorGeneric'],
]);

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}

/** The API's `error.data.appCode` of a tRPC client error, or null for anything else (network, bugs). */
export function appCodeOf(error: unknown): string | null {
  if (!isRecord(error) || !isRecord(error.data)) return null;
  const appCode = error.data.appCode;
  return typeof appCode === 'string' ? appCode : null;
}

export function messageKeyOf(error: unknown): MessageKey {
  const appCode = appCodeOf(error);
  return (appCode !== null ? messageKeyByAppCode.get(appCode) : undefined) ?? 'errorGeneric';
}

/** What to tell the member about a failed call: always catalogue text, never the raw error. */
export function describeError(error: unknown, t: Messages): string {
  return t[messageKeyOf(error)];
}
