import { z } from 'zod';
import { listCorrections } from '../../privacy/corrections.js';
import { staffProcedure } from '../../trpc.js';
import { CORRECTION_ROLES, correctionSummaryOutput } from './correction-output.js';
import { correctionSummary } from './summary.js';

/** The correction queue, oldest deadline first, with the time left; overdue requests are marked. */
export const list = staffProcedure(CORRECTION_ROLES)
  .input(
    z.object({
      state: z.enum(['pending', 'approved', 'rejected', 'all']).default('pending'),
      limit: z.number().int().min(1).max(500).default(100),
    }),
  )
  .output(z.object({ corrections: z.array(correctionSummaryOutput) }))
  .query(({ ctx, input }) => {
    const now = ctx.clock.now();
    const states = input.state === 'all' ? (['pending', 'approved', 'rejected'] as const) : [input.state];
    return {
      corrections: listCorrections(ctx.db, states, input.limit).map((row) => correctionSummary(ctx.db, row, now)),
    };
  });
