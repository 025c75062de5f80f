import { checkClaimBankAccount, type JhtClaimReason, parseNik } from '@pulih/domain';
import { type AuditEntry, appendAudit } from '../audit/audit-log.js';
import type { Db } from '../db/database.js';
import type { ServerConfig } from '../env.js';
import { appError } from '../errors.js';
import { requireMemberRecord } from '../repositories/account-repository.js';
import {
  attachDocuments,
  type ClaimRow,
  documentsOfClaim,
  findClaimDocument,
  insertClaim,
  openKeyOf,
  recordClaimEvent,
} from '../repositories/claim-repository.js';
import { sealSecret } from '../security/secret-box.js';
import { assessClaimOf } from './assess-claim.js';
import { retentionEndOf } from './claim-documents.js';
import { noticeClaimState } from './claim-notice.js';
import { newReference } from './claim-reference.js';

export interface Heir {
  readonly fullName: string;
  readonly nik: string;
  readonly relation: string;
}

export interface ClaimSubmission {
  readonly memberId: number;
  readonly reason: JhtClaimReason;
  /** Set for a claim after the member's death; the heir is the claimant. */
  readonly heir: Heir | null;
  readonly npwp: string | null;
  readonly bank: { bankCode: string; accountNumber: string; holderName: string };
  readonly documentIds: readonly string[];
  readonly submittedVia: 'web' | 'branch_counter';
  readonly caseId: string | null;
  readonly actor: Pick<AuditEntry, 'actorKind' | 'actorId' | 'channel'>;
}

/**
 * Submits a JHT claim. In one immediate transaction: judged by the rules as of today (a claim
 * that is not eligible is refused with its reasons), the web refuses what must go to a branch,
 * the bank account must be the claimant's own, every required document must be attached, and
 * the unique open key lets exactly one of any number of concurrent submissions land.
 */
export function submitClaim(db: Db, config: ServerConfig, submission: ClaimSubmission, now: Date): ClaimRow {
  const today = now.toISOString().slice(0, 10);
  return db.transaction(
    (tx) => {
      const member = requireMemberRecord(tx, submission.memberId);
      const claimant = submission.heir ? 'heir' : 'member';
      if (submission.heir && !parseNik(submission.heir.nik).ok) {
        throw appError('INVALID_INPUT', "The heir's NIK must be 16 digits.");
      }
      const assessment = assessClaimOf(
        tx,
        member,
        { reason: submission.reason, claimant, hasNpwp: submission.npwp !== null },
        today,
      );
      if (assessment.blockers.includes('claim_in_progress')) throw appError('CLAIM_IN_PROGRESS');
      if (!assessment.eligible || assessment.kpj === null) {
        throw appError('CLAIM_NOT_ELIGIBLE', undefined, { reasons: assessment.blockers });
      }
      if (submission.submittedVia === 'web' && assessment.channel === 'branch') throw appError('CLAIM_AT_BRANCH');
      const bank = checkClaimBankAccount(submission.bank, submission.heir?.fullName ?? member.fullName);
      if (!bank.ok) {
        throw appError(
          'INVALID_INPUT',
          bank.error === 'NOT_OWN_NAME'
            ? "The bank account must be in the claimant's own name."
            : 'Check the bank and the account number.',
          { reasons: [bank.error] },
        );
      }
      const kinds = new Set(
        submission.documentIds.map((id) => {
          const document = findClaimDocument(tx, id);
          if (!document || document.memberId !== member.memberId || document.claimId !== null) {
            throw appError('DOCUMENT_NOT_FOUND');
          }
          return document.kind;
        }),
      );
      const missing = assessment.documents.filter((kind) => !kinds.has(kind));
      if (missing.length > 0) throw appError('DOCUMENTS_MISSING', undefined, { reasons: missing });

      const key = config.documents.key;
      const claim: ClaimRow = {
        id: newReference('KLM'),
        memberId: member.memberId,
        kpj: assessment.kpj,
        reason: submission.reason,
        claimant,
        heirEncrypted: submission.heir ? sealSecret(key, JSON.stringify(submission.heir)) : null,
        submittedVia: submission.submittedVia,
        caseId: submission.caseId,
        state: 'submitted',
        openKey: openKeyOf(member.memberId, submission.reason),
        gross: assessment.gross,
        tax: assessment.tax,
        net: assessment.net,
        needsSupervisor: assessment.gross > assessment.onlineClaimLimit,
        assessment: JSON.stringify(assessment),
        bankCode: bank.value.bankCode,
        bankAccountEncrypted: sealSecret(key, bank.value.accountNumber),
        bankAccountLast4: bank.value.accountNumber.slice(-4),
        bankAccountHolder: bank.value.holderName,
        npwpEncrypted: submission.npwp ? sealSecret(key, submission.npwp) : null,
        submittedAt: now.toISOString(),
        decidedAt: null,
        decidedByStaffId: null,
        decisionReason: null,
        paidOn: null,
        paymentReference: null,
        updatedAt: now.toISOString(),
      };
      if (!insertClaim(tx, claim)) throw appError('CLAIM_IN_PROGRESS');
      attachDocuments(tx, claim.id, member.memberId, submission.documentIds, retentionEndOf(config.documents, today));
      if (documentsOfClaim(tx, claim.id).length !== new Set(submission.documentIds).size) {
        throw appError('DOCUMENT_NOT_FOUND');
      }
      recordClaimEvent(tx, {
        claimId: claim.id,
        at: now.toISOString(),
        state: 'submitted',
        actorKind: submission.actor.actorKind === 'staff' ? 'staff' : 'member',
        actorId: submission.actor.actorId,
        note: null,
      });
      appendAudit(
        tx,
        {
          ...submission.actor,
          action: 'jht.claim_submitted',
          memberId: member.memberId,
          detail: {
            claimId: claim.id,
            reason: claim.reason,
            claimant,
            gross: claim.gross,
            documents: submission.documentIds.length,
            caseId: submission.caseId,
          },
        },
        now,
      );
      noticeClaimState(tx, claim, now);
      return claim;
    },
    { behavior: 'immediate' },
  );
}
