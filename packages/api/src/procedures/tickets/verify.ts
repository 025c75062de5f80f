import { z } from 'zod';
import { staffProcedure } from '../../trpc.js';
import { auditTicketAction, compareTicket, loadTicket, TICKET_ROLES, ticketIdInput } from './ticket-support.js';

export const verifyTicketOutput = z.object({
  memberFound: z.boolean(),
  kpjMatches: z.boolean(),
  nameMatches: z.boolean(),
  phoneMatches: z.boolean(),
  senderIsRegisteredEmail: z.boolean(),
  replyDestination: z.enum(['registered_email', 'registered_phone', 'sender_neutral']),
});

/**
 * Compares the KPJ, name and phone written in the mail with the registry. Booleans only: no
 * registry datum is returned, so a ticket cannot be used to read the registry.
 */
export const verify = staffProcedure(TICKET_ROLES)
  .input(z.object({ ticketId: ticketIdInput }))
  .output(verifyTicketOutput)
  .query(({ ctx, input }) => {
    const now = ctx.clock.now();
    const ticket = loadTicket(ctx.db, input.ticketId);
    const { memberFound, kpjMatches, nameMatches, phoneMatches, senderIsRegisteredEmail, replyDestination, member } =
      compareTicket(ctx.db, ticket);
    const facts = { memberFound, kpjMatches, nameMatches, phoneMatches, senderIsRegisteredEmail, replyDestination };
    auditTicketAction(ctx.db, ctx.staff, ticket, member?.memberId ?? null, 'support.ticket_verified', facts, now);
    return facts;
  });
