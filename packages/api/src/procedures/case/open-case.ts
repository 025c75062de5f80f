import {
  decideRecovery,
  type Evidence,
  parseKpj,
  parseNik,
  type RecoveryDecision,
  type RecoveryIntent,
} from '@pulih/domain';
import { appendAudit } from '../../audit/audit-log.js';
import type { Db } from '../../db/database.js';
import type { StaffRole } from '../../db/schema.js';
import { appError } from '../../errors.js';
import {
  type AccountRow,
  accountStateForRecovery,
  findAccountByMemberId,
  requireMemberRecord,
} from '../../repositories/account-repository.js';
import { type CaseRow, evidenceOf, findCase } from '../../repositories/case-repository.js';
import { findMemberIdByLookupKey, getMemberRecord, type MemberRecord } from '../../repositories/member-repository.js';
import type { StaffIdentity } from '../../repositories/session-repository.js';
import { failedChecksToday } from '../../security/failed-verifications.js';

/**
 * The member whose KPJ the staff member typed, with the NIK parsed; a malformed number is a
 * clear INVALID_INPUT, an unknown KPJ simply no member.
 */
export function findMemberForCase(
  db: Db,
  kpjRaw: string,
  nikRaw: string,
): { member: MemberRecord | null; nik: string } {
  const kpj = parseKpj(kpjRaw);
  const nik = parseNik(nikRaw);
  if (!kpj.ok || !nik.ok) throw appError('INVALID_INPUT', 'Give the 11-digit KPJ and the 16-digit NIK.');
  const memberId = findMemberIdByLookupKey(db, { kind: 'kpj', kpj: kpj.value });
  return { member: memberId === null ? null : getMemberRecord(db, memberId), nik: nik.value.nik };
}

export interface OpenCase {
  readonly row: CaseRow;
  readonly member: MemberRecord;
  readonly account: AccountRow | null;
  readonly evidence: Evidence[];
}

/**
 * Loads a passed, open case for the staff member who opened it (a supervisor may act on any).
 * Another staff member's case is "not found", so case ids cannot be probed.
 */
export function loadOpenCase(db: Db, staff: StaffIdentity, caseId: string, now: Date): OpenCase {
  const row = findCase(db, caseId);
  if (!row || (row.staffId !== staff.staffId && staff.role !== 'supervisor')) throw appError('CASE_NOT_FOUND');
  if (row.outcome !== 'passed' || row.memberId === null) throw appError('CASE_NOT_FOUND');
  if (row.closedAt !== null || Date.parse(row.expiresAt) <= now.getTime()) throw appError('CASE_EXPIRED');
  return {
    row,
    member: requireMemberRecord(db, row.memberId),
    account: findAccountByMemberId(db, row.memberId),
    evidence: evidenceOf(row),
  };
}

/** What the recovery policy allows within a case, for one intent. */
export function decideInCase(
  db: Db,
  secret: string,
  open: OpenCase,
  intent: RecoveryIntent,
  now: Date,
): RecoveryDecision {
  return decideRecovery({
    intent,
    channel: open.row.channel,
    evidence: open.evidence,
    member: {
      hasRegisteredEmail: open.member.email !== null,
      hasRegisteredPhone: open.member.phone !== null,
      accountState: accountStateForRecovery(open.account),
      failedKnowledgeChecksToday: failedChecksToday(db, secret, open.member.memberId, now),
    },
  });
}

/** Throws FORBIDDEN with the policy's reasons when the decision does not allow the intent. */
export function requireAllowed(decision: RecoveryDecision): void {
  if (!decision.allowed) {
    throw appError('FORBIDDEN', `The recovery policy does not allow this: ${decision.reasons.join(', ')}.`);
  }
}

export function auditCaseAction(
  db: Db,
  staff: StaffIdentity,
  open: Pick<OpenCase, 'row'>,
  action: string,
  detail: Record<string, string | number | boolean | null>,
  now: Date,
): void {
  appendAudit(
    db,
    {
      actorKind: 'staff',
      actorId: String(staff.staffId),
      action,
      memberId: open.row.memberId,
      channel: 'cli',
      detail: { caseId: open.row.id, caseChannel: open.row.channel, ...detail },
    },
    now,
  );
}

export const CALL_CENTER_ROLES: readonly StaffRole[] = ['call_center_agent', 'supervisor'];
export const BRANCH_ROLES: readonly StaffRole[] = ['branch_officer', 'supervisor'];
export const CASE_ROLES: readonly StaffRole[] = ['call_center_agent', 'branch_officer', 'supervisor'];
