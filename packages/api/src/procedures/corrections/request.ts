import { z } from 'zod';
import { correctionFields } from '../../db/schema.js';
import { requestCorrection } from '../../privacy/corrections.js';
import { memberProcedure } from '../../trpc.js';
import { requireRecentAuthentication } from '../account/require-recent-authentication.js';
import { documentContentInput } from '../claims/claim-output.js';

/**
 * The member asks to correct their name, birth date, mother's name or NIK, stating the correct
 * value and sending a KTP or KK scan (PDF, JPEG or PNG, judged by content, stored encrypted).
 * Needs the password entered recently. Staff decide within the deadline; the member is told.
 */
export const request = memberProcedure
  .input(
    z.object({
      field: z.enum(correctionFields),
      value: z.string().min(1).max(120),
      evidenceKind: z.enum(['ktp', 'kk']),
      evidenceBase64: documentContentInput,
    }),
  )
  .output(z.object({ id: z.string(), field: z.enum(correctionFields), state: z.literal('pending'), dueAt: z.string() }))
  .mutation(({ ctx, input }) => {
    requireRecentAuthentication(ctx);
    const row = requestCorrection(
      ctx.db,
      ctx.config,
      {
        memberId: ctx.member.memberId,
        field: input.field,
        value: input.value,
        evidenceKind: input.evidenceKind,
        evidence: Buffer.from(input.evidenceBase64, 'base64'),
      },
      ctx.clock.now(),
    );
    return { id: row.id, field: row.field, state: 'pending' as const, dueAt: row.dueAt };
  });
