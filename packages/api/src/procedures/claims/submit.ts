import { z } from 'zod';
import { submitClaim } from '../../claims/submit-claim.js';
import { claimEventsOf, documentsOfClaim } from '../../repositories/claim-repository.js';
import { memberProcedure } from '../../trpc.js';
import { requireRecentAuthentication } from '../account/require-recent-authentication.js';
import { bankInput, claimOutput, claimReasonInput, npwpInput, toClaimOutput } from './claim-output.js';

/** The member submits a claim online (recent password): up to the online limit, not for heirs. */
export const submit = memberProcedure
  .input(
    z.object({
      reason: claimReasonInput,
      npwp: npwpInput.nullable().default(null),
      bank: bankInput,
      documentIds: z.array(z.string().uuid()).max(20),
    }),
  )
  .output(claimOutput)
  .mutation(({ ctx, input }) => {
    requireRecentAuthentication(ctx);
    const claim = submitClaim(
      ctx.db,
      ctx.config,
      {
        memberId: ctx.member.memberId,
        reason: input.reason,
        heir: null,
        npwp: input.npwp,
        bank: input.bank,
        documentIds: input.documentIds,
        submittedVia: 'web',
        caseId: null,
        actor: { actorKind: 'member', actorId: String(ctx.member.memberId), channel: 'web' },
      },
      ctx.clock.now(),
    );
    return toClaimOutput(claim, claimEventsOf(ctx.db, [claim.id]), documentsOfClaim(ctx.db, claim.id));
  });
