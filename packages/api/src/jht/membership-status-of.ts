import {
  type MembershipFacts,
  type MembershipStatus,
  type MembershipStatusReason,
  membershipStatusOn,
  type Participation,
} from '@pulih/domain';
import type { Db } from '../db/database.js';
import { personBirthDateOf, personMembershipFactsOf } from '../repositories/jht-repository.js';
import { figuresOf } from './stored-statements.js';

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
 * the person's KPJ numbers, and every month paid on any of them by that day (from the cards'
 * stored statements where they hold for the day, `stored-statements.ts`).
 *
 * The registry holds no death date and no civil-registry (Dukcapil) check yet, so `died` and
 * `data_mismatch` cannot arise from it; they come in here once the registry has them.
 */
export function membershipStatusOf(db: Db, memberId: number, asOf: string): MembershipStatus {
  return membershipStatusOn(membershipFactsOf(db, memberId, asOf), asOf);
}

/** The facts `membershipStatusOf` judges, as of `asOf` (months paid by that day). */
export function membershipFactsOf(db: Db, memberId: number, asOf: string): MembershipFacts {
  const facts = personMembershipFactsOf(db, memberId);
  const figures = figuresOf(db, facts.cards, asOf);
  // The months of every card together; the domain takes them in any order, a month paid on two
  // cards counting once. (`concat`, not `flatMap`: V8's flatMap took ~10 µs for 130 months.)
  const paidPeriods = figures.reduce<readonly string[]>((all, f) => all.concat(f.paidPeriods), []);
  const participations: Participation[] = facts.participations.map((p) => ({
    kpj: p.kpj,
    npp: p.npp ?? '',
    segment: p.segment,
    startedOn: p.startedOn,
    endedOn: p.endedOn,
    endReason: p.endReason,
  }));
  return {
    birthDate: facts.birthDate === undefined ? personBirthDateOf(db, memberId) : facts.birthDate,
    diedOn: null,
    dataMismatch: false,
    participations,
    paidPeriods,
  };
}

/** The status as clients see it: no list of missing months (that is for notices). */
export function membershipStatusView(status: MembershipStatus): {
  status: MembershipStatus['status'];
  reason: MembershipStatusReason;
  since: string | null;
} {
  return { status: status.status, reason: status.reason, since: status.since };
}
