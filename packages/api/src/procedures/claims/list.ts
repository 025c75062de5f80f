import { JHT_CLAIM_STATES, maskKpj } from '@pulih/domain';
import { z } from 'zod';
import { listClaims } from '../../repositories/claim-repository.js';
import { staffProcedure } from '../../trpc.js';
import { CLAIM_ROLES } from './claim-output.js';

/** The work queue: claims in a state, oldest first, with masked KPJ numbers and no personal data. */
export const list = staffProcedure(CLAIM_ROLES)
  .input(z.object({ state: z.enum(JHT_CLAIM_STATES).optional(), limit: z.number().int().min(1).max(500).default(50) }))
  .output(
    z.object({
      claims: z.array(
        z.object({
          id: z.string(),
          kpjMasked: z.string(),
          reason: z.string(),
          state: z.enum(JHT_CLAIM_STATES),
          gross: z.number(),
          needsSupervisor: z.boolean(),
          submittedVia: z.string(),
          submittedAt: z.string(),
        }),
      ),
    }),
  )
  .query(({ ctx, input }) => ({
    claims: listClaims(ctx.db, input).map((c) => ({
      id: c.id,
      kpjMasked: maskKpj(c.kpj),
      reason: c.reason,
      state: c.state,
      gross: c.gross,
      needsSupervisor: c.needsSupervisor,
      submittedVia: c.submittedVia,
      submittedAt: c.submittedAt,
    })),
  }));
