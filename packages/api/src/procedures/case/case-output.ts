import { z } from 'zod';

export const openCaseOutput = z.object({
  caseId: z.string(),
  outcome: z.enum(['passed', 'failed']),
  expiresAt: z.string().nullable(),
});
export const caseIdInput = z.string().trim().min(1).max(64);
export const caseReasonInput = z.string().trim().min(3).max(500);
