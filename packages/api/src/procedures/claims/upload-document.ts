import { z } from 'zod';
import { appendAudit } from '../../audit/audit-log.js';
import { storeClaimDocument } from '../../claims/claim-documents.js';
import { memberProcedure } from '../../trpc.js';
import { documentContentInput, documentKindInput } from './claim-output.js';

/**
 * The member uploads one document for a claim being prepared. Its type is judged by its content,
 * its size is limited, and it is stored encrypted; it is attached when the claim is submitted
 * (unattached uploads are deleted after two days).
 */
export const uploadDocument = memberProcedure
  .input(z.object({ kind: documentKindInput, contentBase64: documentContentInput }))
  .output(z.object({ id: z.string(), kind: z.string(), contentType: z.string(), sizeBytes: z.number() }))
  .mutation(({ ctx, input }) => {
    const now = ctx.clock.now();
    return ctx.db.transaction((tx) => {
      const stored = storeClaimDocument(
        tx,
        ctx.config.documents,
        {
          memberId: ctx.member.memberId,
          kind: input.kind,
          content: Buffer.from(input.contentBase64, 'base64'),
          uploadedBy: `member:${ctx.member.memberId}`,
          claimId: null,
        },
        now,
      );
      appendAudit(
        tx,
        {
          actorKind: 'member',
          actorId: String(ctx.member.memberId),
          action: 'jht.claim_document_uploaded',
          memberId: ctx.member.memberId,
          channel: 'web',
          detail: { documentId: stored.id, kind: input.kind, contentType: stored.contentType, bytes: stored.sizeBytes },
        },
        now,
      );
      return { ...stored, kind: input.kind };
    });
  });
