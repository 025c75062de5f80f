import { z } from 'zod';
import { listActiveSessions } from '../../repositories/account-repository.js';
import { hashToken } from '../../security/tokens.js';
import { memberProcedure } from '../../trpc.js';

export const sessionsOutput = z.object({
  sessions: z.array(
    z.object({
      id: z.string(),
      createdAt: z.string(),
      lastSeenAt: z.string(),
      userAgent: z.string(),
      current: z.boolean(),
    }),
  ),
});

/** The member's open sessions; ids are a short prefix of the stored hash, never the token. */
export const sessions = memberProcedure
  .input(z.void())
  .output(sessionsOutput)
  .query(({ ctx }) => {
    const current = ctx.request.sessionToken ? hashToken(ctx.request.sessionToken) : '';
    return {
      sessions: listActiveSessions(ctx.db, ctx.member.accountId, ctx.clock.now()).map((s) => ({
        id: s.tokenHash.slice(0, 12),
        createdAt: s.createdAt,
        lastSeenAt: s.lastSeenAt,
        userAgent: s.userAgent ?? '',
        current: s.tokenHash === current,
      })),
    };
  });
