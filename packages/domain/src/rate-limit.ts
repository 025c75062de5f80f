import { dateToMs, type IsoInstant, instantToMs } from './instant.js';

/** At most `max` events in any `windowSeconds` sliding window. */
export interface LimitWindow {
  readonly max: number;
  readonly windowSeconds: number;
}

export type LimitDecision =
  | { readonly allowed: true }
  | { readonly allowed: false; readonly retryAfterSeconds: number };

const ALLOWED: LimitDecision = { allowed: true };

function assertWindow(window: LimitWindow): void {
  if (!Number.isInteger(window.max) || window.max < 1 || !(window.windowSeconds > 0)) {
    throw new Error(`invalid limit window: ${JSON.stringify(window)}`);
  }
}

const secondsUntil = (waitMs: number): number => Math.max(1, Math.ceil(waitMs / 1000));

/**
 * Whether one more event may happen at `now`, given the times of past events (not including this one).
 * When refused, `retryAfterSeconds` is the shortest whole wait after which every window has room again.
 */
export function decideLimit(
  eventTimes: readonly IsoInstant[],
  windows: readonly LimitWindow[],
  now: Date,
): LimitDecision {
  const nowMs = dateToMs(now);
  const times = eventTimes.map(instantToMs).sort((a, b) => a - b);
  let waitMs = Number.NEGATIVE_INFINITY;
  for (const window of windows) {
    assertWindow(window);
    const lengthMs = window.windowSeconds * 1000;
    const inWindow = times.filter((t) => t > nowMs - lengthMs);
    if (inWindow.length < window.max) continue;
    // Room for one more once the oldest (count − max + 1) events have left the window.
    const leaving = inWindow[inWindow.length - window.max];
    if (leaving === undefined) throw new Error('unreachable: window count below max');
    waitMs = Math.max(waitMs, leaving + lengthMs - nowMs);
  }
  return waitMs === Number.NEGATIVE_INFINITY ? ALLOWED : { allowed: false, retryAfterSeconds: secondsUntil(waitMs) };
}

export const LIMITS: {
  readonly codeSendsPerDestination: readonly LimitWindow[];
  readonly resetRequestsPerIdentifier: readonly LimitWindow[];
  readonly resendCooldown: readonly LimitWindow[];
} = {
  /** One phone number or email address receives at most 3 codes per 10 minutes and 10 per day. */
  codeSendsPerDestination: [
    { max: 3, windowSeconds: 600 },
    { max: 10, windowSeconds: 86_400 },
  ],
  /** One login identifier (email, KPJ, NIK) starts at most 3 password resets per hour. */
  resetRequestsPerIdentifier: [{ max: 3, windowSeconds: 3600 }],
  /** "Send the code again" works once a minute. */
  resendCooldown: [{ max: 1, windowSeconds: 60 }],
};

/** Failed logins for one account: some free, then an exponentially growing wait, capped. */
export interface LoginThrottlePolicy {
  readonly freeFailures: number;
  readonly windowSeconds: number;
  readonly baseDelaySeconds: number;
  readonly maxDelaySeconds: number;
}

export const DEFAULT_LOGIN_THROTTLE: LoginThrottlePolicy = {
  freeFailures: 5,
  windowSeconds: 900,
  baseDelaySeconds: 30,
  maxDelaySeconds: 900,
};

/** The wait required after the latest failure when `failures` failures are in the window. */
export function loginDelaySeconds(failures: number, policy: LoginThrottlePolicy = DEFAULT_LOGIN_THROTTLE): number {
  if (failures < policy.freeFailures) return 0;
  // The exponent is capped so that a flood of failures cannot overflow to Infinity (or 0 × Infinity).
  const doublings = Math.min(failures - policy.freeFailures, 64);
  return Math.min(policy.baseDelaySeconds * 2 ** doublings, policy.maxDelaySeconds);
}

/**
 * Whether a login attempt may be checked at `now`, given the account's recent failures. With
 * `freeFailures` or more failures in the window, the wait since the latest failure is
 * `baseDelay × 2^(n − freeFailures)`, capped at `maxDelay`.
 */
export function decideLoginThrottle(
  failureTimes: readonly IsoInstant[],
  now: Date,
  policy: LoginThrottlePolicy = DEFAULT_LOGIN_THROTTLE,
): LimitDecision {
  const nowMs = dateToMs(now);
  const recent = failureTimes.map(instantToMs).filter((t) => t > nowMs - policy.windowSeconds * 1000);
  const delayMs = loginDelaySeconds(recent.length, policy) * 1000;
  if (delayMs <= 0 || recent.length === 0) return ALLOWED;
  const latest = recent.reduce((a, b) => Math.max(a, b));
  const remainingMs = latest + delayMs - nowMs;
  return remainingMs <= 0 ? ALLOWED : { allowed: false, retryAfterSeconds: secondsUntil(remainingMs) };
}

/** After this many failures in a row the account is locked until the member resets the password. */
export const MAX_CONSECUTIVE_FAILURES = 100;

export function isLockedOut(consecutiveFailures: number): boolean {
  return consecutiveFailures >= MAX_CONSECUTIVE_FAILURES;
}
