import { LIMITS } from '@pulih/domain';
import { and, desc, eq } from 'drizzle-orm';
import { z } from 'zod';
import { verificationCodes } from '../../db/schema.js';
import { findAccountByMemberId, findMemberIdByEmail } from '../../repositories/account-repository.js';
import { getMemberRecord } from '../../repositories/member-repository.js';
import { destinationKey } from '../../repositories/verification-code-repository.js';
import { ENUMERATION_SAFE_REPLY_MS, runEqualWork, withMinimumDuration } from '../../security/equal-work.js';
import { enforceLimit } from '../../security/limits.js';
import { publicProcedure } from '../../trpc.js';
import { localeInput, requireEmail } from './inputs.js';
import { sendEmailCode } from './send-email-code.js';

/**
 * Sends a fresh code to an address that awaits verification: a pending registration or an
 * unverified registered email. Always the same reply; a cooldown and the per-destination
 * limits apply to any address, known or not.
 */
export const resendVerification = publicProcedure
  .input(z.object({ email: z.string().max(254), locale: localeInput }))
  .output(z.object({ ok: z.literal(true) }))
  .mutation(({ ctx, input }) =>
    withMinimumDuration(ENUMERATION_SAFE_REPLY_MS, async () => {
      const email = requireEmail(input.email);
      const now = ctx.clock.now();
      enforceLimit(ctx.db, ctx.config.secret, 'resend', email, LIMITS.resendCooldown, now);
      enforceLimit(ctx.db, ctx.config.secret, 'code-send', email, LIMITS.codeSendsPerDestination, now);
      ctx.db.transaction((tx) => {
        const pending = tx
          .select()
          .from(verificationCodes)
          .where(
            and(
              eq(verificationCodes.destinationHash, destinationKey(ctx.config.secret, email)),
              eq(verificationCodes.purpose, 'registration'),
            ),
          )
          .orderBy(desc(verificationCodes.createdAt))
          .limit(1)
          .get();
        const pendingAccount = pending?.memberId ? findAccountByMemberId(tx, pending.memberId) : null;
        if (pending?.memberId && pendingAccount?.state === 'pending') {
          const payload = JSON.parse(pending.payload) as Record<string, string | null>;
          const fullName = getMemberRecord(tx, pending.memberId)?.fullName ?? '';
          const request = { accountId: pendingAccount.id, memberId: pending.memberId, fullName, email };
          sendEmailCode(
            tx,
            ctx.config,
            { ...request, purpose: 'registration', phone: payload.phone ?? null, locale: input.locale },
            now,
          );
          return;
        }
        const memberId = findMemberIdByEmail(tx, email);
        const member = memberId === null ? null : getMemberRecord(tx, memberId);
        const account = memberId === null ? null : findAccountByMemberId(tx, memberId);
        const eligible = member !== null && account !== null && member.emailVerifiedAt === null;
        runEqualWork(tx, eligible, (work) => {
          const request = {
            accountId: account?.id ?? null,
            memberId: member?.memberId ?? null,
            fullName: member?.fullName ?? '',
            email,
          };
          sendEmailCode(
            work,
            ctx.config,
            { ...request, purpose: 'email_verification', phone: null, locale: account?.locale ?? input.locale },
            now,
          );
        });
      });
      return { ok: true as const };
    }),
  );
