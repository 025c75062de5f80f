import { z } from 'zod';
import { IMPORT_ROLES } from '../../imports/import-roles.js';
import { startImport } from '../../imports/start-import.js';
import { staffProcedure } from '../../trpc.js';
import { importKindInput } from './import-output.js';

/**
 * Registers the import of a file before its upload to `POST /api/imports/:jobId`. The file is
 * identified by its SHA-256 (the CLI computes it first): the same members file again resumes
 * after the last committed line; a file imported completely is not imported twice.
 */
export const start = staffProcedure(IMPORT_ROLES)
  .input(
    z.object({
      kind: importKindInput,
      fileName: z.string().trim().min(1).max(255),
      fileSha256: z.string().regex(/^[0-9a-f]{64}$/, 'SHA-256 as 64 lower-case hex digits'),
    }),
  )
  .output(
    z.object({
      jobId: z.string(),
      state: z.enum(['running', 'completed']),
      alreadyImported: z.boolean(),
      resumeAfterLine: z.number(),
    }),
  )
  .mutation(({ ctx, input }) => startImport(ctx.db, input, ctx.staff.staffId, ctx.clock.now()));
