import { z } from 'zod';
import { appError } from '../../errors.js';
import { finishTicket } from '../../repositories/kiosk-repository.js';
import { staffProcedure } from '../../trpc.js';
import { BRANCH_ROLES } from '../case/open-case.js';
import { requireBranch } from './require-branch.js';

/** The member at the counter has been served. */
export const done = staffProcedure(BRANCH_ROLES)
  .input(z.object({ ticketId: z.string().trim().min(1).max(64) }))
  .output(z.object({ ok: z.literal(true) }))
  .mutation(({ ctx, input }) => {
    if (!finishTicket(ctx.db, input.ticketId, requireBranch(ctx.staff), ctx.clock.now())) {
      throw appError('INVALID_INPUT', 'No ticket of your branch has that id.');
    }
    return { ok: true as const };
  });
