import { z } from 'zod';
import { staffProcedure } from '../../trpc.js';
import { extractMailHints, maskedPhones, maskNikRuns } from './mail-hints.js';
import { loadTicket, TICKET_ROLES, ticketIdInput, ticketStatus } from './ticket-support.js';

export const showTicketOutput = z.object({
  ticketId: z.string(),
  receivedAt: z.string(),
  closedAt: z.string().nullable(),
  status: ticketStatus,
  /** The sender's own address (not registry data). */
  from: z.string(),
  subject: z.string(),
  /** The mail text with any NIK masked. */
  body: z.string(),
  attachmentCount: z.number().int(),
  hints: z.object({
    kpjNumbers: z.array(z.string()),
    nikMasked: z.array(z.string()),
    phonesMasked: z.array(z.string()),
    fullName: z.string().nullable(),
  }),
});

/** One mail in full, with what the sender wrote about themselves picked out for `verify`. */
export const show = staffProcedure(TICKET_ROLES)
  .input(z.object({ ticketId: ticketIdInput }))
  .output(showTicketOutput)
  .query(({ ctx, input }) => {
    const ticket = loadTicket(ctx.db, input.ticketId);
    const hints = extractMailHints(`${ticket.subject}\n${ticket.body}`);
    return {
      ticketId: ticket.id,
      receivedAt: ticket.receivedAt,
      closedAt: ticket.closedAt,
      status: ticket.status,
      from: ticket.fromAddress,
      subject: maskNikRuns(ticket.subject),
      body: maskNikRuns(ticket.body),
      attachmentCount: ticket.attachmentCount,
      hints: {
        kpjNumbers: [...hints.kpjNumbers],
        nikMasked: [...hints.nikMasked],
        phonesMasked: maskedPhones(hints),
        fullName: hints.fullName,
      },
    };
  });
