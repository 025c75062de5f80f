import { z } from 'zod';
import { appError } from '../../errors.js';
import { closeCase, findCase } from '../../repositories/case-repository.js';
import { staffProcedure } from '../../trpc.js';
import { caseIdInput } from './case-output.js';
import { auditCaseAction, CASE_ROLES } from './open-case.js';

/** Ends a case before its 30 minutes are up (the member has left the counter or the call). */
export const close = staffProcedure(CASE_ROLES)
  .input(z.object({ caseId: caseIdInput }))
  .output(z.object({ ok: z.literal(true) }))
  .mutation(({ ctx, input }) => {
    const now = ctx.clock.now();
    const row = findCase(ctx.db, input.caseId);
    if (!row || (row.staffId !== ctx.staff.staffId && ctx.staff.role !== 'supervisor'))
      throw appError('CASE_NOT_FOUND');
    ctx.db.transaction((tx) => {
      closeCase(tx, row.id, now);
      auditCaseAction(tx, ctx.staff, { row }, 'case.closed', {}, now);
    });
    return { ok: true as const };
  });
