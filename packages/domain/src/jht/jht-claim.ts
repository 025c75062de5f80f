import type { IsoDate } from '../calendar.js';
import { addMonthsToDate, anniversaryOf, maxDate, minDate, requireIsoDate } from './jht-dates.js';
import { mulDivFloor, requireRupiah } from './jht-money.js';
import { DEFAULT_JHT_SETTINGS, type JhtSettings, valueOn } from './jht-settings.js';
import { computeJhtTax, type JhtTaxLine } from './jht-tax.js';
import { isParticipationOpenOn, type Participation } from './participation.js';

export type JhtClaimReason =
  | 'age_56'
  | 'resignation'
  | 'phk'
  | 'contract_end'
  | 'disability'
  | 'death'
  | 'leaving_indonesia'
  /** Partial claim for retirement preparation (up to 10%), once in a lifetime. */
  | 'partial_10'
  /** Partial claim for housing (up to 30%), once in a lifetime. */
  | 'partial_30';

export const JHT_CLAIM_REASONS: readonly JhtClaimReason[] = [
  'age_56',
  'resignation',
  'phk',
  'contract_end',
  'disability',
  'death',
  'leaving_indonesia',
  'partial_10',
  'partial_30',
];

export interface JhtClaimInput {
  readonly reason: JhtClaimReason;
  /** The day the claim is assessed (submitted, or looked at in the wizard). */
  readonly asOf: IsoDate;
  readonly birthDate: IsoDate | null;
  readonly participations: readonly Participation[];
  /** The balance of the KPJ claimed, in whole rupiah. */
  readonly balance: number;
  /** The start of membership, for the years a partial claim needs. */
  readonly firstMembershipOn: IsoDate;
  /** A partial claim (10% or 30%) was paid before: there is one in a lifetime. */
  readonly previousPartialClaim: boolean;
  /** Another claim for the same reason has been submitted and not finished. */
  readonly pendingClaimSameReason: boolean;
  readonly hasNpwp: boolean;
  /** KPJ numbers of the member, other than the one claimed, that still hold a balance. */
  readonly unmergedKpjCount: number;
  /** The employer has reported the member as no longer employed (needed for resignation and PHK). */
  readonly employerReportedEnd: boolean;
  readonly claimant: 'member' | 'heir';
}

/** Every blocker, in the order they are listed in an assessment. */
export const JHT_CLAIM_BLOCKERS = [
  'claimant_must_be_heir',
  'claimant_must_be_member',
  'claim_in_progress',
  'partial_already_taken',
  'merge_kpj_first',
  /** Age 56 cannot be judged without a birth date: the member's data needs fixing first. */
  'birth_date_unknown',
  'under_retirement_age',
  'employment_not_ended_by_employer',
  'still_employed',
  /** The employer reported the end of employment with another reason than the one claimed. */
  'end_reason_mismatch',
  'waiting_period',
  /** A partial claim is made while still working. */
  'not_employed',
  'membership_under_10_years',
  'no_balance',
  'npwp_required',
] as const;
export type JhtClaimBlocker = (typeof JHT_CLAIM_BLOCKERS)[number];

/** Every document, in the order they are listed in an assessment. */
export const JHT_CLAIM_DOCUMENTS = [
  'ktp',
  'kpj_card',
  'paklaring',
  'phk_proof',
  'doctor_certificate',
  'death_certificate',
  'family_card',
  'heir_ktp',
  'passport_visa',
  'npwp',
  'bank_book',
] as const;
export type JhtClaimDocument = (typeof JHT_CLAIM_DOCUMENTS)[number];

