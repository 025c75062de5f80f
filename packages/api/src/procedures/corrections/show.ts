import { z } from 'zod';
import { showCorrection } from '../../privacy/corrections.js';
import { staffProcedure } from '../../trpc.js';
import { CORRECTION_ROLES, correctionIdInput, correctionSummaryOutput } from './correction-output.js';
import { correctionSummary } from './summary.js';

/**
 * One request to decide: the member's name, the value stated in full (what the scan is checked
 * against) and the current value as staff may see it (a NIK masked with the digits that differ,
 * the mother's name never). Audited.
 */
export const show = staffProcedure(CORRECTION_ROLES)
  .input(z.object({ id: correctionIdInput }))
  .output(
    correctionSummaryOutput.extend({
      fullName: z.string(),
      currentValue: z.string(),
      requestedValue: z.string(),
      difference: z.string().nullable(),
    }),
  )
  .query(({ ctx, input }) => {
    const now = ctx.clock.now();
    const view = showCorrection(ctx.db, ctx.config, ctx.staff, input.id, now);
    return {
      ...correctionSummary(ctx.db, view.row, now),
      fullName: view.fullName,
      currentValue: view.currentValue,
      requestedValue: view.requestedValue,
      difference: view.difference,
    };
  });
