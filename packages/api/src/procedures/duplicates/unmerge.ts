import { z } from 'zod';
import { appendAudit } from '../../audit/audit-log.js';
import { appError } from '../../errors.js';
import { notifyPersonRecordsChanged } from '../../notices/person-merge-notices.js';
import {
  findActiveMerge,
  findCandidate,
  resolveCandidate,
  unmergePersons,
} from '../../repositories/duplicate-repository.js';
import { transfersTouchingSince } from '../../repositories/jht-repository.js';
import { staffProcedure } from '../../trpc.js';
import { candidateIdInput, DUPLICATE_ROLES, staffReasonInput } from './duplicate-output.js';

/**
 * Undoes a merge exactly: the KPJ numbers and records go back to the person they came from and
 * the item is open again. Refused once a moved KPJ's JHT balance was merged ("penggabungan
 * saldo") after the merge: that money now sits on another card and needs a branch correction.
 * Both records' contacts are told which KPJ numbers each holds again.
 */
export const unmerge = staffProcedure(DUPLICATE_ROLES)
  .input(z.object({ id: candidateIdInput, reason: staffReasonInput }))
  .output(z.object({ ok: z.literal(true), restoredKpjs: z.array(z.string()) }))
  .mutation(({ ctx, input }) => {
    const now = ctx.clock.now();
    // Immediate: the write lock is taken before the item is read, so that another server process
    // undoing it at the same moment makes this one wait and then see the item's new state; deferred,
    // this transaction failed at its first write with "database is locked" (a 500).
    return ctx.db.transaction(
      (tx) => {
        const row = findCandidate(tx, input.id);
        if (!row) throw appError('DUPLICATE_NOT_FOUND');
        const done = findActiveMerge(tx, row.id);
        if (row.state !== 'merged' || !done) throw appError('CONFLICT', 'This item is not merged.');
        const movedKpjs = JSON.parse(done.movedKpjs) as string[];
        if (transfersTouchingSince(tx, movedKpjs, done.mergedAt).length > 0)
          throw appError(
            'CONFLICT',
            'A moved KPJ balance was merged into another KPJ after this merge; it cannot be undone here.',
          );
        unmergePersons(tx, done, ctx.staff.staffId, input.reason, now);
        resolveCandidate(tx, row.id, 'open', null, null, now);
        notifyPersonRecordsChanged(tx, 'person_records_unmerged', [done.keptMemberId, done.mergedMemberId], now);
        for (const memberId of [done.keptMemberId, done.mergedMemberId]) {
          appendAudit(
            tx,
            {
              actorKind: 'staff',
              actorId: String(ctx.staff.staffId),
              action: 'duplicates.unmerged',
              memberId,
              channel: 'cli',
              detail: { candidateId: row.id, restoredKpjs: movedKpjs.join(','), reason: input.reason },
            },
            now,
          );
        }
        return { ok: true as const, restoredKpjs: movedKpjs };
      },
      { behavior: 'immediate' },
    );
  });
