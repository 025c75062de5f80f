import { z } from 'zod';
import { listJobs } from '../../imports/import-job-store.js';
import { IMPORT_ROLES } from '../../imports/import-roles.js';
import { staffProcedure } from '../../trpc.js';
import { importJobOutput, importKindInput, jobOutputOf } from './import-output.js';

/** Import jobs, newest first. */
export const list = staffProcedure(IMPORT_ROLES)
  .input(z.object({ kind: importKindInput.optional(), limit: z.number().int().min(1).max(500).default(20) }))
  .output(z.object({ jobs: z.array(importJobOutput) }))
  .query(({ ctx, input }) => ({ jobs: listJobs(ctx.db, input).map(jobOutputOf) }));
