import { LIMITS } from '@pulih/domain';
import { z } from 'zod';
import { appError } from '../../errors.js';
import { enforceLimit } from '../../security/limits.js';
import { staffProcedure } from '../../trpc.js';
import { sendContactChangeCode } from '../account/contact-change.js';
import { requireEmail, requirePhone } from '../account/inputs.js';
import { contactKind } from '../account/request-contact-change.js';
import { caseIdInput, caseReasonInput } from './case-output.js';
import { auditCaseAction, BRANCH_ROLES, decideInCase, loadOpenCase, requireAllowed } from './open-case.js';

/**
 * At the counter, after an in-person check: a code goes to the member's new email or phone,
 * which the member reads out (or types at the kiosk) to confirm it.
 */
export const requestContactChange = staffProcedure(BRANCH_ROLES)
  .input(z.object({ caseId: caseIdInput, kind: contactKind, value: z.string().max(254), reason: caseReasonInput }))
  .output(z.object({ ok: z.literal(true) }))
  .mutation(({ ctx, input }) => {
    const now = ctx.clock.now();
    const open = loadOpenCase(ctx.db, ctx.staff, input.caseId, now);
    requireAllowed(
      decideInCase(ctx.db, ctx.config.secret, open, input.kind === 'email' ? 'change_email' : 'change_phone', now),
    );
    const account = open.account;
    if (!account)
      throw appError('FORBIDDEN', 'The member has no online account; contacts are set when it is activated.');
    const value = input.kind === 'email' ? requireEmail(input.value) : requirePhone(input.value);
    enforceLimit(ctx.db, ctx.config.secret, 'code-send', value, LIMITS.codeSendsPerDestination, now);
    ctx.db.transaction((tx) => {
      sendContactChangeCode(
        tx,
        ctx.config,
        { accountId: account.id, memberId: open.member.memberId, locale: account.locale, kind: input.kind, value },
        now,
      );
      auditCaseAction(tx, ctx.staff, open, `${input.kind}_change.requested`, { reason: input.reason }, now);
    });
    return { ok: true as const };
  });
