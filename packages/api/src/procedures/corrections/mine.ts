import { z } from 'zod';
import { documentKeyring } from '../../env.js';
import { correctionsOfMember } from '../../privacy/corrections.js';
import { openSecret } from '../../security/secret-box.js';
import { memberProcedure } from '../../trpc.js';
import { correctionFieldOutput } from './correction-output.js';

/** The member's own correction requests, with the value they stated (never the mother's name). */
export const mine = memberProcedure
  .input(z.void())
  .output(
    z.object({
      corrections: z.array(
        z.object({
          id: z.string(),
          field: correctionFieldOutput,
          requestedValue: z.string().nullable(),
          state: z.enum(['pending', 'approved', 'rejected']),
          requestedAt: z.string(),
          dueAt: z.string(),
          decidedAt: z.string().nullable(),
          decisionReason: z.string().nullable(),
        }),
      ),
    }),
  )
  .query(({ ctx }) => ({
    corrections: correctionsOfMember(ctx.db, ctx.member.memberId).map((row) => ({
      id: row.id,
      field: row.field,
      requestedValue:
        row.field === 'mother_name'
          ? null
          : openSecret(documentKeyring(ctx.config.documents), row.requestedValueEncrypted),
      state: row.state,
      requestedAt: row.requestedAt,
      dueAt: row.dueAt,
      decidedAt: row.decidedAt,
      decisionReason: row.decisionReason,
    })),
  }));
