import { decideRecovery, type Evidence, type KnowledgeFact, MAX_CONSECUTIVE_FAILURES } from '@pulih/domain';
import { z } from 'zod';
import { appendAudit } from '../../audit/audit-log.js';
import { notifyRegisteredContacts } from '../../notices/notify-member.js';
import {
  accountStateForRecovery,
  countFailure,
  findAccountByMemberId,
  requireMemberRecord,
} from '../../repositories/account-repository.js';
import { issueVerification } from '../../repositories/verification-code-repository.js';
import { publicProcedure } from '../../trpc.js';
import { RESET_LINK_MINUTES } from '../auth/forgot-password.js';
import { recoveryCodeInput, withRecoveryCode } from './recovery-code.js';

export const recoveryVerifyOutput = z.object({
  /** The registered email, at the level the recovery policy allows. */
  email: z.string().nullable(),
  disclosure: z.enum(['none', 'masked', 'full']),
  hasOnlineAccount: z.boolean(),
  /** A password-reset token for `auth.resetPassword`, when the policy allows a reset. */
  resetToken: z.string().nullable(),
});

/**
 * The SMS code of "lupa email/akun". With the code (possession of the registered phone) and the
 * NIK or KPJ, the recovery policy decides what is shown; the disclosure is audited and the member
 * is told on every registered contact.
 */
export const verifyCode = publicProcedure
  .input(recoveryCodeInput)
  .output(recoveryVerifyOutput)
  .mutation(({ ctx, input }) =>
    withRecoveryCode(ctx, input, (tx, check, now) => {
      if (!check.ok) {
        if (check.accountId !== null) countFailure(tx, check.accountId, MAX_CONSECUTIVE_FAILURES);
        return null;
      }
      if (check.row.memberId === null) return null;
      const member = requireMemberRecord(tx, check.row.memberId);
      const account = findAccountByMemberId(tx, member.memberId);
      const knowledge = (check.payload.knowledge === 'nik' ? 'nik' : 'kpj') as KnowledgeFact;
      const evidence: Evidence[] = [{ kind: 'code_to_registered_phone' }, { kind: 'knowledge', facts: [knowledge] }];
      const facts = {
        hasRegisteredEmail: member.email !== null,
        hasRegisteredPhone: member.phone !== null,
        accountState: accountStateForRecovery(account),
        failedKnowledgeChecksToday: 0,
      } as const;
      const channel = check.payload.channel === 'kiosk' ? 'kiosk' : 'web';
      const reveal = decideRecovery({ intent: 'reveal_email', channel, evidence, member: facts });
      const reset = decideRecovery({ intent: 'reset_password', channel, evidence, member: facts });
      const email = reveal.allowed && reveal.disclosure === 'full' ? member.email : null;
      let resetToken: string | null = null;
      if (reset.allowed && account && member.email) {
        resetToken = issueVerification(
          tx,
          ctx.config.secret,
          {
            purpose: 'password_reset',
            accountId: account.id,
            memberId: member.memberId,
            destination: member.email,
            validityMinutes: RESET_LINK_MINUTES,
            withCode: false,
            withToken: true,
          },
          now,
        ).token;
      }
      appendAudit(
        tx,
        {
          actorKind: 'member',
          actorId: null,
          action: 'contact.disclosed',
          memberId: member.memberId,
          channel,
          detail: {
            contact: 'email',
            level: email === null ? 'none' : reveal.disclosure,
            via: 'recovery',
            evidence: `code_to_registered_phone+${knowledge}`,
            reasons: reveal.reasons.join(','),
            resetOffered: resetToken !== null,
          },
        },
        now,
      );
      if (email !== null) {
        notifyRegisteredContacts(
          tx,
          member,
          'recovery_disclosure_notice',
          account?.locale ?? 'id',
          { channelLabel: channel },
          now,
        );
      }
      return {
        email,
        disclosure: email === null ? ('none' as const) : reveal.disclosure,
        hasOnlineAccount: account !== null && account.state !== 'pending',
        resetToken,
      };
    }),
  );
