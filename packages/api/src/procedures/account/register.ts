import { LIMITS, matchesRegistryIdentity } from '@pulih/domain';
import { z } from 'zod';
import { appendAudit } from '../../audit/audit-log.js';
import { notifyRegisteredContacts } from '../../notices/notify-member.js';
import { enqueueNotice } from '../../notifications/outbox.js';
import {
  findAccountByMemberId,
  findMemberIdByEmail,
  findMemberIdByNik,
  upsertPendingAccount,
} from '../../repositories/account-repository.js';
import { getMemberRecord } from '../../repositories/member-repository.js';
import { ENUMERATION_SAFE_REPLY_MS, withMinimumDuration } from '../../security/equal-work.js';
import { enforceLimit } from '../../security/limits.js';
import { hashPassword } from '../../security/password.js';
import { publicProcedure } from '../../trpc.js';
import {
  localeInput,
  passwordInput,
  requireAcceptablePassword,
  requireBirthDate,
  requireEmail,
  requireKpj,
  requireNik,
  requirePhone,
} from './inputs.js';
import { sendEmailCode } from './send-email-code.js';

export const registerInput = z.object({
  nik: z.string().max(40),
  kpj: z.string().max(40),
  fullName: z.string().trim().min(1).max(120),
  birthDate: z.string().max(10),
  email: z.string().max(254),
  phone: z.string().max(30),
  password: passwordInput,
  locale: localeInput,
});

/**
 * "Daftar/aktivasi": NIK + KPJ + name + birth date checked against the registry, then email,
 * phone and password. The reply is always the same; what differs goes to the submitted
 * address: a code (new account), "you already have an account" (and a notice to the owner),
 * or "we could not match your data". This is how duplicate accounts stop being created.
 */
export const register = publicProcedure
  .input(registerInput)
  .output(z.object({ ok: z.literal(true) }))
  .mutation(({ ctx, input }) =>
    withMinimumDuration(ENUMERATION_SAFE_REPLY_MS, async () => {
      const claim = {
        nik: requireNik(input.nik),
        kpj: requireKpj(input.kpj),
        fullName: input.fullName,
        birthDate: requireBirthDate(input.birthDate),
      };
      const email = requireEmail(input.email);
      const phone = requirePhone(input.phone);
      requireAcceptablePassword(input.password, {
        nik: claim.nik,
        kpjNumbers: [claim.kpj],
        birthDate: claim.birthDate,
        email,
      });
      const now = ctx.clock.now();
      enforceLimit(ctx.db, ctx.config.secret, 'code-send', email, LIMITS.codeSendsPerDestination, now);
      // Hashed in every branch, so that every reply costs the same.
      const passwordHash = await hashPassword(input.password);
      const memberId = findMemberIdByNik(ctx.db, claim.nik);
      const member = memberId === null ? null : getMemberRecord(ctx.db, memberId);
      const locale = input.locale;
      const emailOwner = findMemberIdByEmail(ctx.db, email);

      ctx.db.transaction((tx) => {
        const audit = (action: string, detail: Record<string, string | number | boolean | null> = {}) =>
          appendAudit(
            tx,
            {
              actorKind: 'anonymous',
              actorId: null,
              action,
              memberId: member?.memberId ?? null,
              channel: 'web',
              detail,
            },
            now,
          );
        if (!member || !matchesRegistryIdentity(claim, member)) {
          enqueueNotice(
            tx,
            { channel: 'email', recipient: email, template: 'registration_no_match', locale, data: {}, memberId: null },
            now,
          );
          audit('registration.no_match');
          return;
        }
        const account = findAccountByMemberId(tx, member.memberId);
        const hasLiveAccount = account !== null && account.state !== 'pending';
        if (hasLiveAccount || (emailOwner !== null && emailOwner !== member.memberId)) {
          enqueueNotice(
            tx,
            {
              channel: 'email',
              recipient: email,
              template: 'registration_exists',
              locale,
              data: { link: `${ctx.config.publicUrl}/lupa-password` },
              memberId: member.memberId,
            },
            now,
          );
          if (hasLiveAccount)
            notifyRegisteredContacts(tx, member, 'registration_attempt_notice', account.locale, {}, now);
          audit('registration.existing_account', {
            emailOwnedByOther: emailOwner !== null && emailOwner !== member.memberId,
          });
          return;
        }
        const accountId = upsertPendingAccount(tx, member.memberId, passwordHash, locale, now);
        sendEmailCode(
          tx,
          ctx.config,
          {
            purpose: 'registration',
            accountId,
            memberId: member.memberId,
            fullName: member.fullName,
            email,
            phone,
            locale,
          },
          now,
        );
        audit('registration.code_sent');
      });
      return { ok: true as const };
    }),
  );
