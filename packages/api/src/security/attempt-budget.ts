import { decideLimit, type LimitDecision, type LimitWindow } from '@pulih/domain';
import type { Db } from '../db/database.js';
import {
  clearEvents,
  forgetEvent,
  limitKey,
  recentEvents,
  recordEvent,
} from '../repositories/rate-limit-repository.js';

/**
 * At most 100 failed secret checks per member (and so per account) in any hour, over every
 * channel together: passwords (login, re-authentication, password change, proof of control) and
 * one-time codes (reset, recovery, kiosk, email verification, contact change, account control).
 * The per-identifier throttles alone allow more: each login identifier of an account (email and
 * every KPJ) has its own, and codes have theirs.
 */
export const MAX_FAILED_ATTEMPTS_PER_HOUR = 100;
const WINDOW_SECONDS = 3600;
const BUDGET: readonly LimitWindow[] = [{ max: MAX_FAILED_ATTEMPTS_PER_HOUR, windowSeconds: WINDOW_SECONDS }];

const budgetKey = (secret: string, memberId: number): string =>
  limitKey(secret, 'secret-fail:member', String(memberId));

export type AttemptTicket =
  | { readonly allowed: true; readonly eventId: number }
  | Extract<LimitDecision, { allowed: false }>;

/**
 * Takes one attempt from the member's hourly budget BEFORE a secret is checked, in one immediate
 * transaction, so that concurrent requests cannot together overshoot it. The attempt stays
 * counted as a failure unless the secret turns out right (`giveBackAttempt`). When the budget is
 * spent, the secret must not be checked at all.
 */
export function takeAttempt(db: Db, secret: string, memberId: number, now: Date): AttemptTicket {
  const key = budgetKey(secret, memberId);
  return db.transaction(
    (tx) => {
      const decision = decideLimit(recentEvents(tx, key, WINDOW_SECONDS, now), BUDGET, now);
      return decision.allowed ? { allowed: true as const, eventId: recordEvent(tx, key, now) } : decision;
    },
    { behavior: 'immediate' },
  );
}

/** The secret was right: the attempt taken for it was no failure. */
export function giveBackAttempt(db: Db, ticket: AttemptTicket): void {
  if (ticket.allowed) forgetEvent(db, ticket.eventId);
}

/**
 * A password reset (with an emailed or texted link or code, or a code printed at the counter)
 * starts a new budget: the failures counted were guesses at the old password, and the member
 * who has just proved possession must be able to log in with the new one.
 */
export function clearAttemptBudget(db: Db, secret: string, memberId: number): void {
  clearEvents(db, budgetKey(secret, memberId));
}
