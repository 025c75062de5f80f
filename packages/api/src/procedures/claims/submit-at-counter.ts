import { z } from 'zod';
import { discardStoredFiles, storeClaimDocument } from '../../claims/claim-documents.js';
import { submitClaim } from '../../claims/submit-claim.js';
import { appError } from '../../errors.js';
import { type ClaimRow, claimEventsOf, documentsOfClaim } from '../../repositories/claim-repository.js';
import { staffProcedure } from '../../trpc.js';
import { caseIdInput } from '../case/case-output.js';
import { loadOpenCase } from '../case/open-case.js';
import {
  bankInput,
  claimOutput,
  claimReasonInput,
  documentContentInput,
  documentKindInput,
  npwpInput,
  toClaimOutput,
} from './claim-output.js';

/**
 * A branch officer submits a claim for the member in front of them (or for the heirs of a member
 * who died), inside an in-person case: the documents are scanned at the counter and uploaded
 * with the claim, in one transaction. Claims above the online limit are made this way.
 */
export const submitAtCounter = staffProcedure(['branch_officer', 'supervisor'])
  .input(
    z.object({
      caseId: caseIdInput,
      reason: claimReasonInput,
      heir: z
        .object({
          fullName: z.string().trim().min(2).max(120),
          nik: z
            .string()
            .trim()
            .regex(/^\d{16}$/, "The heir's 16-digit NIK."),
          relation: z.string().trim().min(2).max(40),
        })
        .nullable()
        .default(null),
      npwp: npwpInput.nullable().default(null),
      bank: bankInput,
      documents: z
        .array(z.object({ kind: documentKindInput, contentBase64: documentContentInput }))
        .min(1)
        .max(12),
    }),
  )
  .output(claimOutput)
  .mutation(({ ctx, input }) => {
    const now = ctx.clock.now();
    const open = loadOpenCase(ctx.db, ctx.staff, input.caseId, now);
    if (open.row.channel !== 'branch_counter') {
      throw appError('FORBIDDEN', 'Claims are submitted for a member at the branch counter, after an in-person check.');
    }
    // The files are written before the rows; if the submission is refused, they go too.
    const stored: string[] = [];
    let claim: ClaimRow;
    try {
      claim = ctx.db.transaction((tx) => {
        for (const d of input.documents) {
          stored.push(
            storeClaimDocument(
              tx,
              ctx.config.documents,
              {
                memberId: open.member.memberId,
                kind: d.kind,
                content: Buffer.from(d.contentBase64, 'base64'),
                uploadedBy: `staff:${ctx.staff.staffId}`,
                claimId: null,
              },
              now,
            ).id,
          );
        }
        return submitClaim(
          tx,
          ctx.config,
          {
            memberId: open.member.memberId,
            reason: input.reason,
            heir: input.heir,
            npwp: input.npwp,
            bank: input.bank,
            documentIds: stored,
            submittedVia: 'branch_counter',
            caseId: open.row.id,
            actor: { actorKind: 'staff', actorId: String(ctx.staff.staffId), channel: 'cli' },
          },
          now,
        );
      });
    } catch (error) {
      discardStoredFiles(ctx.config.documents, stored);
      throw error;
    }
    return toClaimOutput(claim, claimEventsOf(ctx.db, [claim.id]), documentsOfClaim(ctx.db, claim.id));
  });
