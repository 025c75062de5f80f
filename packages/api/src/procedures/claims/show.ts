import { z } from 'zod';
import { appendAudit } from '../../audit/audit-log.js';
import { documentKeyring } from '../../env.js';
import { appError } from '../../errors.js';
import { requireMemberRecord } from '../../repositories/account-repository.js';
import { claimEventsOf, documentsOfClaim, findClaim } from '../../repositories/claim-repository.js';
import { openSecret } from '../../security/secret-box.js';
import { staffProcedure } from '../../trpc.js';
import { CLAIM_ROLES, claimIdInput, claimOutput, toClaimOutput } from './claim-output.js';

/**
 * One claim for the officer processing it: the member's name and NIK, the heir, the history and
 * the documents (metadata; contents through `document`). Every look is audited.
 */
export const show = staffProcedure(CLAIM_ROLES)
  .input(z.object({ claimId: claimIdInput }))
  .output(
    claimOutput.extend({
      member: z.object({ fullName: z.string(), nik: z.string().nullable(), birthDate: z.string().nullable() }),
      heir: z.object({ fullName: z.string(), nik: z.string(), relation: z.string() }).nullable(),
    }),
  )
  .query(({ ctx, input }) => {
    const claim = findClaim(ctx.db, input.claimId);
    if (!claim) throw appError('CLAIM_NOT_FOUND');
    const member = requireMemberRecord(ctx.db, claim.memberId);
    appendAudit(
      ctx.db,
      {
        actorKind: 'staff',
        actorId: String(ctx.staff.staffId),
        action: 'jht.claim_viewed',
        memberId: claim.memberId,
        channel: 'cli',
        detail: { claimId: claim.id },
      },
      ctx.clock.now(),
    );
    return {
      ...toClaimOutput(claim, claimEventsOf(ctx.db, [claim.id]), documentsOfClaim(ctx.db, claim.id)),
      member: { fullName: member.fullName, nik: member.nik, birthDate: member.birthDate },
      heir: claim.heirEncrypted
        ? JSON.parse(openSecret(documentKeyring(ctx.config.documents), claim.heirEncrypted))
        : null,
    };
  });
