import { z } from 'zod';

export const queueTicketOutput = z.object({
  id: z.string(),
  number: z.string(),
  intent: z.enum(['change_contact', 'lost_phone', 'other']),
  status: z.enum(['waiting', 'called', 'done']),
  createdAt: z.string(),
  calledAt: z.string().nullable(),
});

export const toQueueTicket = (row: z.infer<typeof queueTicketOutput>) => ({
  id: row.id,
  number: row.number,
  intent: row.intent,
  status: row.status,
  createdAt: row.createdAt,
  calledAt: row.calledAt,
});
