import { z } from 'zod';
import { appendAudit } from '../../audit/audit-log.js';
import { appError } from '../../errors.js';
import { notifyRegisteredContacts } from '../../notices/notify-member.js';
import {
  findAccountById,
  freezeAccount,
  requireMemberRecord,
  revokeSessions,
} from '../../repositories/account-repository.js';
import { consumeToken } from '../../repositories/verification-code-repository.js';
import { publicProcedure } from '../../trpc.js';
import { tokenInput } from './inputs.js';

/**
 * "This was not me", from the notice sent to the old address after a contact change: freezes
 * the account, ends its sessions and sends the member to recovery.
 */
export const reportNotMe = publicProcedure
  .input(z.object({ token: tokenInput }))
  .output(z.object({ ok: z.literal(true) }))
  .mutation(({ ctx, input }) => {
    const now = ctx.clock.now();
    const ok = ctx.db.transaction(
      (tx) => {
        const check = consumeToken(tx, ['contact_change_revert'], input.token, now);
        if (!check.ok || check.row.accountId === null) return false;
        const account = findAccountById(tx, check.row.accountId);
        if (!account) return false;
        freezeAccount(tx, account.id, 'member reported a contact change as not theirs', now);
        revokeSessions(tx, account.id, now);
        notifyRegisteredContacts(
          tx,
          requireMemberRecord(tx, account.memberId),
          'account_frozen_notice',
          account.locale,
          {},
          now,
        );
        appendAudit(
          tx,
          {
            actorKind: 'anonymous',
            actorId: null,
            action: 'account.frozen',
            memberId: account.memberId,
            channel: 'web',
            detail: { reason: 'contact_change_not_me', kind: String(check.payload.kind ?? '') },
          },
          now,
        );
        return true;
      },
      { behavior: 'immediate' },
    );
    if (!ok) throw appError('CODE_INVALID');
    return { ok: true as const };
  });
