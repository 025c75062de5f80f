import { and, desc, eq, inArray, like, or } from 'drizzle-orm';
import { z } from 'zod';
import { auditLog, staffUsers } from '../../db/schema.js';
import { memberProcedure } from '../../trpc.js';

/** Audit actions that show who saw or touched the member's data, for the member to review. */
const EXACT_ACTIONS = [
  'member.viewed',
  'contact.disclosed',
  'account.frozen',
  'audit.member_log_viewed',
  'jht.balance_disclosed',
  'jht.claim_viewed',
  'jht.claim_document_read',
  'privacy.data_exported',
  'privacy.breach_notice_queued',
];
const ACTION_PREFIXES = [
  'recovery.',
  'password_reset.',
  'email_change.',
  'phone_change.',
  'registration.',
  'case.',
  'corrections.',
];

export const accessHistoryOutput = z.object({
  entries: z.array(
    z.object({
      at: z.string(),
      action: z.string(),
      channel: z.string(),
      actor: z.enum(['member', 'staff', 'system', 'anonymous']),
      staffRole: z.string().nullable(),
      /** The branch office of the staff member, when they work at one. */
      staffBranch: z.string().nullable(),
      disclosure: z.string().nullable(),
      reason: z.string().nullable(),
    }),
  ),
});

/**
 * "Riwayat akses": every disclosure of the member's contact data and every recovery action,
 * newest first: when, through which channel, by which staff role and branch, at which level, and why.
 * Staff are shown by role only, never by name.
 */
export const accessHistory = memberProcedure
  .input(z.object({ limit: z.number().int().min(1).max(200).default(100) }).default({ limit: 100 }))
  .output(accessHistoryOutput)
  .query(({ ctx, input }) => {
    const rows = ctx.db
      .select({
        at: auditLog.at,
        action: auditLog.action,
        channel: auditLog.channel,
        actorKind: auditLog.actorKind,
        detail: auditLog.detail,
        staffRole: staffUsers.role,
        staffBranch: staffUsers.branchCode,
      })
      .from(auditLog)
      .leftJoin(staffUsers, and(eq(auditLog.actorKind, 'staff'), eq(auditLog.actorId, staffUsers.id)))
      .where(
        and(
          eq(auditLog.memberId, ctx.member.memberId),
          or(
            inArray(auditLog.action, EXACT_ACTIONS),
            ...ACTION_PREFIXES.map((prefix) => like(auditLog.action, `${prefix}%`)),
          ),
        ),
      )
      .orderBy(desc(auditLog.id))
      .limit(input.limit)
      .all();
    return {
      entries: rows.map((row) => {
        const detail = JSON.parse(row.detail) as Record<string, unknown>;
        const text = (value: unknown) => (typeof value === 'string' ? value : null);
        return {
          at: row.at,
          action: row.action,
          channel: row.channel,
          actor: row.actorKind,
          staffRole: row.staffRole ?? null,
          staffBranch: row.staffBranch ?? null,
          disclosure: text(detail.level) ?? text(detail.disclosure),
          reason: text(detail.reason),
        };
      }),
    };
  });
