import { z } from 'zod';
import { appendAudit } from '../../audit/audit-log.js';
import { appError } from '../../errors.js';
import { findCandidate, resolveCandidate } from '../../repositories/duplicate-repository.js';
import { staffProcedure } from '../../trpc.js';
import { candidateIdInput, DUPLICATE_ROLES, staffReasonInput } from './duplicate-output.js';

/** Two different people (twins, namesakes, parent and child): later scans leave the pair alone. */
export const dismiss = staffProcedure(DUPLICATE_ROLES)
  .input(z.object({ id: candidateIdInput, reason: staffReasonInput }))
  .output(z.object({ ok: z.literal(true) }))
  .mutation(({ ctx, input }) => {
    const now = ctx.clock.now();
    ctx.db.transaction((tx) => {
      const row = findCandidate(tx, input.id);
      if (!row) throw appError('DUPLICATE_NOT_FOUND');
      if (row.state !== 'open') throw appError('CONFLICT', `This item is already ${row.state}.`);
      resolveCandidate(tx, row.id, 'dismissed', ctx.staff.staffId, input.reason, now);
      appendAudit(
        tx,
        {
          actorKind: 'staff',
          actorId: String(ctx.staff.staffId),
          action: 'duplicates.dismissed',
          memberId: null,
          channel: 'cli',
          detail: {
            candidateId: row.id,
            leftMemberId: row.leftMemberId,
            rightMemberId: row.rightMemberId,
            reason: input.reason,
          },
        },
        now,
      );
    });
    return { ok: true as const };
  });
