import type { Db } from '../db/database.js';
import { sendJhtNotice } from '../notices/jht-notices.js';
import { findAccountByMemberId, requireMemberRecord } from '../repositories/account-repository.js';
import type { ClaimRow } from '../repositories/claim-repository.js';

/** Tells the member a claim changed state, on the channels chosen for claim notices. */
export function noticeClaimState(db: Db, claim: ClaimRow, now: Date): void {
  const member = requireMemberRecord(db, claim.memberId);
  const locale = findAccountByMemberId(db, claim.memberId)?.locale ?? 'id';
  sendJhtNotice(
    db,
    member,
    {
      topic: 'claim_state',
      subject: `${claim.id}:${claim.state}`,
      template: 'claim_state_changed',
      data: {
        reference: claim.id,
        claimState: claim.state,
        claimReason: claim.reason,
        amount: claim.net,
        ...(claim.decisionReason ? { decisionNote: claim.decisionReason } : {}),
      },
    },
    locale,
    now,
  );
}
