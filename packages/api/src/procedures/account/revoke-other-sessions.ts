import { z } from 'zod';
import { appendAudit } from '../../audit/audit-log.js';
import { revokeSessions } from '../../repositories/account-repository.js';
import { memberProcedure } from '../../trpc.js';

/** Logs out every other device. */
export const revokeOtherSessions = memberProcedure
  .input(z.void())
  .output(z.object({ revoked: z.number().int() }))
  .mutation(({ ctx }) => {
    const now = ctx.clock.now();
    const revoked = revokeSessions(ctx.db, ctx.member.accountId, now, ctx.request.sessionToken ?? undefined);
    appendAudit(
      ctx.db,
      {
        actorKind: 'member',
        actorId: String(ctx.member.memberId),
        action: 'sessions.revoked',
        memberId: ctx.member.memberId,
        channel: 'web',
        detail: { revoked },
      },
      now,
    );
    return { revoked };
  });
