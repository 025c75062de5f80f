import {
  DEFAULT_LOGIN_THROTTLE,
  decideLoginThrottle,
  type LoginThrottlePolicy,
  MAX_CONSECUTIVE_FAILURES,
  parseLoginIdentifier,
} from '@pulih/domain';
import { z } from 'zod';
import { appendAudit } from '../../audit/audit-log.js';
import { appError } from '../../errors.js';
import { countFailure, resetFailures } from '../../repositories/account-repository.js';
import { findAccountForLogin } from '../../repositories/member-repository.js';
import { clearEvents, limitKey, recentEvents, recordEvent } from '../../repositories/rate-limit-repository.js';
import { createMemberSession, SESSION_ABSOLUTE_MS } from '../../repositories/session-repository.js';
import { giveBackAttempt, takeAttempt } from '../../security/attempt-budget.js';
import { verifyPassword } from '../../security/password.js';
import { publicProcedure } from '../../trpc.js';

export const loginInput = z.object({
  identifier: z.string().trim().min(1).max(254),
  password: z.string().min(1).max(1024),
});
export const loginOutput = z.object({ ok: z.literal(true) });

const THROTTLE_LOOKBACK_SECONDS = 3600;
/** Many members share one address (a branch office, a mobile carrier's NAT): the IP limit is looser. */
const IP_THROTTLE: LoginThrottlePolicy = { ...DEFAULT_LOGIN_THROTTLE, freeFailures: 50 };

/**
 * Email or KPJ + password. Unknown identifiers cost a dummy hash and get the same reply.
 * Failures are throttled per submitted identifier and per IP with increasing waits; an account
 * locks after 100 consecutive failures until a reset. Frozen and locked states are told only
 * to a caller who knows the password.
 */
export const login = publicProcedure
  .input(loginInput)
  .output(loginOutput)
  .mutation(async ({ ctx, input }) => {
    const identifier = parseLoginIdentifier(input.identifier);
    if (!identifier.ok) throw appError('INVALID_INPUT', 'Enter your email or your 11-digit KPJ number.');
    const now = ctx.clock.now();
    const submitted = identifier.value.kind === 'email' ? identifier.value.email : identifier.value.kpj;
    const identifierKey = limitKey(ctx.config.secret, 'login-fail:identifier', submitted);
    const ipKey = limitKey(ctx.config.secret, 'login-fail:ip', ctx.request.ip);
    for (const [key, policy] of [
      [identifierKey, DEFAULT_LOGIN_THROTTLE],
      [ipKey, IP_THROTTLE],
    ] as const) {
      const throttle = decideLoginThrottle(recentEvents(ctx.db, key, THROTTLE_LOOKBACK_SECONDS, now), now, policy);
      if (!throttle.allowed)
        throw appError('RATE_LIMITED', undefined, { retryAfterSeconds: throttle.retryAfterSeconds });
    }
    const candidate = findAccountForLogin(ctx.db, identifier.value);
    // One attempt from the member's hourly budget of failed checks, taken before comparing. When
    // it is spent the password is not compared (the dummy hash is, as for an unknown identifier)
    // and the reply is that of a wrong password: nothing tells the budget apart from a bad guess.
    const ticket = candidate ? takeAttempt(ctx.db, ctx.config.secret, candidate.memberId, now) : null;
    const checked = ticket?.allowed ? candidate : null;
    const passwordMatches = await verifyPassword(checked?.passwordHash ?? null, input.password);
    const audit = (action: string, memberId: number | null) =>
      appendAudit(
        ctx.db,
        {
          actorKind: action === 'login.succeeded' ? 'member' : 'anonymous',
          actorId: action === 'login.succeeded' && memberId !== null ? String(memberId) : null,
          action,
          memberId,
          channel: 'web',
          detail: { identifierKind: identifier.value.kind, ip: ctx.request.ip },
        },
        now,
      );
    if (!candidate || !checked || !passwordMatches || candidate.state === 'pending') {
      ctx.db.transaction((tx) => {
        recordEvent(tx, identifierKey, now);
        recordEvent(tx, ipKey, now);
        if (checked) countFailure(tx, checked.accountId, MAX_CONSECUTIVE_FAILURES);
        audit('login.failed', candidate?.memberId ?? null);
      });
      throw appError('INVALID_CREDENTIALS');
    }
    // The password was right: the attempt taken for it was no failure.
    if (ticket) giveBackAttempt(ctx.db, ticket);
    if (candidate.state === 'frozen') {
      audit('login.refused_frozen', candidate.memberId);
      throw appError('ACCOUNT_FROZEN');
    }
    if (candidate.state === 'closed') {
      audit('login.refused_closed', candidate.memberId);
      throw appError('ACCOUNT_CLOSED');
    }
    if (candidate.state === 'locked') {
      audit('login.refused_locked', candidate.memberId);
      throw appError('ACCOUNT_LOCKED');
    }
    const token = ctx.db.transaction((tx) => {
      clearEvents(tx, identifierKey);
      resetFailures(tx, candidate.accountId);
      const sessionToken = createMemberSession(tx, candidate.accountId, now, ctx.request.userAgent);
      audit('login.succeeded', candidate.memberId);
      return sessionToken;
    });
    ctx.request.setSessionCookie(token, SESSION_ABSOLUTE_MS / 1000);
    return { ok: true as const };
  });
