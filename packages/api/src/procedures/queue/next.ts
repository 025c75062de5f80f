import { z } from 'zod';
import { callNextTicket } from '../../repositories/kiosk-repository.js';
import { staffProcedure } from '../../trpc.js';
import { BRANCH_ROLES } from '../case/open-case.js';
import { queueTicketOutput, toQueueTicket } from './queue-output.js';
import { requireBranch } from './require-branch.js';

/** Calls the oldest waiting ticket to this officer's counter. */
export const next = staffProcedure(BRANCH_ROLES)
  .input(z.void())
  .output(z.object({ ticket: queueTicketOutput.nullable() }))
  .mutation(({ ctx }) => {
    const branchCode = requireBranch(ctx.staff);
    const called = ctx.db.transaction((tx) => callNextTicket(tx, branchCode, ctx.staff.staffId, ctx.clock.now()), {
      behavior: 'immediate',
    });
    return { ticket: called ? toQueueTicket(called) : null };
  });
