import { maskEmail, maskPhone } from '@pulih/domain';
import { z } from 'zod';
import { appendAudit } from '../../audit/audit-log.js';
import { appError } from '../../errors.js';
import { findAccountByMemberId } from '../../repositories/account-repository.js';
import { findActiveMerge, findCandidate, reasonsOf } from '../../repositories/duplicate-repository.js';
import { getMemberRecord } from '../../repositories/member-repository.js';
import { staffProcedure } from '../../trpc.js';
import { candidateIdInput, DUPLICATE_ROLES, duplicateReasonOutput } from './duplicate-output.js';

const sideOutput = z.object({
  memberId: z.number(),
  fullName: z.string(),
  nik: z.string().nullable(),
  birthDate: z.string().nullable(),
  sex: z.enum(['L', 'P']).nullable(),
  kpjNumbers: z.array(z.string()),
  emailMasked: z.string().nullable(),
  phoneMasked: z.string().nullable(),
  accountId: z.number().nullable(),
  accountState: z.string().nullable(),
  mergedIntoMemberId: z.number().nullable(),
});

/**
 * Both records of a review item side by side, with the engine's reasons. The reviewer sees the
 * identity fields in full (they must compare them) but contacts only masked and never the
 * mother's name (the reasons say whether it agrees); each record's viewing is audited.
 */
export const show = staffProcedure(DUPLICATE_ROLES)
  .input(z.object({ id: candidateIdInput }))
  .output(
    z.object({
      id: z.number(),
      score: z.number(),
      decision: z.enum(['match', 'review']),
      state: z.enum(['open', 'merged', 'dismissed']),
      resolutionReason: z.string().nullable(),
      left: sideOutput,
      right: sideOutput,
      reasons: z.array(duplicateReasonOutput),
      merge: z.object({ keptMemberId: z.number(), mergedAt: z.string() }).nullable(),
    }),
  )
  .query(({ ctx, input }) => {
    const row = findCandidate(ctx.db, input.id);
    if (!row) throw appError('DUPLICATE_NOT_FOUND');
    const now = ctx.clock.now();
    const side = (memberId: number) => {
      const member = getMemberRecord(ctx.db, memberId);
      if (!member) throw appError('DUPLICATE_NOT_FOUND');
      const account = findAccountByMemberId(ctx.db, memberId);
      appendAudit(
        ctx.db,
        {
          actorKind: 'staff',
          actorId: String(ctx.staff.staffId),
          action: 'duplicates.viewed',
          memberId,
          channel: 'cli',
          detail: { candidateId: row.id, role: ctx.staff.role },
        },
        now,
      );
      return {
        memberId,
        fullName: member.fullName,
        nik: member.nik,
        birthDate: member.birthDate,
        sex: member.sex,
        kpjNumbers: [...member.kpjNumbers],
        emailMasked: member.email ? maskEmail(member.email) : null,
        phoneMasked: member.phone ? maskPhone(member.phone) : null,
        accountId: account?.id ?? null,
        accountState: account?.state ?? null,
        mergedIntoMemberId: member.mergedIntoMemberId,
      };
    };
    const merge = findActiveMerge(ctx.db, row.id);
    return {
      id: row.id,
      score: row.score,
      decision: row.decision,
      state: row.state,
      resolutionReason: row.resolutionReason,
      left: side(row.leftMemberId),
      right: side(row.rightMemberId),
      reasons: reasonsOf(row),
      merge: merge ? { keptMemberId: merge.keptMemberId, mergedAt: merge.mergedAt } : null,
    };
  });
