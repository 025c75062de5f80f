import { z } from 'zod';
import { approveCorrection } from '../../privacy/corrections.js';
import { staffProcedure } from '../../trpc.js';
import {
  CORRECTION_ROLES,
  correctionIdInput,
  correctionSummaryOutput,
  decisionReasonInput,
} from './correction-output.js';
import { correctionSummary } from './summary.js';

/**
 * Approves a correction: the record changes in one transaction, audited, the member is told and
 * re-checked for duplicates. A NIK correction needs a supervisor, and a NIK held by another
 * record is refused (a duplicate person for the supervisors, never a silent merge). A mother's
 * name is approved only when the officer types the name on the evidence and it is the one stated.
 */
export const approve = staffProcedure(CORRECTION_ROLES)
  .input(
    z.object({
      id: correctionIdInput,
      reason: decisionReasonInput,
      /** A mother's-name correction: the name as the officer reads it on the evidence (never shown). */
      motherNameOnEvidence: z.string().trim().max(120).optional(),
    }),
  )
  .output(correctionSummaryOutput.extend({ duplicateCandidates: z.number() }))
  .mutation(({ ctx, input }) => {
    const now = ctx.clock.now();
    const approved = approveCorrection(ctx.db, ctx.config, ctx.staff, input.id, input, now);
    return { ...correctionSummary(ctx.db, approved.row, now), duplicateCandidates: approved.duplicateCandidates };
  });
