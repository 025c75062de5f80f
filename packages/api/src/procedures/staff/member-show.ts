import { discloseContact, maskNik, parseMemberLookupKey } from '@pulih/domain';
import { z } from 'zod';
import { appendAudit } from '../../audit/audit-log.js';
import { appError } from '../../errors.js';
import { findMemberIdByLookupKey, getMemberRecord } from '../../repositories/member-repository.js';
import { allStaffRoles, staffProcedure } from '../../trpc.js';

export const memberShowInput = z.object({ key: z.string().trim().min(1).max(40) });
export const memberShowOutput = z.object({
  fullName: z.string(),
  nikMasked: z.string(),
  kpjNumbers: z.array(z.string()),
  birthYear: z.string().nullable(),
  membershipStatus: z.enum(['aktif', 'non_aktif']),
  statusReason: z.string().nullable(),
  hasOnlineAccount: z.boolean(),
  email: z.string().nullable(),
  emailVerified: z.boolean(),
  phone: z.string().nullable(),
  phoneVerified: z.boolean(),
  disclosure: z.literal('masked'),
});

/**
 * Staff look a member up by KPJ or NIK. Outside a verified case the contacts are masked;
 * the look-up itself is audited.
 */
export const memberShow = staffProcedure(allStaffRoles)
  .input(memberShowInput)
  .output(memberShowOutput)
  .query(({ ctx, input }) => {
    const key = parseMemberLookupKey(input.key);
    if (!key.ok) throw appError('INVALID_INPUT', 'Give an 11-digit KPJ number or a valid 16-digit NIK.');
    const memberId = findMemberIdByLookupKey(ctx.db, key.value);
    const record = memberId === null ? null : getMemberRecord(ctx.db, memberId);
    if (!record) throw appError('MEMBER_NOT_FOUND');
    const contact = discloseContact({ email: record.email, phone: record.phone }, 'masked');
    appendAudit(
      ctx.db,
      {
        actorKind: 'staff',
        actorId: String(ctx.staff.staffId),
        action: 'member.viewed',
        memberId: record.memberId,
        channel: 'cli',
        detail: { lookupKind: key.value.kind, disclosure: 'masked' },
      },
      ctx.clock.now(),
    );
    return {
      fullName: record.fullName,
      nikMasked: record.nik ? maskNik(record.nik) : '-',
      kpjNumbers: [...record.kpjNumbers],
      birthYear: record.birthDate?.slice(0, 4) ?? null,
      membershipStatus: record.status,
      statusReason: record.statusReason,
      hasOnlineAccount: record.hasOnlineAccount,
      email: contact.email,
      emailVerified: record.emailVerifiedAt !== null,
      phone: contact.phone,
      phoneVerified: record.phoneVerifiedAt !== null,
      disclosure: 'masked' as const,
    };
  });
