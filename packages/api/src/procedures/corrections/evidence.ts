import { z } from 'zod';
import { readCorrectionEvidence } from '../../privacy/corrections.js';
import { staffProcedure } from '../../trpc.js';
import { CORRECTION_ROLES, correctionIdInput } from './correction-output.js';

/** The KTP/KK scan of a request, decrypted; every read audited. */
export const evidence = staffProcedure(CORRECTION_ROLES)
  .input(z.object({ id: correctionIdInput }))
  .output(z.object({ kind: z.enum(['ktp', 'kk']), contentType: z.string(), contentBase64: z.string() }))
  .query(({ ctx, input }) => {
    const read = readCorrectionEvidence(ctx.db, ctx.config, ctx.staff, input.id, ctx.clock.now());
    return { kind: read.kind, contentType: read.contentType, contentBase64: read.content.toString('base64') };
  });
