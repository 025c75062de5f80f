import { z } from 'zod';
import { appError } from '../../errors.js';
import { issueVerification } from '../../repositories/verification-code-repository.js';
import { staffProcedure } from '../../trpc.js';
import { caseIdInput, caseReasonInput } from './case-output.js';
import { auditCaseAction, BRANCH_ROLES, decideInCase, loadOpenCase, requireAllowed } from './open-case.js';

/** A printed code outlives an SMS code: the member may set the password at home the same day. */
export const PRINTED_CODE_MINUTES = 120;

/**
 * For a member at the counter: a one-time recovery code printed on paper, which the member
 * types at /reset-password with their KPJ to choose a new password themselves.
 */
export const printRecoveryCode = staffProcedure(BRANCH_ROLES)
  .input(z.object({ caseId: caseIdInput, reason: caseReasonInput }))
  .output(z.object({ code: z.string(), expiresAt: z.string() }))
  .mutation(({ ctx, input }) => {
    const now = ctx.clock.now();
    const open = loadOpenCase(ctx.db, ctx.staff, input.caseId, now);
    const decision = decideInCase(ctx.db, ctx.config.secret, open, 'reset_password', now);
    requireAllowed(decision);
    const account = open.account;
    if (decision.resetDelivery !== 'printed_in_person' || !account) {
      throw appError('FORBIDDEN', 'Printed codes are for a member verified in person who has an online account.');
    }
    return ctx.db.transaction((tx) => {
      const issued = issueVerification(
        tx,
        ctx.config.secret,
        {
          purpose: 'password_reset',
          accountId: account.id,
          memberId: open.member.memberId,
          destination: `printed:${open.row.id}`,
          // Checked even when the member's budget of failed checks is spent (security/attempt-budget.ts).
          payload: { issuedBy: 'staff' },
          validityMinutes: PRINTED_CODE_MINUTES,
          withCode: true,
          withToken: false,
        },
        now,
      );
      auditCaseAction(tx, ctx.staff, open, 'password_reset.code_printed', { reason: input.reason }, now);
      return {
        code: issued.code ?? '',
        expiresAt: new Date(now.getTime() + PRINTED_CODE_MINUTES * 60_000).toISOString(),
      };
    });
  });
