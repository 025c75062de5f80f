import { z } from 'zod';
import { revokeMemberSession } from '../../repositories/session-repository.js';
import { publicProcedure } from '../../trpc.js';

export const logout = publicProcedure
  .input(z.void())
  .output(z.object({ ok: z.literal(true) }))
  .mutation(({ ctx }) => {
    if (ctx.request.sessionToken) revokeMemberSession(ctx.db, ctx.request.sessionToken, ctx.clock.now());
    ctx.request.clearSessionCookie();
    return { ok: true as const };
  });
