import { maskEmail } from '@pulih/domain';
import { asc, count, eq } from 'drizzle-orm';
import { z } from 'zod';
import { inboundMailRejects, supportTickets } from '../../db/schema.js';
import { staffProcedure } from '../../trpc.js';
import { TICKET_ROLES, ticketStatus } from './ticket-support.js';

export const listTicketsOutput = z.object({
  tickets: z.array(
    z.object({
      ticketId: z.string(),
      receivedAt: z.string(),
      fromMasked: z.string(),
      subject: z.string(),
      status: ticketStatus,
      attachmentCount: z.number().int(),
    }),
  ),
  /** Mail that could not be read as a ticket, kept aside for a person to look at. */
  rejectsCount: z.number().int(),
});

/** The customer-service queue, oldest first; senders masked, as a list is read over shoulders. */
export const list = staffProcedure(TICKET_ROLES)
  .input(
    z
      .object({
        status: z.enum(['open', 'answered', 'closed', 'all']).default('open'),
        limit: z.number().int().min(1).max(200).default(50),
      })
      .default({ status: 'open', limit: 50 }),
  )
  .output(listTicketsOutput)
  .query(({ ctx, input }) => {
    const rows = ctx.db
      .select()
      .from(supportTickets)
      .where(input.status === 'all' ? undefined : eq(supportTickets.status, input.status))
      .orderBy(asc(supportTickets.receivedAt), asc(supportTickets.id))
      .limit(input.limit)
      .all();
    const rejects = ctx.db.select({ n: count() }).from(inboundMailRejects).get();
    return {
      tickets: rows.map((row) => ({
        ticketId: row.id,
        receivedAt: row.receivedAt,
        fromMasked: maskEmail(row.fromAddress),
        subject: row.subject,
        status: row.status,
        attachmentCount: row.attachmentCount,
      })),
      rejectsCount: rejects?.n ?? 0,
    };
  });
