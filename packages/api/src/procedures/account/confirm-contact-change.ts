import { MAX_CONSECUTIVE_FAILURES, maskEmail, maskPhone } from '@pulih/domain';
import { z } from 'zod';
import { appendAudit } from '../../audit/audit-log.js';
import { appError } from '../../errors.js';
import { enqueueNotice } from '../../notifications/outbox.js';
import {
  countFailure,
  findAccountById,
  findMemberIdByEmail,
  requireMemberRecord,
  updateContact,
} from '../../repositories/account-repository.js';
import { attemptCode, issueVerification } from '../../repositories/verification-code-repository.js';
import { memberProcedure } from '../../trpc.js';
import { codeInput } from './inputs.js';
import { contactKind } from './request-contact-change.js';
import { requireRecentAuthentication } from './require-recent-authentication.js';

export const NOT_ME_LINK_DAYS = 7;

/**
 * Completes a contact change with the code sent to the new address. The old address gets a
 * notice with a "this was not me" link (7 days) that freezes the account: it never silently
 * restores the old contact, which may be the compromised one.
 */
export const confirmContactChange = memberProcedure
  .input(z.object({ kind: contactKind, code: codeInput }))
  .output(z.object({ ok: z.literal(true) }))
  .mutation(({ ctx, input }) => {
    requireRecentAuthentication(ctx);
    const now = ctx.clock.now();
    const account = findAccountById(ctx.db, ctx.member.accountId);
    if (!account) throw appError('UNAUTHENTICATED');
    const outcome = ctx.db.transaction(
      (tx) => {
        const check = attemptCode(
          tx,
          ctx.config.secret,
          {
            by: 'account',
            accountId: account.id,
            purposes: [input.kind === 'email' ? 'email_change' : 'phone_change'],
          },
          input.code,
          now,
        );
        if (!check.ok) {
          countFailure(tx, account.id, MAX_CONSECUTIVE_FAILURES);
          return 'invalid' as const;
        }
        const value = String(check.payload.value ?? '');
        const before = requireMemberRecord(tx, account.memberId);
        if (input.kind === 'email') {
          const owner = findMemberIdByEmail(tx, value);
          if (owner !== null && owner !== account.memberId)
            throw appError('CONFLICT', 'This email address cannot be used.');
        }
        const at = now.toISOString();
        updateContact(
          tx,
          account.memberId,
          input.kind === 'email'
            ? { email: value, emailVerifiedAt: at, confirmedAt: at }
            : { phone: value, phoneVerifiedAt: at, confirmedAt: at },
          now,
        );
        const oldAddress = input.kind === 'email' ? before.email : before.phone;
        if (oldAddress) {
          const revert = issueVerification(
            tx,
            ctx.config.secret,
            {
              purpose: 'contact_change_revert',
              accountId: account.id,
              memberId: account.memberId,
              destination: oldAddress,
              payload: { kind: input.kind },
              validityMinutes: NOT_ME_LINK_DAYS * 24 * 60,
              withCode: false,
              withToken: true,
            },
            now,
          );
          enqueueNotice(
            tx,
            {
              channel: input.kind === 'email' ? 'email' : 'sms',
              recipient: oldAddress,
              template: 'contact_changed_notice',
              locale: account.locale,
              data: {
                fullName: before.fullName,
                contactKind: input.kind,
                maskedNewContact: input.kind === 'email' ? maskEmail(value) : maskPhone(value),
                link: `${ctx.config.publicUrl}/bukan-saya?token=${revert.token ?? ''}`,
                linkExpiresDays: NOT_ME_LINK_DAYS,
              },
              memberId: account.memberId,
            },
            now,
          );
        }
        appendAudit(
          tx,
          {
            actorKind: 'member',
            actorId: String(account.memberId),
            action: `${input.kind}_change.completed`,
            memberId: account.memberId,
            channel: 'web',
            detail: {},
          },
          now,
        );
        return 'ok' as const;
      },
      { behavior: 'immediate' },
    );
    if (outcome === 'invalid') throw appError('CODE_INVALID');
    return { ok: true as const };
  });
