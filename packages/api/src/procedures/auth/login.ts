import { parseLoginIdentifier } from '@pulih/domain';
import { z } from 'zod';
import { appendAudit } from '../../audit/audit-log.js';
import { appError } from '../../errors.js';
import { findAccountForLogin } from '../../repositories/member-repository.js';
import { createMemberSession, SESSION_ABSOLUTE_MS } from '../../repositories/session-repository.js';
import { verifyPassword } from '../../security/password.js';
import { publicProcedure } from '../../trpc.js';

export const loginInput = z.object({
  identifier: z.string().trim().min(1).max(254),
  password: z.string().min(1).max(128),
});
export const loginOutput = z.object({ ok: z.literal(true) });

/** Email or KPJ + password. Unknown identifiers cost a dummy hash and get the same reply. */
export const login = publicProcedure
  .input(loginInput)
  .output(loginOutput)
  .mutation(async ({ ctx, input }) => {
    const identifier = parseLoginIdentifier(input.identifier);
    if (!identifier.ok) throw appError('INVALID_INPUT', 'Enter your email or your 11-digit KPJ number.');
    const candidate = findAccountForLogin(ctx.db, identifier.value);
    const passwordMatches = await verifyPassword(candidate?.passwordHash ?? null, input.password);
    const now = ctx.clock.now();
    if (!candidate || !passwordMatches || candidate.state !== 'active') {
      appendAudit(
        ctx.db,
        {
          actorKind: 'anonymous',
          actorId: null,
          action: 'login.failed',
          memberId: candidate?.memberId ?? null,
          channel: 'web',
          detail: { identifierKind: identifier.value.kind, ip: ctx.request.ip },
        },
        now,
      );
      throw appError('INVALID_CREDENTIALS');
    }
    const token = ctx.db.transaction((tx) => {
      const sessionToken = createMemberSession(tx, candidate.accountId, now);
      appendAudit(
        tx,
        {
          actorKind: 'member',
          actorId: String(candidate.memberId),
          action: 'login.succeeded',
          memberId: candidate.memberId,
          channel: 'web',
          detail: { identifierKind: identifier.value.kind, ip: ctx.request.ip },
        },
        now,
      );
      return sessionToken;
    });
    ctx.request.setSessionCookie(token, SESSION_ABSOLUTE_MS / 1000);
    return { ok: true as const };
  });
