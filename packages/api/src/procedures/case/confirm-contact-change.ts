import { z } from 'zod';
import { appError } from '../../errors.js';
import { staffProcedure } from '../../trpc.js';
import { confirmContactChangeCode } from '../account/contact-change.js';
import { codeInput } from '../account/inputs.js';
import { contactKind } from '../account/request-contact-change.js';
import { caseIdInput } from './case-output.js';
import { auditCaseAction, BRANCH_ROLES, loadOpenCase } from './open-case.js';

/** Completes a counter contact change with the code the member received at the new address. */
export const confirmContactChange = staffProcedure(BRANCH_ROLES)
  .input(z.object({ caseId: caseIdInput, kind: contactKind, code: codeInput }))
  .output(z.object({ ok: z.literal(true) }))
  .mutation(({ ctx, input }) => {
    const now = ctx.clock.now();
    const open = loadOpenCase(ctx.db, ctx.staff, input.caseId, now);
    const account = open.account;
    if (!account) throw appError('CODE_INVALID');
    const ok = ctx.db.transaction(
      (tx) => {
        if (!confirmContactChangeCode(tx, ctx.config, account, input.kind, input.code, now)) return false;
        auditCaseAction(tx, ctx.staff, open, `${input.kind}_change.completed`, { reason: open.row.reason }, now);
        return true;
      },
      { behavior: 'immediate' },
    );
    if (!ok) throw appError('CODE_INVALID');
    return { ok: true as const };
  });
