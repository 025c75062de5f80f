import { z } from 'zod';
import { rejectCorrection } from '../../privacy/corrections.js';
import { staffProcedure } from '../../trpc.js';
import {
  CORRECTION_ROLES,
  correctionIdInput,
  correctionSummaryOutput,
  decisionReasonInput,
} from './correction-output.js';
import { correctionSummary } from './summary.js';

/** Rejects a correction; the reason is told to the member. */
export const reject = staffProcedure(CORRECTION_ROLES)
  .input(z.object({ id: correctionIdInput, reason: decisionReasonInput }))
  .output(correctionSummaryOutput)
  .mutation(({ ctx, input }) => {
    const now = ctx.clock.now();
    return correctionSummary(ctx.db, rejectCorrection(ctx.db, ctx.staff, input.id, input.reason, now), now);
  });