export interface JhtClaimAssessment {
  /** True exactly when there are no blockers. */
  readonly eligible: boolean;
  readonly blockers: readonly JhtClaimBlocker[];
  /**
   * The first day on or after `asOf` on which the claim is eligible if nothing but the date changes
   * (`asOf` itself when eligible now); null when waiting alone never makes it eligible.
   */
  readonly earliestEligibleOn: IsoDate | null;
  readonly documents: readonly JhtClaimDocument[];
  /** The whole balance, or for a partial claim the most it may take (rounded down). */
  readonly gross: number;
  readonly tax: number;
  readonly net: number;
  readonly taxLines: readonly JhtTaxLine[];
  /** Online while the balance is at most the online limit; a branch above it, and for heirs. */
  readonly channel: 'online' | 'branch';
  readonly onlineClaimLimit: number;
}

const REASON_DOCUMENTS: { readonly [R in JhtClaimReason]: readonly JhtClaimDocument[] } = {
  age_56: ['ktp', 'kpj_card'],
  resignation: ['ktp', 'kpj_card', 'paklaring'],
  phk: ['ktp', 'kpj_card', 'phk_proof'],
  contract_end: ['ktp', 'kpj_card'],
  disability: ['ktp', 'kpj_card', 'doctor_certificate'],
  death: ['death_certificate', 'family_card', 'heir_ktp'],
  // DOMAIN.md names only the passport/visa proof; the member still proves who they are.
  leaving_indonesia: ['ktp', 'kpj_card', 'passport_visa'],
  partial_10: ['ktp', 'kpj_card'],
  partial_30: ['ktp', 'kpj_card'],
};

/** Claims that follow the end of employment reported by the employer, with its end reason. */
const END_OF_EMPLOYMENT: Partial<Record<JhtClaimReason, Participation['endReason']>> = {
  resignation: 'resignation',
  phk: 'phk',
  contract_end: 'contract_end',
};

const isPartial = (reason: JhtClaimReason): boolean => reason === 'partial_10' || reason === 'partial_30';

function grossOf(input: JhtClaimInput, settings: JhtSettings, date: IsoDate): number {
  const balance = Math.max(0, input.balance);
  if (input.reason === 'partial_10') {
    return mulDivFloor(balance, valueOn(settings.partialRetirementPreparationBasisPoints, date), 10_000);
  }
  if (input.reason === 'partial_30') {
    return mulDivFloor(balance, valueOn(settings.partialHousingBasisPoints, date), 10_000);
  }
  return balance;
}

interface Evaluation {
  readonly blockers: ReadonlySet<JhtClaimBlocker>;
  /** Some blocker that time alone does not clear. */
  readonly permanent: boolean;
  /** The day every blocker that time clears is cleared, as far as can be seen on this date. */
  readonly clearsOn: IsoDate | null;
}

