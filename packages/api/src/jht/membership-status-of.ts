import {
  type MembershipStatus,
  type MembershipStatusReason,
  membershipStatusOn,
  type Participation,
} from '@pulih/domain';
import type { Db } from '../db/database.js';
import { memberIdsOfPerson, personIdOf } from '../repositories/duplicate-repository.js';
import { jhtContributionsOf, kpjCardsOf, participationsOf } from '../repositories/jht-repository.js';
import { getMemberRecord } from '../repositories/member-repository.js';

/** Every reason the domain gives, for output schemas; a new reason in the domain fails to compile here. */
export const membershipStatusReasons = [
  'contributing',
  'awaiting_first_contribution',
  'no_contribution_3_months',
  'never_contributed',
  'employment_ended',
  'no_participation',
  'age_56',
  'died',
  'data_mismatch',
] as const satisfies readonly MembershipStatusReason[];

type UnlistedReason = Exclude<MembershipStatusReason, (typeof membershipStatusReasons)[number]>;
/** Fails to compile when the domain gains a reason this list does not have. */
export const everyMembershipReasonListed: [UnlistedReason] extends [never] ? true : never = true;

/**
 * The membership status of the member's person (the record and every record merged into it) on
 * `asOf`, from the rules rather than the stored `members.status`: every participation on any of
 * the person's KPJ numbers, and every month paid on any of them by that day.
 *
 * The registry holds no death date and no civil-registry (Dukcapil) check yet, so `died` and
 * `data_mismatch` cannot arise from it; they come in here once the registry has them.
 */
export function membershipStatusOf(db: Db, memberId: number, asOf: string): MembershipStatus {
  const personId = personIdOf(db, memberId);
  const cards = kpjCardsOf(db, memberIdsOfPerson(db, personId));
  const kpjs = cards.map((c) => c.kpj);
  const participations: Participation[] = participationsOf(db, kpjs).map((p) => ({
    kpj: p.kpj,
    npp: p.npp ?? '',
    segment: p.segment,
    startedOn: p.startedOn,
    endedOn: p.endedOn,
    endReason: p.endReason,
  }));
  const paidPeriods = new Set<string>();
  for (const kpj of kpjs) {
    for (const c of jhtContributionsOf(db, kpj)) if (c.paidAt !== null && c.paidAt <= asOf) paidPeriods.add(c.period);
  }
  const person = getMemberRecord(db, personId);
  return membershipStatusOn(
    {
      birthDate: person?.birthDate ?? null,
      diedOn: null,
      dataMismatch: false,
      participations,
      paidPeriods: [...paidPeriods].sort(),
    },
    asOf,
  );
}

/** The status as clients see it: no list of missing months (that is for notices). */
export function membershipStatusView(status: MembershipStatus): {
  status: MembershipStatus['status'];
  reason: MembershipStatusReason;
  since: string | null;
} {
  return { status: status.status, reason: status.reason, since: status.since };
}
