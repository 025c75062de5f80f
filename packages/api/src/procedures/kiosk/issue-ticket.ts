import { z } from 'zod';
import { countWaitingBefore, issueQueueTicket } from '../../repositories/kiosk-repository.js';
import { enforceLimit } from '../../security/limits.js';
import { kioskProcedure } from '../../trpc.js';

export const queueIntent = z.enum(['change_contact', 'lost_phone', 'other']);

/**
 * A queue ticket for the counter, with the member's intent only: contact changes at a kiosk
 * always go through an officer's in-person check, as does a member who lost the registered phone.
 */
export const issueTicket = kioskProcedure
  .input(z.object({ intent: queueIntent }))
  .output(
    z.object({ number: z.string(), branchCode: z.string(), createdAt: z.string(), waitingBefore: z.number().int() }),
  )
  .mutation(({ ctx, input }) => {
    const now = ctx.clock.now();
    enforceLimit(ctx.db, ctx.config.secret, 'kiosk-ticket', ctx.kiosk.kioskId, [{ max: 60, windowSeconds: 3600 }], now);
    return ctx.db.transaction(
      (tx) => {
        const ticket = issueQueueTicket(
          tx,
          { branchCode: ctx.kiosk.branchCode, kioskId: ctx.kiosk.kioskId, intent: input.intent },
          now,
        );
        const waitingBefore = countWaitingBefore(tx, ticket.branchCode, ticket.serviceDay, ticket.createdAt);
        return { number: ticket.number, branchCode: ticket.branchCode, createdAt: ticket.createdAt, waitingBefore };
      },
      { behavior: 'immediate' },
    );
  });