/** The blockers of the claim judged on `date`, with the settings in force that day. */
function evaluate(input: JhtClaimInput, date: IsoDate, settings: JhtSettings): Evaluation {
  const blockers = new Set<JhtClaimBlocker>();
  let permanent = false;
  let clearsOn: IsoDate | null = null;
  const block = (blocker: JhtClaimBlocker, clearedOn: IsoDate | null = null): void => {
    blockers.add(blocker);
    if (clearedOn === null) permanent = true;
    else clearsOn = clearsOn === null ? clearedOn : maxDate(clearsOn, clearedOn);
  };
  const { reason } = input;

  if (reason === 'death' && input.claimant !== 'heir') block('claimant_must_be_heir');
  if (reason !== 'death' && input.claimant !== 'member') block('claimant_must_be_member');
  if (input.pendingClaimSameReason) block('claim_in_progress');
  if (isPartial(reason) && input.previousPartialClaim) block('partial_already_taken');
  if (input.unmergedKpjCount > 0) block('merge_kpj_first');

  const open = input.participations.filter((p) => isParticipationOpenOn(p, date));
  const ended = input.participations.filter((p) => p.endedOn !== null && p.endedOn <= date && p.startedOn <= date);

  if (reason === 'age_56') {
    const contractRetired = ended.some((p) => p.endReason === 'retirement');
    // A contract retirement the employer has already reported for a later day clears the age blockers then.
    const contractRetiresOn = earliestOf(
      input.participations.map((p) =>
        p.endReason === 'retirement' && p.endedOn !== null && p.endedOn > date ? p.endedOn : null,
      ),
    );
    if (!contractRetired && input.birthDate === null) block('birth_date_unknown', contractRetiresOn);
    if (!contractRetired && input.birthDate !== null) {
      const retiredOn = anniversaryOf(input.birthDate, valueOn(settings.retirementAge, date));
      if (date < retiredOn) block('under_retirement_age', minDate(retiredOn, contractRetiresOn ?? retiredOn));
    }
  }

  const endReason = END_OF_EMPLOYMENT[reason];
  if (endReason !== undefined) {
    const needsReport = reason === 'resignation' || reason === 'phk';
    if (needsReport && !input.employerReportedEnd) block('employment_not_ended_by_employer');
    if (open.length > 0) {
      // Employment the employer has already ended as of a later day stops blocking on that day.
      const lastEnd = open.every((p) => p.endedOn !== null)
        ? open.reduce((latest, p) => maxDate(latest, p.endedOn as IsoDate), date)
        : null;
      block('still_employed', lastEnd);
    } else if (ended.length === 0) {
      // No end yet, unless the employer already reported one for a later day (a job not yet started).
      const nextEnd = earliestOf(
        input.participations.map((p) => (p.endedOn !== null && p.endedOn > date ? p.endedOn : null)),
      );
      block('employment_not_ended_by_employer', nextEnd);
    } else {
      const lastEndedOn = ended.reduce((latest, p) => maxDate(latest, p.endedOn as IsoDate), '0000-01-01');
      const lastEnds = ended.filter((p) => p.endedOn === lastEndedOn);
      if (!lastEnds.some((p) => p.endReason === endReason)) {
        // An end with the reason claimed, already reported for a later day, becomes the latest then.
        const matchingEnd = earliestOf(
          input.participations.map((p) =>
            p.endReason === endReason && p.endedOn !== null && p.endedOn > date ? p.endedOn : null,
          ),
        );
        block('end_reason_mismatch', matchingEnd);
      }
      const waitingMonths =
        reason === 'resignation'
          ? valueOn(settings.resignationWaitingMonths, date)
          : reason === 'phk'
            ? valueOn(settings.phkWaitingMonths, date)
            : 0;
      const payableOn = addMonthsToDate(lastEndedOn, waitingMonths);
      if (date < payableOn) block('waiting_period', payableOn);
    }
  }

  if (isPartial(reason)) {
    if (open.length === 0) {
      // Employment registered to start on a later day ends the blocker then.
      const nextStart = earliestOf(
        input.participations.map((p) =>
          p.startedOn > date && (p.endedOn === null || p.endedOn > p.startedOn) ? p.startedOn : null,
        ),
      );
      block('not_employed', nextStart);
    }
    const years = valueOn(settings.partialClaimMinimumMembershipYears, date);
    const qualifiesOn = anniversaryOf(input.firstMembershipOn, years);
    if (date < qualifiesOn) block('membership_under_10_years', qualifiesOn);
  }

  const gross = grossOf(input, settings, date);
  if (input.balance <= 0 || gross <= 0) block('no_balance');
  if (!input.hasNpwp && gross > valueOn(settings.npwpRequiredAbove, date)) block('npwp_required');
  return { blockers, permanent, clearsOn };
}

function earliestOf(dates: readonly (IsoDate | null)[]): IsoDate | null {
  return dates.reduce<IsoDate | null>(
    (earliest, d) => (d === null ? earliest : earliest === null ? d : minDate(earliest, d)),
    null,
  );
}

/** Sorts blockers into the documented order of `JHT_CLAIM_BLOCKERS`. */
function ordered(blockers: ReadonlySet<JhtClaimBlocker>): readonly JhtClaimBlocker[] {
  return JHT_CLAIM_BLOCKERS.filter((blocker) => blockers.has(blocker));
}

