import { isRecentlyAuthenticated } from '@pulih/domain';
import { appError } from '../../errors.js';
import { findSessionAuthenticatedAt } from '../../repositories/session-repository.js';
import type { Context } from '../../trpc.js';

/** Contact changes need the password entered within the last 10 minutes of this session. */
export function requireRecentAuthentication(ctx: Context): void {
  const token = ctx.request.sessionToken;
  const authenticatedAt = token ? findSessionAuthenticatedAt(ctx.db, token) : null;
  if (!authenticatedAt || !isRecentlyAuthenticated(authenticatedAt, ctx.clock.now())) {
    throw appError('REAUTH_REQUIRED');
  }
}
