import { z } from 'zod';
import { appendAudit } from '../../audit/audit-log.js';
import { readClaimDocument } from '../../claims/claim-documents.js';
import { appError } from '../../errors.js';
import { findClaimDocument } from '../../repositories/claim-repository.js';
import { staffProcedure } from '../../trpc.js';
import { CLAIM_ROLES, claimIdInput } from './claim-output.js';

/** An officer opens a claim's document (decrypted); every read is audited. */
export const document = staffProcedure(CLAIM_ROLES)
  .input(z.object({ claimId: claimIdInput, documentId: z.string().uuid() }))
  .output(z.object({ kind: z.string(), contentType: z.string(), contentBase64: z.string() }))
  .query(({ ctx, input }) => {
    const row = findClaimDocument(ctx.db, input.documentId);
    if (!row || row.claimId !== input.claimId) throw appError('DOCUMENT_NOT_FOUND');
    const content = readClaimDocument(ctx.config.documents, row);
    appendAudit(
      ctx.db,
      {
        actorKind: 'staff',
        actorId: String(ctx.staff.staffId),
        action: 'jht.claim_document_read',
        memberId: row.memberId,
        channel: 'cli',
        detail: { claimId: input.claimId, documentId: row.id, kind: row.kind },
      },
      ctx.clock.now(),
    );
    return { kind: row.kind, contentType: row.contentType, contentBase64: content.toString('base64') };
  });