/**
 * Whether a JHT claim is payable, per DOMAIN.md, with the settings in force on `asOf`:
 *
 * - age 56: at once from the 56th birthday (28 February for a 29 February birthday in a common
 *   year), or once the employer ended the employment for a contract retirement age;
 * - resignation and PHK: the employer must have reported the end, and the claim is payable from one
 *   month after the end date (31 January → 28/29 February, 15 January → 15 February), not the day before;
 * - end of contract: at once from the end date the employer reported;
 * - resignation, PHK and end of contract look at the latest end of employment, which must carry
 *   the reason claimed, and at no open participation (a member working elsewhere merges instead);
 * - disability and leaving Indonesia: at once; death: by the heirs;
 * - partial 10% / 30%: while still employed, from the 10th anniversary of membership (the day
 *   itself), once in a lifetime, for at most that share of the balance (rounded down);
 * - always: KPJ numbers merged first, no claim for the same reason in progress, a balance, and an
 *   NPWP when the gross amount is above Rp50,000,000.
 *
 * The amounts: gross, the tax of `computeJhtTax`, net = gross - tax. The channel is judged on the
 * balance (not the partial amount) against the online limit; heirs always go to a branch.
 */
export function assessJhtClaim(input: JhtClaimInput, settings: JhtSettings = DEFAULT_JHT_SETTINGS): JhtClaimAssessment {
  const { asOf } = input;
  requireIsoDate(asOf, 'asOf');
  requireIsoDate(input.firstMembershipOn, 'firstMembershipOn');
  if (input.birthDate !== null) requireIsoDate(input.birthDate, 'birthDate');
  requireRupiah(input.balance, 'balance');
  if (!Number.isSafeInteger(input.unmergedKpjCount) || input.unmergedKpjCount < 0) {
    throw new Error(`unmergedKpjCount must be a whole number: ${input.unmergedKpjCount}`);
  }
  if (!JHT_CLAIM_REASONS.includes(input.reason)) throw new Error(`unknown claim reason: ${input.reason}`);

  const now = evaluate(input, asOf, settings);
  const earliestEligibleOn = earliestEligibleDate(input, asOf, now, settings);

  const gross = grossOf(input, settings, asOf);
  const { tax, lines } = computeJhtTax(gross, input.hasNpwp, asOf, settings);
  const npwpNeeded = gross > valueOn(settings.npwpRequiredAbove, asOf);
  const needed = new Set<JhtClaimDocument>([...REASON_DOCUMENTS[input.reason], 'bank_book']);
  if (npwpNeeded) needed.add('npwp');
  const onlineClaimLimit = valueOn(settings.onlineClaimLimit, asOf);
  const atBranch = input.balance > onlineClaimLimit || input.claimant === 'heir' || input.reason === 'death';
  const blockers = ordered(now.blockers);
  return {
    eligible: blockers.length === 0,
    blockers,
    earliestEligibleOn,
    documents: JHT_CLAIM_DOCUMENTS.filter((document) => needed.has(document)),
    gross,
    tax,
    net: gross - tax,
    taxLines: lines,
    channel: atBranch ? 'branch' : 'online',
    onlineClaimLimit,
  };
}

/** Moves the date to the day the time blockers clear, again, until none remain or another blocker does. */
function earliestEligibleDate(
  input: JhtClaimInput,
  asOf: IsoDate,
  now: Evaluation,
  settings: JhtSettings,
): IsoDate | null {
  let date = asOf;
  let evaluation = now;
  // A few rounds suffice: each round clears a later condition (the end of employment, then the wait).
  for (let round = 0; round < 8; round++) {
    if (evaluation.permanent) return null;
    if (evaluation.blockers.size === 0) return date;
    if (evaluation.clearsOn === null || evaluation.clearsOn <= date) return null;
    date = evaluation.clearsOn;
    evaluation = evaluate(input, date, settings);
  }
  return null;
}
