import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { runRegistryScan } from '../../duplicates/registry-scan.js';
import { appError } from '../../errors.js';
import { countPersons, findLiveRunningScan, insertScan } from '../../repositories/duplicate-repository.js';
import { staffProcedure } from '../../trpc.js';
import { DUPLICATE_ROLES } from './duplicate-output.js';

/**
 * Starts a scan of the whole registry for duplicate persons as a server-side job; staff follow
 * it with `scanStatus`. One scan runs at a time; one left `running` by a process that stopped
 * (no progress for 10 minutes) is marked failed and no longer blocks a new one.
 */
export const startScan = staffProcedure(DUPLICATE_ROLES)
  .input(z.object({}).optional())
  .output(z.object({ scanId: z.string(), total: z.number() }))
  .mutation(({ ctx }) => {
    const now = ctx.clock.now();
    const scanId = randomUUID();
    const total = ctx.db.transaction((tx) => {
      if (findLiveRunningScan(tx, now)) throw appError('CONFLICT', 'A registry scan is already running.');
      const persons = countPersons(tx);
      insertScan(tx, scanId, ctx.staff.staffId, persons, now);
      return persons;
    });
    void runRegistryScan(ctx.db, ctx.clock, scanId, ctx.staff.staffId);
    return { scanId, total };
  });
