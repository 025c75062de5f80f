import { z } from 'zod';
import { correctionFields, type StaffRole } from '../../db/schema.js';
import { CORRECTION_DECIDERS } from '../../privacy/corrections.js';

/** Staff who work the correction queue; a NIK correction is decided by a supervisor. */
export const CORRECTION_ROLES: readonly StaffRole[] = CORRECTION_DECIDERS;

export const correctionIdInput = z
  .string()
  .trim()
  .toUpperCase()
  .regex(/^KOR-[0-9A-Z]{4}-[0-9A-Z]{4}$/, 'A correction number like KOR-7Q2M-9XKD.');

/** A staff reason, told to the member on a rejection: never a full NIK. */
export const decisionReasonInput = z
  .string()
  .trim()
  .min(3)
  .max(500)
  .refine((value) => !/\d{16}/.test(value.replace(/[\s.-]/g, '')), 'Do not write a full NIK in the reason.');

export const correctionFieldOutput = z.enum(correctionFields);

export const correctionSummaryOutput = z.object({
  id: z.string(),
  memberId: z.number(),
  field: correctionFieldOutput,
  state: z.enum(['pending', 'approved', 'rejected']),
  evidenceKind: z.enum(['ktp', 'kk']),
  requestedAt: z.string(),
  dueAt: z.string(),
  /** Minutes to the deadline; negative when overdue. */
  minutesLeft: z.number(),
  overdue: z.boolean(),
  decidedAt: z.string().nullable(),
  decisionReason: z.string().nullable(),
  kpjMasked: z.array(z.string()),
});
