import { eq } from 'drizzle-orm';
import { z } from 'zod';
import type { Db } from '../../db/database.js';
import { type StaffRole, staffUsers } from '../../db/schema.js';
import { appError } from '../../errors.js';

/** Breach response and retention: supervisors and admins. */
export const PRIVACY_ROLES: readonly StaffRole[] = ['supervisor', 'admin'];

/** An instant as typed by staff (`2026-11-20`, `2026-11-20T08:00:00Z`, with an offset), kept as UTC ISO. */
export const instantInput = z
  .string()
  .trim()
  .regex(/^\d{4}-\d{2}-\d{2}([T ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?)?$/, 'An ISO date or time.')
  .refine((value) => !Number.isNaN(Date.parse(value)), 'Not a real date or time.')
  .transform((value) => new Date(value).toISOString());

export const filtersInput = z.object({
  since: instantInput,
  until: instantInput.optional(),
  staffId: z.number().int().positive().optional(),
  /** The same filter by username (what staff know); resolved to the id. */
  staffUsername: z.string().trim().min(1).max(60).optional(),
  channel: z.enum(['web', 'kiosk', 'cli']).optional(),
  actionPrefix: z
    .string()
    .trim()
    .regex(/^[a-z_.]{1,60}$/, 'An action prefix such as member. or jht.')
    .optional(),
});

export const incidentIdInput = z
  .string()
  .trim()
  .toUpperCase()
  .regex(/^INS-[0-9A-Z]{4}-[0-9A-Z]{4}$/, 'An incident number like INS-7Q2M-9XKD.');

/** Text staff write that members read (the measures) or the agency reads: no full NIK. */
export const staffTextInput = (max: number) =>
  z
    .string()
    .trim()
    .min(3)
    .max(max)
    .refine((value) => !/\d{16}/.test(value.replace(/[\s.-]/g, '')), 'Do not write a full NIK here.');

/** The staff filter as an id: given directly, or by username (an unknown one is an error, not "everyone"). */
export function staffFilterOf(db: Db, input: { staffId?: number; staffUsername?: string }): number | null {
  if (input.staffId !== undefined) return input.staffId;
  if (input.staffUsername === undefined) return null;
  const row = db
    .select({ id: staffUsers.id })
    .from(staffUsers)
    .where(eq(staffUsers.username, input.staffUsername))
    .get();
  if (!row) throw appError('STAFF_NOT_FOUND');
  return row.id;
}
