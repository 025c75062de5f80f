import { z } from 'zod';

/** Who may review duplicate persons: merging moves KPJ numbers and money between records. */
export const DUPLICATE_ROLES = ['supervisor'] as const;

export const candidateIdInput = z.number().int().positive();
export const staffReasonInput = z.string().trim().min(5, 'Give a reason of at least 5 characters.').max(500);

export const duplicateReasonOutput = z.object({ code: z.string(), text: z.string(), weight: z.number() });

export const candidateSummaryOutput = z.object({
  id: z.number(),
  score: z.number(),
  decision: z.enum(['match', 'review']),
  state: z.enum(['open', 'merged', 'dismissed']),
  left: z.object({ memberId: z.number(), fullName: z.string() }),
  right: z.object({ memberId: z.number(), fullName: z.string() }),
  reasons: z.array(duplicateReasonOutput),
});
