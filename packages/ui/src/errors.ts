// The API's stable `error.data.appCode` → a key of the app's message catalogue. The raw error
// text never reaches the screen.

/** The catalogue keys every app has for the errors any call can produce. */
export type BaseErrorKey =
  | 'errorInvalidCredentials'
  | 'errorInvalidInput'
  | 'errorRateLimited'
  | 'errorUnauthenticated'
  | 'errorForbidden'
  | 'errorNotFound'
  | 'errorGeneric';

const baseErrorKeys: Readonly<Record<string, BaseErrorKey>> = {
  INVALID_CREDENTIALS: 'errorInvalidCredentials',
  INVALID_INPUT: 'errorInvalidInput',
  RATE_LIMITED: 'errorRateLimited',
  UNAUTHENTICATED: 'errorUnauthenticated',
  FORBIDDEN: 'errorForbidden',
  CROSS_SITE_REQUEST: 'errorForbidden',
  MEMBER_NOT_FOUND: 'errorNotFound',
  INTERNAL: 'errorGeneric',
};

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}

function errorData(error: unknown): Record<string, unknown> | null {
  return isRecord(error) && isRecord(error.data) ? error.data : null;
}

/** The API's `error.data.appCode` of a tRPC client error, or null for anything else (network, bugs). */
export function appCodeOf(error: unknown): string | null {
  const appCode = errorData(error)?.appCode;
  return typeof appCode === 'string' ? appCode : null;
}

/** `error.data.retryAfterSeconds` of a RATE_LIMITED reply, when the API says how long to wait. */
export function retryAfterSecondsOf(error: unknown): number | null {
  const seconds = errorData(error)?.retryAfterSeconds;
  return typeof seconds === 'number' && Number.isFinite(seconds) && seconds > 0 ? Math.ceil(seconds) : null;
}

/** `error.data.reasons` of a PASSWORD_REJECTED reply: only strings, in the API's order. */
export function reasonsOf(error: unknown): string[] {
  const reasons = errorData(error)?.reasons;
  return Array.isArray(reasons) ? reasons.filter((reason): reason is string => typeof reason === 'string') : [];
}

/** The catalogue keys every app has for the password rules the API may say were broken. */
export type PasswordReasonKey =
  | 'passwordReasonTooShort'
  | 'passwordReasonTooLong'
  | 'passwordReasonCommon'
  | 'passwordReasonPersonal';

const passwordReasonKeys: Readonly<Record<string, PasswordReasonKey>> = {
  TOO_SHORT: 'passwordReasonTooShort',
  TOO_LONG: 'passwordReasonTooLong',
  COMMON: 'passwordReasonCommon',
  CONTAINS_PERSONAL_DATA: 'passwordReasonPersonal',
};

/** The rules a PASSWORD_REJECTED reply says were broken, as catalogue keys in the API's order; unknown rules are left out. */
export function passwordReasonKeysOf(error: unknown): PasswordReasonKey[] {
  return reasonsOf(error).flatMap((reason) => passwordReasonKeys[reason] ?? []);
}

export interface ErrorMessages<K extends string> {
  /** The catalogue key that explains this error; `errorGeneric` for anything not in the table. */
  messageKeyOf(error: unknown): K | BaseErrorKey;
  /** What to tell the member about a failed call: always catalogue text, never the raw error. */
  describeError(error: unknown, t: Readonly<Record<K | BaseErrorKey, string>>): string;
}

/** One app's error table: the shared codes plus the ones only that app can explain. */
export function createErrorMessages<K extends string = never>(
  extra: Readonly<Record<string, K>> = {},
): ErrorMessages<K> {
  const table = new Map<string, K | BaseErrorKey>([...Object.entries(baseErrorKeys), ...Object.entries(extra)]);
  const messageKeyOf = (error: unknown): K | BaseErrorKey => {
    const appCode = appCodeOf(error);
    return (appCode !== null ? table.get(appCode) : undefined) ?? 'errorGeneric';
  };
  return { messageKeyOf, describeError: (error, t) => t[messageKeyOf(error)] };
}
