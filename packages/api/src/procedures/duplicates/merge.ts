import { z } from 'zod';
import { appendAudit } from '../../audit/audit-log.js';
import { appError } from '../../errors.js';
import { notifyPersonRecordsChanged } from '../../notices/person-merge-notices.js';
import { findCandidate, mergePersons, resolveCandidate } from '../../repositories/duplicate-repository.js';
import { getMemberRecord } from '../../repositories/member-repository.js';
import { staffProcedure } from '../../trpc.js';
import { candidateIdInput, DUPLICATE_ROLES, staffReasonInput } from './duplicate-output.js';

/**
 * Merges a review item's two records into one person: the kept record takes the other's KPJ
 * numbers (their contributions and balances follow the KPJ) and its online account (which now
 * belongs to the kept person: "akun ganda" the member can close). Reversible with `unmerge`. The
 * member hears of it on every registered contact of both records, in the same transaction.
 */
export const merge = staffProcedure(DUPLICATE_ROLES)
  .input(z.object({ id: candidateIdInput, keep: z.enum(['left', 'right']).default('left'), reason: staffReasonInput }))
  .output(z.object({ keptMemberId: z.number(), mergedMemberId: z.number(), movedKpjs: z.array(z.string()) }))
  .mutation(({ ctx, input }) => {
    const now = ctx.clock.now();
    // Immediate: the write lock is taken before the item is read, so that another server process
    // merging at the same moment makes this one wait and then see the item's new state; deferred,
    // this transaction failed at its first write with "database is locked" (a 500).
    return ctx.db.transaction(
      (tx) => {
        const row = findCandidate(tx, input.id);
        if (!row) throw appError('DUPLICATE_NOT_FOUND');
        if (row.state !== 'open') throw appError('CONFLICT', `This item is already ${row.state}.`);
        const [keptId, mergedId] =
          input.keep === 'left' ? [row.leftMemberId, row.rightMemberId] : [row.rightMemberId, row.leftMemberId];
        for (const id of [keptId, mergedId]) {
          const member = getMemberRecord(tx, id);
          if (!member) throw appError('DUPLICATE_NOT_FOUND');
          if (member.mergedIntoMemberId !== null)
            throw appError(
              'CONFLICT',
              `Member ${id} was merged into member ${member.mergedIntoMemberId} meanwhile; review that person instead.`,
            );
        }
        const done = mergePersons(
          tx,
          { candidateId: row.id, keptId, mergedId, staffId: ctx.staff.staffId, reason: input.reason },
          now,
        );
        resolveCandidate(tx, row.id, 'merged', ctx.staff.staffId, input.reason, now);
        const movedKpjs = JSON.parse(done.movedKpjs) as string[];
        notifyPersonRecordsChanged(tx, 'person_records_merged', [keptId, mergedId], now);
        for (const memberId of [keptId, mergedId]) {
          appendAudit(
            tx,
            {
              actorKind: 'staff',
              actorId: String(ctx.staff.staffId),
              action: 'duplicates.merged',
              memberId,
              channel: 'cli',
              detail: {
                candidateId: row.id,
                keptMemberId: keptId,
                mergedMemberId: mergedId,
                movedKpjs: movedKpjs.join(','),
                reason: input.reason,
              },
            },
            now,
          );
        }
        return { keptMemberId: keptId, mergedMemberId: mergedId, movedKpjs };
      },
      { behavior: 'immediate' },
    );
  });
