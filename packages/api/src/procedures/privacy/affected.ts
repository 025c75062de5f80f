import { z } from 'zod';
import { appendAudit } from '../../audit/audit-log.js';
import { findAffectedMembers } from '../../privacy/breach.js';
import { staffProcedure } from '../../trpc.js';
import { filtersInput, PRIVACY_ROLES, staffFilterOf } from './privacy-input.js';

export const affectedMemberOutput = z.object({
  memberId: z.number(),
  fullName: z.string(),
  kpjMasked: z.array(z.string()),
  reads: z.number(),
  firstAt: z.string(),
  lastAt: z.string(),
  actions: z.array(z.string()),
  channels: z.array(z.string()),
});

/**
 * Breach response: the members whose data was read or disclosed in a window (from the audit log,
 * the disclosure actions of `privacy/disclosure-actions.ts`), narrowed by staff user, channel or
 * action. Listing them is itself audited.
 */
export const affected = staffProcedure(PRIVACY_ROLES)
  .input(filtersInput)
  .output(z.object({ since: z.string(), until: z.string(), members: z.array(affectedMemberOutput) }))
  .query(({ ctx, input }) => {
    const now = ctx.clock.now();
    const filters = {
      since: input.since,
      until: input.until ?? now.toISOString(),
      staffId: staffFilterOf(ctx.db, input),
      channel: input.channel ?? null,
      actionPrefix: input.actionPrefix ?? null,
    };
    const members = findAffectedMembers(ctx.db, filters);
    appendAudit(
      ctx.db,
      {
        actorKind: 'staff',
        actorId: String(ctx.staff.staffId),
        action: 'privacy.affected_listed',
        memberId: null,
        channel: 'cli',
        detail: { ...filters, members: members.length },
      },
      now,
    );
    return { since: filters.since, until: filters.until, members };
  });
