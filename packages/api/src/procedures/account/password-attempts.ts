import { decideLoginThrottle, MAX_CONSECUTIVE_FAILURES } from '@pulih/domain';
import { appError } from '../../errors.js';
import { type AccountRow, countFailure, resetFailures } from '../../repositories/account-repository.js';
import { limitKey, recentEvents, recordEvent } from '../../repositories/rate-limit-repository.js';
import { giveBackAttempt, takeAttempt } from '../../security/attempt-budget.js';
import { verifyPassword } from '../../security/password.js';
import type { Context } from '../../trpc.js';

/**
 * Checks the password of a signed-in member (re-authentication, password change) under the
 * same throttle and consecutive-failure count as a login, and the member's hourly budget of
 * failed checks shared with every channel.
 */
export async function guardPasswordAttempt(ctx: Context, account: AccountRow, password: string): Promise<void> {
  const now = ctx.clock.now();
  const key = limitKey(ctx.config.secret, 'password-fail:account', String(account.id));
  const throttle = decideLoginThrottle(recentEvents(ctx.db, key, 3600, now), now);
  if (!throttle.allowed) throw appError('RATE_LIMITED', undefined, { retryAfterSeconds: throttle.retryAfterSeconds });
  // One attempt from the member's hourly budget of failed checks, shared with every other channel.
  const ticket = takeAttempt(ctx.db, ctx.config.secret, account.memberId, now);
  if (!ticket.allowed) throw appError('RATE_LIMITED', undefined, { retryAfterSeconds: ticket.retryAfterSeconds });
  if (!(await verifyPassword(account.passwordHash, password))) {
    recordEvent(ctx.db, key, now);
    countFailure(ctx.db, account.id, MAX_CONSECUTIVE_FAILURES);
    throw appError('INVALID_CREDENTIALS', 'The password is wrong.');
  }
  giveBackAttempt(ctx.db, ticket);
  resetFailures(ctx.db, account.id);
}
