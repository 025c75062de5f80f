import { z } from 'zod';
import { assessClaimOf } from '../../claims/assess-claim.js';
import { requireMemberRecord } from '../../repositories/account-repository.js';
import { memberProcedure } from '../../trpc.js';
import { assessmentOutput, claimReasonInput } from './claim-output.js';

/** The claim wizard's second step: for a reason, eligible or not and why, documents, amount, tax, channel. */
export const assess = memberProcedure
  .input(z.object({ reason: claimReasonInput, hasNpwp: z.boolean().default(false) }))
  .output(assessmentOutput)
  .query(({ ctx, input }) => {
    const member = requireMemberRecord(ctx.db, ctx.member.memberId);
    const today = ctx.clock.now().toISOString().slice(0, 10);
    const assessment = assessClaimOf(ctx.db, member, { ...input, claimant: 'member' }, today);
    return {
      reason: input.reason,
      eligible: assessment.eligible,
      blockers: [...assessment.blockers],
      earliestEligibleOn: assessment.earliestEligibleOn,
      documents: [...assessment.documents],
      gross: assessment.gross,
      tax: assessment.tax,
      net: assessment.net,
      channel: assessment.channel,
      onlineClaimLimit: assessment.onlineClaimLimit,
      kpj: assessment.kpj,
      balance: assessment.balance,
    };
  });
