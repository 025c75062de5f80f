import { z } from 'zod';
import { claimEventsOf, claimsOfMembers, documentsOfClaim } from '../../repositories/claim-repository.js';
import { memberIdsOfPerson, personIdOf } from '../../repositories/duplicate-repository.js';
import { memberProcedure } from '../../trpc.js';
import { claimOutput, toClaimOutput } from './claim-output.js';

/** The member's claims, newest first, each with its history: the tracking page. */
export const mine = memberProcedure.output(z.object({ claims: z.array(claimOutput) })).query(({ ctx }) => {
  const claims = claimsOfMembers(ctx.db, memberIdsOfPerson(ctx.db, personIdOf(ctx.db, ctx.member.memberId)));
  const events = claimEventsOf(
    ctx.db,
    claims.map((c) => c.id),
  );
  return { claims: claims.map((claim) => toClaimOutput(claim, events, documentsOfClaim(ctx.db, claim.id))) };
});
