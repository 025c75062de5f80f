import { z } from 'zod';
import { appError } from '../../errors.js';
import { findListedJob, listJobs } from '../../imports/import-job-store.js';
import { IMPORT_ROLES } from '../../imports/import-roles.js';
import { staffProcedure } from '../../trpc.js';
import { importJobIdInput, importJobOutput, jobOutputOf } from './import-output.js';

/** One import job and its counts (polled for progress while its file uploads); the latest without an id. */
export const status = staffProcedure(IMPORT_ROLES)
  .input(z.object({ jobId: importJobIdInput.optional() }))
  .output(importJobOutput)
  .query(({ ctx, input }) => {
    const job = input.jobId ? findListedJob(ctx.db, input.jobId) : (listJobs(ctx.db, { limit: 1 })[0] ?? null);
    if (!job) throw appError('IMPORT_NOT_FOUND');
    return jobOutputOf(job);
  });
