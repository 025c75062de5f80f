import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  DEFAULT_LOGIN_THROTTLE,
  decideLimit,
  decideLoginThrottle,
  isLockedOut,
  LIMITS,
  type LimitWindow,
  loginDelaySeconds,
  MAX_CONSECUTIVE_FAILURES,
} from './rate-limit.js';

const T0 = Date.parse('2024-05-01T03:00:00.000Z');
const at = (seconds: number): Date => new Date(T0 + seconds * 1000);
const iso = (seconds: number): string => at(seconds).toISOString();

describe('decideLimit', () => {
  it.each<[string, number[], readonly LimitWindow[], number, ReturnType<typeof decideLimit>]>([
    ['a first code', [], LIMITS.codeSendsPerDestination, 0, { allowed: true }],
    ['a third code in 10 minutes', [0, 60], LIMITS.codeSendsPerDestination, 120, { allowed: true }],
    [
      'a fourth code in 10 minutes',
      [0, 60, 120],
      LIMITS.codeSendsPerDestination,
      180,
      { allowed: false, retryAfterSeconds: 420 },
    ],
    [
      'a fourth code once the first is exactly 10 minutes old',
      [0, 60, 120],
      LIMITS.codeSendsPerDestination,
      600,
      { allowed: true },
    ],
    [
      'an eleventh code in a day, though the 10-minute window has room',
      [0, 1000, 2000, 3000, 4000, 5000, 6000, 7000, 8000, 9000],
      LIMITS.codeSendsPerDestination,
      10_000,
      { allowed: false, retryAfterSeconds: 76_400 },
    ],
    [
      'a code breaking both windows (the longer wait wins)',
      [0, 1000, 2000, 3000, 4000, 5000, 6000, 7000, 7100, 7200],
      LIMITS.codeSendsPerDestination,
      7300,
      { allowed: false, retryAfterSeconds: 79_100 },
    ],
    ['a resend within a minute', [0], LIMITS.resendCooldown, 59.2, { allowed: false, retryAfterSeconds: 1 }],
    ['a resend after a minute', [0], LIMITS.resendCooldown, 60, { allowed: true }],
    [
      'a resend 0.5 s early (rounded up to 1 s)',
      [0],
      LIMITS.resendCooldown,
      59.5,
      { allowed: false, retryAfterSeconds: 1 },
    ],
    [
      'a resend 1.5 s early (rounded up to 2 s)',
      [0],
      LIMITS.resendCooldown,
      58.5,
      { allowed: false, retryAfterSeconds: 2 },
    ],
    [
      'a fourth reset in an hour, events out of order',
      [1800, 0, 3000, 10],
      LIMITS.resetRequestsPerIdentifier,
      3300,
      { allowed: false, retryAfterSeconds: 3610 - 3300 },
    ],
    ['no windows at all', [0, 0, 0], [], 0, { allowed: true }],
  ])('decides %s', (_label, events, windows, now, expected) => {
    expect(decideLimit(events.map(iso), windows, at(now))).toEqual(expected);
  });

  it('treats a nonsensical window or a malformed time as a bug', () => {
    expect(() => decideLimit([], [{ max: 0, windowSeconds: 60 }], at(0))).toThrow(/window/);
    expect(() => decideLimit([], [{ max: 1, windowSeconds: 0 }], at(0))).toThrow(/window/);
    expect(() => decideLimit(['yesterday'], [{ max: 1, windowSeconds: 60 }], at(0))).toThrow(/ISO-8601/);
  });

  const windowsArb = fc.array(
    fc.record({ max: fc.integer({ min: 1, max: 5 }), windowSeconds: fc.integer({ min: 1, max: 3600 }) }),
    { minLength: 1, maxLength: 3 },
  );

  it('never lets a caller who records only allowed events exceed any window', () => {
    fc.assert(
      fc.property(windowsArb, fc.array(fc.integer({ min: 0, max: 600_000 }), { maxLength: 60 }), (windows, gapsMs) => {
        const recorded: number[] = [];
        let nowMs = T0;
        for (const gap of gapsMs) {
          nowMs += gap;
          const times = recorded.map((ms) => new Date(ms).toISOString());
          if (decideLimit(times, windows, new Date(nowMs)).allowed) recorded.push(nowMs);
        }
        for (const end of recorded) {
          for (const { max, windowSeconds } of windows) {
            const inWindow = recorded.filter((t) => t > end - windowSeconds * 1000 && t <= end);
            expect(inWindow.length).toBeLessThanOrEqual(max);
          }
        }
      }),
    );
  });

  it('answers a refusal with the shortest positive whole wait that makes the call allowed', () => {
    fc.assert(
      fc.property(
        windowsArb,
        // Some events may lie a few seconds after `now`, as clock skew between servers allows.
        fc.array(fc.integer({ min: 0, max: 7_205_000 }), { maxLength: 30 }),
        (windows, offsetsMs) => {
          const now = new Date(T0 + 7_200_000);
          const events = offsetsMs.map((ms) => new Date(T0 + ms).toISOString());
          const decision = decideLimit(events, windows, now);
          if (decision.allowed) return;
          const wait = decision.retryAfterSeconds;
          expect(Number.isInteger(wait) && wait >= 1).toBe(true);
          expect(decideLimit(events, windows, new Date(now.getTime() + wait * 1000))).toEqual({ allowed: true });
          expect(decideLimit(events, windows, new Date(now.getTime() + (wait - 1) * 1000)).allowed).toBe(false);
        },
      ),
    );
  });
});

