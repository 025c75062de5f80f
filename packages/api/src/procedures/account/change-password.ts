import { z } from 'zod';
import { appendAudit } from '../../audit/audit-log.js';
import { appError } from '../../errors.js';
import { notifyRegisteredContacts } from '../../notices/notify-member.js';
import {
  findAccountById,
  requireMemberRecord,
  revokeSessions,
  setPassword,
} from '../../repositories/account-repository.js';
import { hashPassword } from '../../security/password.js';
import { memberProcedure } from '../../trpc.js';
import { passwordInput, requireAcceptablePassword } from './inputs.js';
import { guardPasswordAttempt } from './password-attempts.js';

/** Changes the password with the current one; every other session ends. */
export const changePassword = memberProcedure
  .input(z.object({ currentPassword: passwordInput, newPassword: passwordInput }))
  .output(z.object({ ok: z.literal(true) }))
  .mutation(async ({ ctx, input }) => {
    const account = findAccountById(ctx.db, ctx.member.accountId);
    if (!account) throw appError('UNAUTHENTICATED');
    await guardPasswordAttempt(ctx, account, input.currentPassword);
    const member = requireMemberRecord(ctx.db, account.memberId);
    requireAcceptablePassword(input.newPassword, {
      nik: member.nik,
      kpjNumbers: member.kpjNumbers,
      birthDate: member.birthDate,
      email: member.email,
    });
    const passwordHash = await hashPassword(input.newPassword);
    const now = ctx.clock.now();
    ctx.db.transaction((tx) => {
      setPassword(tx, account.id, passwordHash, now);
      revokeSessions(tx, account.id, now, ctx.request.sessionToken ?? undefined);
      notifyRegisteredContacts(tx, member, 'password_changed_notice', account.locale, { channelLabel: 'web' }, now);
      appendAudit(
        tx,
        {
          actorKind: 'member',
          actorId: String(member.memberId),
          action: 'password.changed',
          memberId: member.memberId,
          channel: 'web',
          detail: {},
        },
        now,
      );
    });
    return { ok: true as const };
  });
