import { z } from 'zod';
import { appendAudit } from '../../audit/audit-log.js';
import { documentKeyring } from '../../env.js';
import { collectMemberData } from '../../privacy/member-data.js';
import { memberDataPdf } from '../../privacy/member-data-pdf.js';
import { memberProcedure } from '../../trpc.js';
import { requireRecentAuthentication } from '../account/require-recent-authentication.js';

/** "Data saya" as a readable PDF (the same content as the JSON), base64 for the portal to save. */
export const myDataPdf = memberProcedure
  .input(z.void())
  .output(z.object({ fileName: z.string(), contentType: z.literal('application/pdf'), contentBase64: z.string() }))
  .query(({ ctx }) => {
    requireRecentAuthentication(ctx);
    const now = ctx.clock.now();
    const pdf = memberDataPdf(
      collectMemberData(ctx.db, ctx.member.memberId, documentKeyring(ctx.config.documents), now),
    );
    appendAudit(
      ctx.db,
      {
        actorKind: 'member',
        actorId: String(ctx.member.memberId),
        action: 'privacy.data_exported',
        memberId: ctx.member.memberId,
        channel: 'web',
        detail: { format: 'pdf', bytes: pdf.length },
      },
      now,
    );
    return {
      fileName: `data-saya-${now.toISOString().slice(0, 10)}.pdf`,
      contentType: 'application/pdf' as const,
      contentBase64: pdf.toString('base64'),
    };
  });
