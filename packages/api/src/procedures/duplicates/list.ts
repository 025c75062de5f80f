import { z } from 'zod';
import { fullNamesOf, listCandidates, reasonsOf } from '../../repositories/duplicate-repository.js';
import { staffProcedure } from '../../trpc.js';
import { candidateSummaryOutput, DUPLICATE_ROLES } from './duplicate-output.js';

/** Review items, strongest first; open ones unless another state is asked for. */
export const list = staffProcedure(DUPLICATE_ROLES)
  .input(
    z.object({
      state: z.enum(['open', 'merged', 'dismissed']).default('open'),
      decision: z.enum(['match', 'review']).optional(),
      limit: z.number().int().min(1).max(500).default(50),
    }),
  )
  .output(z.object({ items: z.array(candidateSummaryOutput) }))
  .query(({ ctx, input }) => {
    const rows = listCandidates(ctx.db, input);
    const names = fullNamesOf(
      ctx.db,
      rows.flatMap((r) => [r.leftMemberId, r.rightMemberId]),
    );
    return {
      items: rows.map((r) => ({
        id: r.id,
        score: r.score,
        decision: r.decision,
        state: r.state,
        left: { memberId: r.leftMemberId, fullName: names.get(r.leftMemberId) ?? '' },
        right: { memberId: r.rightMemberId, fullName: names.get(r.rightMemberId) ?? '' },
        reasons: reasonsOf(r),
      })),
    };
  });
