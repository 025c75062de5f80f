import { LIMITS } from '@pulih/domain';
import { z } from 'zod';
import { appendAudit } from '../../audit/audit-log.js';
import { appError } from '../../errors.js';
import { findAccountById, requireMemberRecord } from '../../repositories/account-repository.js';
import { enforceLimit } from '../../security/limits.js';
import { memberProcedure } from '../../trpc.js';
import { sendContactChangeCode } from './contact-change.js';
import { requireEmail, requirePhone } from './inputs.js';
import { requireRecentAuthentication } from './require-recent-authentication.js';

export const contactKind = z.enum(['email', 'phone']);

/**
 * Starts a change of the registered email or phone: the new address must prove itself with a
 * code before it replaces the old one.
 */
export const requestContactChange = memberProcedure
  .input(z.object({ kind: contactKind, value: z.string().max(254) }))
  .output(z.object({ ok: z.literal(true) }))
  .mutation(({ ctx, input }) => {
    requireRecentAuthentication(ctx);
    const value = input.kind === 'email' ? requireEmail(input.value) : requirePhone(input.value);
    const now = ctx.clock.now();
    enforceLimit(ctx.db, ctx.config.secret, 'code-send', value, LIMITS.codeSendsPerDestination, now);
    const account = findAccountById(ctx.db, ctx.member.accountId);
    if (!account) throw appError('UNAUTHENTICATED');
    const member = requireMemberRecord(ctx.db, ctx.member.memberId);
    if ((input.kind === 'email' ? member.email : member.phone) === value) {
      throw appError('INVALID_INPUT', `That is already your registered ${input.kind}.`);
    }
    ctx.db.transaction((tx) => {
      const change = {
        accountId: account.id,
        memberId: member.memberId,
        locale: account.locale,
        kind: input.kind,
        value,
      };
      sendContactChangeCode(tx, ctx.config, change, now);
      appendAudit(
        tx,
        {
          actorKind: 'member',
          actorId: String(member.memberId),
          action: `${input.kind}_change.requested`,
          memberId: member.memberId,
          channel: 'web',
          detail: {},
        },
        now,
      );
    });
    return { ok: true as const };
  });
