import {
  assessJhtClaim,
  DEFAULT_JHT_SETTINGS,
  type JhtClaimAssessment,
  type JhtClaimReason,
  type Participation,
} from '@pulih/domain';
import type { Db } from '../db/database.js';
import { kpjBalancesOf } from '../jht/kpj-balances.js';
import { hasOpenClaim, hasPaidPartialClaim } from '../repositories/claim-repository.js';
import { memberIdsOfPerson, personIdOf } from '../repositories/duplicate-repository.js';
import { participationsOf } from '../repositories/jht-repository.js';
import type { MemberRecord } from '../repositories/member-repository.js';

export interface ClaimAssessment extends JhtClaimAssessment {
  /** The KPJ number the claim is paid from: the member's open card with the largest balance. */
  readonly kpj: string | null;
  readonly balance: number;
}

/**
 * Everything the claim rules need about a member's person, loaded from the database, judged by
 * the domain as of `today`: the claimed KPJ, its balance, the other cards still holding money
 * (merge first), every participation, earlier partial claims and a claim already in progress.
 */
export function assessClaimOf(
  db: Db,
  member: Pick<MemberRecord, 'memberId' | 'birthDate'>,
  request: { reason: JhtClaimReason; claimant: 'member' | 'heir'; hasNpwp: boolean },
  today: string,
): ClaimAssessment {
  const memberIds = memberIdsOfPerson(db, personIdOf(db, member.memberId));
  const cards = kpjBalancesOf(db, member.memberId, today).filter((card) => card.mergedIntoKpj === null);
  const claimed = [...cards].sort((a, b) => b.statement.balance - a.statement.balance || (a.isActive ? -1 : 1))[0];
  const participations: Participation[] = participationsOf(
    db,
    cards.map((card) => card.kpj),
  ).map((row) => ({
    kpj: row.kpj,
    npp: row.npp ?? '',
    segment: row.segment,
    startedOn: row.startedOn,
    endedOn: row.endedOn,
    endReason: row.endReason,
  }));
  const firstMembershipOn = [
    ...participations.map((p) => p.startedOn),
    ...cards.map((card) => card.registeredAt.slice(0, 10)),
  ].sort()[0];
  const balance = claimed?.statement.balance ?? 0;
  const assessment = assessJhtClaim(
    {
      reason: request.reason,
      asOf: today,
      birthDate: member.birthDate,
      participations,
      balance,
      firstMembershipOn: firstMembershipOn ?? today,
      previousPartialClaim: hasPaidPartialClaim(db, memberIds),
      pendingClaimSameReason: hasOpenClaim(db, member.memberId, request.reason),
      hasNpwp: request.hasNpwp,
      unmergedKpjCount: cards.filter((card) => card !== claimed && card.statement.balance > 0).length,
      employerReportedEnd: participations.some((p) => p.endedOn !== null && p.endedOn <= today),
      claimant: request.claimant,
    },
    DEFAULT_JHT_SETTINGS,
  );
  return { ...assessment, kpj: claimed?.kpj ?? null, balance };
}
