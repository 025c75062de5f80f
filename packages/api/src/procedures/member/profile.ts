import { contactsNeedReconfirmation, contactsReconfirmationDueAt, discloseContact, maskNik } from '@pulih/domain';
import { z } from 'zod';
import type { Db } from '../../db/database.js';
import { appError } from '../../errors.js';
import { membershipStatusOf, membershipStatusView } from '../../jht/membership-status-of.js';
import { type ComputedView, nextUtcMidnight, servedMemberView } from '../../member-views/member-views.js';
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

type Profile = z.infer<typeof profileOutput>;

/**
 * "Cek email terdaftar": the logged-in member sees their own registered contacts in full.
 * A member viewing their own profile is not a disclosure to audit. Served from a stored view
 * (`member-views/`): one row per request while nothing in it changes.
 */
export const profile = memberProcedure
  .meta({ memberView: 'profile' })
  .input(z.void())
  .output(profileOutput)
  .query(({ ctx }) =>
    servedMemberView(ctx, 'profile', profileOutput, (now) => profileOf(ctx.db, ctx.member.memberId, now)),
  );

/**
 * The profile of a member record at `now`, and until when it holds: the UTC day (the membership
 * status is drawn as of the day), or until the contacts fall due for reconfirmation if sooner.
 */
function profileOf(db: Db, memberId: number, now: Date): ComputedView<Profile> {
  const record = getMemberRecord(db, memberId);
  if (!record) throw appError('UNAUTHENTICATED');
  const contact = discloseContact({ email: record.email, phone: record.phone }, 'full');
  const membership = membershipStatusView(membershipStatusOf(db, record.memberId, dayOf(now)));
  const midnight = nextUtcMidnight(now);
  const dueAt = contactsReconfirmationDueAt(record.contactsConfirmedAt);
  const value: Profile = {
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
  const validUntil = dueAt !== null && dueAt > now.toISOString() && dueAt < midnight ? dueAt : midnight;
  return { value, validUntil };
}
