import { z } from 'zod';
import { listQueue } from '../../repositories/kiosk-repository.js';
import { staffProcedure } from '../../trpc.js';
import { BRANCH_ROLES } from '../case/open-case.js';
import { queueTicketOutput, toQueueTicket } from './queue-output.js';
import { requireBranch } from './require-branch.js';

/** Today's open tickets of the officer's branch, oldest first. */
export const list = staffProcedure(BRANCH_ROLES)
  .input(z.void())
  .output(z.object({ branchCode: z.string(), tickets: z.array(queueTicketOutput) }))
  .query(({ ctx }) => {
    const branchCode = requireBranch(ctx.staff);
    return { branchCode, tickets: listQueue(ctx.db, branchCode, ctx.clock.now()).map(toQueueTicket) };
  });
