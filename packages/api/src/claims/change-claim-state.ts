import { approverNeeded, claimActionFrom, type JhtClaimAction, nextClaimState } from '@pulih/domain';
import { appendAudit } from '../audit/audit-log.js';
import type { Db } from '../db/database.js';
import { appError } from '../errors.js';
import { type ClaimRow, findClaim, recordClaimEvent, transitionClaim } from '../repositories/claim-repository.js';
import type { StaffIdentity } from '../repositories/session-repository.js';
import { noticeClaimState } from './claim-notice.js';

export interface ClaimStateChange {
  readonly claimId: string;
  readonly action: JhtClaimAction;
  /** Required to reject (told to the member); optional otherwise. */
  readonly note: string | null;
  /** Required to pay: the bank transfer's reference. */
  readonly paymentReference: string | null;
}

/**
 * Staff move a claim one step: verify, approve, reject or pay. The step must be allowed from the
 * claim's current state (domain), approving a claim above the online limit needs a supervisor,
 * and the update is conditional on the state read, so two officers acting at once cannot both
 * win. The member is told of every change, on the channels they chose.
 */
export function changeClaimState(db: Db, staff: StaffIdentity, change: ClaimStateChange, now: Date): ClaimRow {
  return db.transaction(
    (tx) => {
      const claim = findClaim(tx, change.claimId);
      if (!claim) throw appError('CLAIM_NOT_FOUND');
      const next = nextClaimState(claim.state, change.action);
      if (!next.ok)
        throw appError('CLAIM_STATE_CHANGED', `The claim is ${claim.state}; it cannot be ${change.action}d now.`);
      const limit = (JSON.parse(claim.assessment) as { onlineClaimLimit: number }).onlineClaimLimit;
      if (
        change.action === 'approve' &&
        approverNeeded(claim.gross, limit) === 'supervisor' &&
        staff.role !== 'supervisor'
      ) {
        throw appError('FORBIDDEN', 'A claim above the online limit is approved by a supervisor.');
      }
      if (change.action === 'reject' && !change.note)
        throw appError('INVALID_INPUT', 'Give the reason for the rejection.');
      if (change.action === 'pay' && !change.paymentReference) {
        throw appError('INVALID_INPUT', 'Give the reference of the bank transfer.');
      }
      const state = next.value;
      const decided = change.action === 'approve' || change.action === 'reject';
      const moved = transitionClaim(tx, claim.id, claimActionFrom(change.action), {
        state,
        finished: state === 'rejected' || state === 'paid',
        updatedAt: now.toISOString(),
        ...(decided
          ? { decidedAt: now.toISOString(), decidedByStaffId: staff.staffId, decisionReason: change.note }
          : {}),
        ...(change.action === 'pay'
          ? { paidOn: now.toISOString().slice(0, 10), paymentReference: change.paymentReference }
          : {}),
      });
      if (!moved) throw appError('CLAIM_STATE_CHANGED');
      recordClaimEvent(tx, {
        claimId: claim.id,
        at: now.toISOString(),
        state,
        actorKind: 'staff',
        actorId: String(staff.staffId),
        note: change.note,
      });
      appendAudit(
        tx,
        {
          actorKind: 'staff',
          actorId: String(staff.staffId),
          action: `jht.claim_${state}`,
          memberId: claim.memberId,
          channel: 'cli',
          detail: { claimId: claim.id, from: claim.state, to: state, reference: change.paymentReference },
        },
        now,
      );
      const updated = findClaim(tx, claim.id) as ClaimRow;
      noticeClaimState(tx, updated, now);
      return updated;
    },
    { behavior: 'immediate' },
  );
}
