import { z } from 'zod';

export const appointmentIdInput = z
  .string()
  .trim()
  .toUpperCase()
  .regex(/^JDW-[0-9A-Z]{4}-[0-9A-Z]{4}$/, 'An appointment number like JDW-4KD2-PQ7M.');

export const appointmentOutput = z.object({
  id: z.string(),
  branchCode: z.string(),
  branchName: z.string(),
  day: z.string(),
  slot: z.string(),
  purpose: z.string(),
  state: z.enum(['booked', 'checked_in', 'cancelled']),
});