describe('decideLoginThrottle', () => {
  it.each<[string, number[], number, ReturnType<typeof decideLoginThrottle>]>([
    ['no failures', [], 0, { allowed: true }],
    ['four failures (all free)', [0, 1, 2, 3], 4, { allowed: true }],
    ['five failures, 10 s after the latest', [0, 1, 2, 3, 4], 14, { allowed: false, retryAfterSeconds: 20 }],
    ['five failures, 30 s after the latest', [0, 1, 2, 3, 4], 34, { allowed: true }],
    ['six failures, 30 s after the latest', [0, 1, 2, 3, 4, 5], 35, { allowed: false, retryAfterSeconds: 30 }],
    ['eight failures: 240 s wait', [0, 1, 2, 3, 4, 5, 6, 7], 7, { allowed: false, retryAfterSeconds: 240 }],
    [
      'many failures: capped at 900 s',
      Array.from({ length: 40 }, (_, i) => i * 10),
      400,
      { allowed: false, retryAfterSeconds: 890 },
    ],
    ['five failures, the oldest out of the 15-minute window', [0, 600, 601, 602, 603], 900, { allowed: true }],
    ['five failures, 0.4 s short (rounded up to 1 s)', [0, 1, 2, 3, 4], 33.6, { allowed: false, retryAfterSeconds: 1 }],
  ])('decides %s', (_label, failures, now, expected) => {
    expect(decideLoginThrottle(failures.map(iso), at(now))).toEqual(expected);
  });

  it('doubles the wait per failure from the base, up to the cap', () => {
    expect([4, 5, 6, 7, 8, 9, 10, 11, 1000].map((n) => loginDelaySeconds(n))).toEqual([
      0, 30, 60, 120, 240, 480, 900, 900, 900,
    ]);
  });

  it('answers a refusal with a positive whole wait after which the attempt is allowed', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: 1_800_000 }), { maxLength: 30 }),
        fc.integer({ min: 0, max: 1_800_000 }),
        (offsetsMs, nowOffsetMs) => {
          const now = new Date(T0 + nowOffsetMs);
          const failures = offsetsMs.filter((ms) => ms <= nowOffsetMs).map((ms) => new Date(T0 + ms).toISOString());
          const decision = decideLoginThrottle(failures, now);
          if (decision.allowed) return;
          const wait = decision.retryAfterSeconds;
          expect(Number.isInteger(wait) && wait >= 1 && wait <= DEFAULT_LOGIN_THROTTLE.maxDelaySeconds).toBe(true);
          expect(decideLoginThrottle(failures, new Date(now.getTime() + wait * 1000))).toEqual({ allowed: true });
        },
      ),
    );
  });
});

describe('isLockedOut', () => {
  it.each([
    [0, false],
    [MAX_CONSECUTIVE_FAILURES - 1, false],
    [MAX_CONSECUTIVE_FAILURES, true],
    [MAX_CONSECUTIVE_FAILURES + 1, true],
  ])('after %i failures in a row says %s', (failures, locked) => {
    expect(isLockedOut(failures)).toBe(locked);
  });
});
