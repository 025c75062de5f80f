import { contactsNeedReconfirmation, discloseContact, maskNik } from '@pulih/domain';
import { z } from 'zod';
import { appError } from '../../errors.js';
import { membershipStatusOf, membershipStatusView } from '../../jht/membership-status-of.js';
import { getMemberRecord } from '../../repositories/member-repository.js';
import { memberProcedure } from '../../trpc.js';
import { dayOf, membershipOutput } from '../jht/balance-summary.js';

export const profileOutput = z.object({
  fullName: z.string(),
  kpjNumbers: z.array(z.string()),
  nikMasked: z.string(),
  email: z.string().nullable(),
  emailVerified: z.boolean(),
  phone: z.string().nullable(),
  phoneVerified: z.boolean(),
  contactsConfirmedAt: z.string().nullable(),
  /** Last confirmed more than 12 months ago: the portal asks the member to confirm or change. */
  contactsNeedReconfirmation: z.boolean(),
  /** Aktif / non-aktif as the JHT rules give it today (not the stored registry field). */
  membershipStatus: z.enum(['aktif', 'non_aktif']),
  /** The status with its reason and since when, for the portal to word (id first, en second). */
  membership: membershipOutput,
});

/**
 * "Cek email terdaftar": the logged-in member sees their own registered contacts in full.
 * A member viewing their own profile is not a disclosure to audit.
 */
export const profile = memberProcedure
  .input(z.void())
  .output(profileOutput)
  .query(({ ctx }) => {
    const record = getMemberRecord(ctx.db, ctx.member.memberId);
    if (!record) throw appError('UNAUTHENTICATED');
    const contact = discloseContact({ email: record.email, phone: record.phone }, 'full');
    const now = ctx.clock.now();
    const membership = membershipStatusView(membershipStatusOf(ctx.db, record.memberId, dayOf(now)));
    return {
      fullName: record.fullName,
      kpjNumbers: [...record.kpjNumbers],
      nikMasked: record.nik ? maskNik(record.nik) : '-',
      email: contact.email,
      emailVerified: record.emailVerifiedAt !== null,
      phone: contact.phone,
      phoneVerified: record.phoneVerifiedAt !== null,
      contactsConfirmedAt: record.contactsConfirmedAt,
      contactsNeedReconfirmation: contactsNeedReconfirmation(record.contactsConfirmedAt, now),
      membershipStatus: membership.status,
      membership,
    };
  });
