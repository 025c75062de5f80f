import { z } from 'zod';
import { importKinds } from '../../db/schema.js';
import type { ListedJob } from '../../imports/import-job-store.js';

export const importKindInput = z.enum(importKinds);
export const importJobIdInput = z.uuid();

export const importJobOutput = z.object({
  jobId: z.string(),
  kind: importKindInput,
  fileName: z.string(),
  fileSha256: z.string(),
  state: z.enum(['running', 'completed', 'rejected', 'failed']),
  rowsRead: z.number(),
  rowsAccepted: z.number(),
  rowsRejected: z.number(),
  lastCommittedLine: z.number(),
  requestedBy: z.string(),
  startedAt: z.string(),
  finishedAt: z.string().nullable(),
  error: z.string().nullable(),
});

export const jobOutputOf = (job: ListedJob): z.infer<typeof importJobOutput> => ({
  jobId: job.id,
  kind: job.kind,
  fileName: job.fileName,
  fileSha256: job.fileSha256,
  state: job.state,
  rowsRead: job.rowsRead,
  rowsAccepted: job.rowsAccepted,
  rowsRejected: job.rowsRejected,
  lastCommittedLine: job.lastCommittedLine,
  requestedBy: job.requestedBy,
  startedAt: job.startedAt,
  finishedAt: job.finishedAt,
  error: job.error,
});
