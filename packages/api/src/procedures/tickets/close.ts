import { eq } from 'drizzle-orm';
import { z } from 'zod';
import { supportTickets } from '../../db/schema.js';
import { staffProcedure } from '../../trpc.js';
import { auditTicketAction, loadTicket, TICKET_ROLES, ticketIdInput } from './ticket-support.js';

/** Ends a ticket; closing a closed ticket changes nothing. */
export const close = staffProcedure(TICKET_ROLES)
  .input(z.object({ ticketId: ticketIdInput }))
  .output(z.object({ ticketId: z.string(), status: z.literal('closed'), closedAt: z.string() }))
  .mutation(({ ctx, input }) => {
    const now = ctx.clock.now();
    const ticket = loadTicket(ctx.db, input.ticketId);
    if (ticket.status === 'closed' && ticket.closedAt) {
      return { ticketId: ticket.id, status: 'closed' as const, closedAt: ticket.closedAt };
    }
    const closedAt = now.toISOString();
    ctx.db.transaction((tx) => {
      tx.update(supportTickets).set({ status: 'closed', closedAt }).where(eq(supportTickets.id, ticket.id)).run();
      auditTicketAction(tx, ctx.staff, ticket, null, 'support.ticket_closed', {}, now);
    });
    return { ticketId: ticket.id, status: 'closed' as const, closedAt };
  });
