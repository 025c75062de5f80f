import { maskEmail, maskPhone } from '@pulih/domain';
import { z } from 'zod';
import { appError } from '../../errors.js';
import { enqueueNotice } from '../../notifications/outbox.js';
import { issueVerification } from '../../repositories/verification-code-repository.js';
import { staffProcedure } from '../../trpc.js';
import { RESET_CODE_MINUTES, RESET_LINK_MINUTES } from '../auth/forgot-password.js';
import { caseIdInput, caseReasonInput } from './case-output.js';
import { auditCaseAction, CASE_ROLES, decideInCase, loadOpenCase, requireAllowed } from './open-case.js';

/**
 * Sends a password-reset link and code to the member's REGISTERED contact, never to an address
 * given on the phone. Nobody, staff included, ever sets or sees the password.
 */
export const sendReset = staffProcedure(CASE_ROLES)
  .input(z.object({ caseId: caseIdInput, reason: caseReasonInput }))
  .output(z.object({ sentTo: z.enum(['registered_email', 'registered_phone']), maskedDestination: z.string() }))
  .mutation(({ ctx, input }) => {
    const now = ctx.clock.now();
    const open = loadOpenCase(ctx.db, ctx.staff, input.caseId, now);
    const decision = decideInCase(ctx.db, ctx.config.secret, open, 'reset_password', now);
    requireAllowed(decision);
    const delivery = decision.resetDelivery;
    const destination =
      delivery === 'registered_email' ? open.member.email : delivery === 'registered_phone' ? open.member.phone : null;
    if ((delivery !== 'registered_email' && delivery !== 'registered_phone') || !destination || !open.account) {
      throw appError('FORBIDDEN', 'A reset from this case is printed for the member in person, or not possible.');
    }
    const account = open.account;
    ctx.db.transaction((tx) => {
      const issued = issueVerification(
        tx,
        ctx.config.secret,
        {
          purpose: 'password_reset',
          accountId: account.id,
          memberId: open.member.memberId,
          destination,
          // Checked even when the member's budget of failed checks is spent (security/attempt-budget.ts).
          payload: { issuedBy: 'staff' },
          validityMinutes: RESET_LINK_MINUTES,
          codeValidityMinutes: RESET_CODE_MINUTES,
          withCode: true,
          withToken: true,
        },
        now,
      );
      enqueueNotice(
        tx,
        {
          channel: delivery === 'registered_email' ? 'email' : 'sms',
          recipient: destination,
          template: 'password_reset',
          locale: account.locale,
          data: {
            fullName: open.member.fullName,
            code: issued.code ?? '',
            link: `${ctx.config.publicUrl}/reset-password?token=${issued.token ?? ''}`,
            linkExpiresMinutes: RESET_LINK_MINUTES,
            codeExpiresMinutes: RESET_CODE_MINUTES,
          },
          memberId: open.member.memberId,
        },
        now,
      );
      auditCaseAction(tx, ctx.staff, open, 'password_reset.sent_by_staff', { delivery, reason: input.reason }, now);
    });
    return {
      sentTo: delivery,
      maskedDestination: delivery === 'registered_email' ? maskEmail(destination) : maskPhone(destination),
    };
  });
