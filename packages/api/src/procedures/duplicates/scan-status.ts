import { z } from 'zod';
import { appError } from '../../errors.js';
import { findScan } from '../../repositories/duplicate-repository.js';
import { staffProcedure } from '../../trpc.js';
import { DUPLICATE_ROLES } from './duplicate-output.js';

export const scanStatusOutput = z.object({
  scanId: z.string(),
  state: z.enum(['running', 'done', 'failed']),
  phase: z.string(),
  processed: z.number(),
  total: z.number(),
  candidatesFound: z.number(),
  error: z.string().nullable(),
  startedAt: z.string(),
  finishedAt: z.string().nullable(),
});

/** Progress of a registry scan: the phase (read, compare, write) and how far it is. */
export const scanStatus = staffProcedure(DUPLICATE_ROLES)
  .input(z.object({ scanId: z.string().uuid() }))
  .output(scanStatusOutput)
  .query(({ ctx, input }) => {
    const row = findScan(ctx.db, input.scanId);
    if (!row) throw appError('SCAN_NOT_FOUND');
    return {
      scanId: row.id,
      state: row.state,
      phase: row.phase,
      processed: row.processed,
      total: row.total,
      candidatesFound: row.candidatesFound,
      error: row.error,
      startedAt: row.startedAt,
      finishedAt: row.finishedAt,
    };
  });
