import type { JhtClaimAction } from '@pulih/domain';
import { z } from 'zod';
import { changeClaimState } from '../../claims/change-claim-state.js';
import { claimEventsOf, documentsOfClaim } from '../../repositories/claim-repository.js';
import { staffProcedure } from '../../trpc.js';
import { CLAIM_ROLES, claimIdInput, claimOutput, toClaimOutput } from './claim-output.js';

const noteInput = z.string().trim().min(3).max(500);

/** A staff procedure that moves a claim one step; `note` and `reference` as the step needs them. */
export const claimAction = (action: JhtClaimAction) =>
  staffProcedure(CLAIM_ROLES)
    .input(
      z.object({
        claimId: claimIdInput,
        note: action === 'reject' ? noteInput : noteInput.optional(),
        reference: action === 'pay' ? z.string().trim().min(3).max(64) : z.undefined().optional(),
      }),
    )
    .output(claimOutput)
    .mutation(({ ctx, input }) => {
      const claim = changeClaimState(
        ctx.db,
        ctx.staff,
        { claimId: input.claimId, action, note: input.note ?? null, paymentReference: input.reference ?? null },
        ctx.clock.now(),
      );
      return toClaimOutput(claim, claimEventsOf(ctx.db, [claim.id]), documentsOfClaim(ctx.db, claim.id));
    });
