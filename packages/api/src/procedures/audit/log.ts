import { parseMemberLookupKey } from '@pulih/domain';
import { z } from 'zod';
import { listAuditEntries } from '../../audit/audit-chain.js';
import { appendAudit } from '../../audit/audit-log.js';
import { appError } from '../../errors.js';
import { findMemberIdByLookupKey } from '../../repositories/member-repository.js';
import { staffProcedure } from '../../trpc.js';

export const AUDIT_LOG_MAX_LIMIT = 500;

export const auditLogInput = z
  .object({
    /** KPJ (11 digits) or NIK (16 digits) of the member the entries are about. */
    memberKey: z.string().trim().min(1).max(40).optional(),
    limit: z.number().int().min(1).max(AUDIT_LOG_MAX_LIMIT).default(50),
  })
  .default({ limit: 50 });

export const auditLogOutput = z.array(
  z.object({
    id: z.number().int(),
    at: z.string(),
    actorKind: z.enum(['member', 'staff', 'system', 'anonymous']),
    actorId: z.string().nullable(),
    action: z.string(),
    memberId: z.number().int().nullable(),
    channel: z.string(),
    detail: z.record(z.string(), z.unknown()),
  }),
);

/** Audit entries, newest first; reading them about a member is itself audited. */
export const auditLogList = staffProcedure(['supervisor', 'admin'])
  .input(auditLogInput)
  .output(auditLogOutput)
  .query(({ ctx, input }) => {
    let memberId: number | undefined;
    if (input.memberKey !== undefined) {
      const key = parseMemberLookupKey(input.memberKey);
      if (!key.ok) throw appError('INVALID_INPUT', 'Give an 11-digit KPJ number or a valid 16-digit NIK.');
      memberId = findMemberIdByLookupKey(ctx.db, key.value) ?? undefined;
      if (memberId === undefined) throw appError('MEMBER_NOT_FOUND');
    }
    const entries = listAuditEntries(ctx.db, { memberId, limit: input.limit });
    if (memberId !== undefined) {
      appendAudit(
        ctx.db,
        {
          actorKind: 'staff',
          actorId: String(ctx.staff.staffId),
          action: 'audit.member_log_viewed',
          memberId,
          channel: 'cli',
          detail: { entries: entries.length },
        },
        ctx.clock.now(),
      );
    }
    return entries;
  });
