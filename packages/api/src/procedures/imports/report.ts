import { z } from 'zod';
import { appError } from '../../errors.js';
import { findJob, listReportLines } from '../../imports/import-job-store.js';
import { decodeReportReason } from '../../imports/import-report.js';
import { IMPORT_ROLES } from '../../imports/import-roles.js';
import { staffProcedure } from '../../trpc.js';
import { importJobIdInput } from './import-output.js';

/**
 * The report of an import, by line: rows refused and rows imported with a note, with reasons
 * that never repeat the row's personal data. A page at a time, after `afterLine`.
 */
export const report = staffProcedure(IMPORT_ROLES)
  .input(
    z.object({
      jobId: importJobIdInput,
      afterLine: z.number().int().min(0).default(0),
      limit: z.number().int().min(1).max(5000).default(1000),
    }),
  )
  .output(
    z.object({
      lines: z.array(
        z.object({ line: z.number(), outcome: z.enum(['rejected', 'imported_with_note']), reason: z.string() }),
      ),
      nextAfterLine: z.number().nullable(),
    }),
  )
  .query(({ ctx, input }) => {
    if (!findJob(ctx.db, input.jobId)) throw appError('IMPORT_NOT_FOUND');
    const rows = listReportLines(ctx.db, input.jobId, input.afterLine, input.limit);
    const last = rows[rows.length - 1];
    return {
      lines: rows.map((r) => ({ line: r.line, ...decodeReportReason(r.reason) })),
      nextAfterLine: rows.length === input.limit && last ? last.line : null,
    };
  });
