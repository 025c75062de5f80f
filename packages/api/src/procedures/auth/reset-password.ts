import { MAX_CONSECUTIVE_FAILURES, parseLoginIdentifier } from '@pulih/domain';
import { z } from 'zod';
import { appendAudit } from '../../audit/audit-log.js';
import { appError } from '../../errors.js';
import { notifyRegisteredContacts } from '../../notices/notify-member.js';
import {
  countFailure,
  findAccountById,
  requireMemberRecord,
  revokeSessions,
  setPassword,
} from '../../repositories/account-repository.js';
import { findAccountForLogin } from '../../repositories/member-repository.js';
import { attemptCode, type CodeCheck, consumeToken } from '../../repositories/verification-code-repository.js';
import { clearAttemptBudget } from '../../security/attempt-budget.js';
import { hashPassword } from '../../security/password.js';
import { publicProcedure } from '../../trpc.js';
import { codeInput, passwordInput, requireAcceptablePassword, tokenInput } from '../account/inputs.js';

export const resetPasswordInput = z.union([
  z.object({ token: tokenInput, newPassword: passwordInput }),
  z.object({ identifier: z.string().trim().min(1).max(254), code: codeInput, newPassword: passwordInput }),
]);

/**
 * Sets a new password with the emailed link or code (single use). Every session of the
 * account ends, a lockout is lifted, and the registered email and phone are told.
 */
export const resetPassword = publicProcedure
  .input(resetPasswordInput)
  .output(z.object({ ok: z.literal(true) }))
  .mutation(async ({ ctx, input }) => {
    const now = ctx.clock.now();
    // Hash first (outside the transaction): argon2 runs off the event loop.
    const passwordHash = await hashPassword(input.newPassword);
    const outcome = ctx.db.transaction(
      (tx) => {
        let check: CodeCheck;
        if ('token' in input) {
          check = consumeToken(tx, ['password_reset'], input.token, now);
        } else {
          const identifier = parseLoginIdentifier(input.identifier);
          const account = identifier.ok ? findAccountForLogin(tx, identifier.value) : null;
          check = account
            ? attemptCode(
                tx,
                ctx.config.secret,
                { by: 'account', accountId: account.accountId, purposes: ['password_reset'] },
                input.code,
                now,
              )
            : { ok: false, accountId: null };
        }
        if (!check.ok) {
          if (check.accountId !== null) countFailure(tx, check.accountId, MAX_CONSECUTIVE_FAILURES);
          return 'invalid' as const;
        }
        const { row } = check;
        const account = row.accountId === null ? null : findAccountById(tx, row.accountId);
        if (!account || row.memberId === null) return 'invalid' as const;
        const member = requireMemberRecord(tx, row.memberId);
        // Checked once the account is known; a refusal throws, rolls the transaction back and
        // so leaves the code usable for a better password.
        requireAcceptablePassword(input.newPassword, {
          nik: member.nik,
          kpjNumbers: member.kpjNumbers,
          birthDate: member.birthDate,
          email: member.email,
        });
        setPassword(tx, account.id, passwordHash, now);
        clearAttemptBudget(tx, ctx.config.secret, member.memberId);
        revokeSessions(tx, account.id, now);
        notifyRegisteredContacts(tx, member, 'password_changed_notice', account.locale, { channelLabel: 'web' }, now);
        appendAudit(
          tx,
          {
            actorKind: 'member',
            actorId: String(member.memberId),
            action: 'password_reset.completed',
            memberId: member.memberId,
            channel: 'web',
            detail: { via: 'token' in input ? 'link' : 'code' },
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
