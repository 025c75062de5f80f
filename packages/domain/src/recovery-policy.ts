import type { DisclosureLevel } from './contact-disclosure.js';

/**
 * The account-recovery policy: one pure function decides, for every channel, what a caller may see
 * and do with a member's account, given the evidence presented. Deterministic and total: the same
 * request always gets the same decision, the order and repetition of evidence do not matter, and
 * no input makes it throw (input that does not fit the types counts as no evidence).
 */

export type RecoveryIntent =
  | 'reveal_email'
  | 'reveal_phone'
  | 'reset_password'
  | 'change_email'
  | 'change_phone'
  | 'unlock_account';

export type RecoveryChannel = 'web' | 'kiosk' | 'call_center' | 'branch_counter' | 'customer_service_email';

export type KnowledgeFact = 'nik' | 'kpj' | 'full_name' | 'birth_date' | 'mother_name';

export type Evidence =
  /** A member session authenticated within the recent-auth window. Counts on web and kiosk only. */
  | { readonly kind: 'fresh_session' }
  /** The caller typed a code we sent to the member's REGISTERED phone. */
  | { readonly kind: 'code_to_registered_phone' }
  /** The caller typed a code we sent to the member's REGISTERED email. */
  | { readonly kind: 'code_to_registered_email' }
  /** Facts that were checked and MATCHED the registry. */
  | { readonly kind: 'knowledge'; readonly facts: readonly KnowledgeFact[] }
  /** A branch officer's document check; see `isCompleteInPersonCheck`. */
  | {
      readonly kind: 'in_person_check';
      readonly officerId: string;
      readonly documents: readonly ('ktp' | 'kpj_card')[];
      readonly photoMatches: boolean;
      readonly reason: string;
    };

export interface RecoveryMemberFacts {
  readonly hasRegisteredEmail: boolean;
  readonly hasRegisteredPhone: boolean;
  readonly accountState: 'none' | 'pending' | 'active' | 'locked' | 'frozen';
  readonly failedKnowledgeChecksToday: number;
}

export interface RecoverySettings {
  /** The most that knowledge alone may reveal. */
  readonly knowledgeDisclosure: 'none' | 'masked';
  /** Any one of these must accompany a code; an empty list means a code alone suffices. */
  readonly possessionNeedsKnowledgeOf: readonly KnowledgeFact[];
  /** From this many failed checks today on, knowledge counts for nothing until tomorrow. */
  readonly maxFailedKnowledgeChecksPerDay: number;
  /** Distinct matched facts needed before knowledge reveals anything (e.g. KPJ + NIK + full name). */
  readonly minimumKnowledgeFactsForMasked: number;
}

export const DEFAULT_RECOVERY_SETTINGS: RecoverySettings = Object.freeze({
  knowledgeDisclosure: 'masked',
  possessionNeedsKnowledgeOf: Object.freeze(['nik', 'kpj'] as const),
  maxFailedKnowledgeChecksPerDay: 3,
  minimumKnowledgeFactsForMasked: 3,
});

export type RecoveryNextStep =
  | 'none'
  | 'sign_in_again'
  | 'verify_registered_phone'
  | 'verify_registered_email'
  | 'provide_more_knowledge'
  | 'in_person_check_at_branch'
  | 'try_again_tomorrow'
  | 'use_recovery_instead';

/** A stable UPPER_SNAKE code; see `RECOVERY_REASONS`. */
export type RecoveryReason = string;

/** Every reason code the policy can give, in the order they appear in a decision. */
export const RECOVERY_REASONS = [
  // Evidence, as assessed.
  'IN_PERSON_CHECK',
  'IN_PERSON_CHECK_INCOMPLETE',
  'FRESH_SESSION',
  'FRESH_SESSION_NOT_ACCEPTED_ON_CHANNEL',
  'POSSESSION_OF_REGISTERED_PHONE',
  'POSSESSION_OF_REGISTERED_EMAIL',
  'POSSESSION_NEEDS_KNOWLEDGE',
  'KNOWLEDGE_CHECKS_EXHAUSTED_TODAY',
  'KNOWLEDGE_INSUFFICIENT',
  'KNOWLEDGE_ONLY_CAPPED_AT_MASKED',
  'KNOWLEDGE_DISCLOSES_NOTHING_BY_SETTING',
  // Missing contacts (a code to a contact the member does not have, or a path that needs one).
  'NO_REGISTERED_PHONE',
  'NO_REGISTERED_EMAIL',
  // Outcome of the intent.
  'NO_ONLINE_ACCOUNT',
  'ACCOUNT_NOT_LOCKED',
  'ACCOUNT_FROZEN_NEEDS_IN_PERSON',
  'REVEAL_NEEDS_MORE_EVIDENCE',
  'CONTACT_CHANGE_NEEDS_SESSION_OR_IN_PERSON',
  'RESET_NEEDS_POSSESSION_SESSION_OR_IN_PERSON',
  'UNLOCK_NEEDS_POSSESSION_SESSION_OR_IN_PERSON',
  'CALL_CENTER_RESET_TO_REGISTERED_CONTACT',
  'STAFF_NEVER_SET_PASSWORDS',
  'UNKNOWN_REQUEST',
] as const;

export interface RecoveryDecision {
  readonly allowed: boolean;
  /** How much of the registered contacts the caller may now see. */
  readonly disclosure: DisclosureLevel;
  /** What the caller must do next to get further; 'none' when there is nothing more to get. */
  readonly nextStep: RecoveryNextStep;
  /** Every reason behind the decision, in a stable order, without duplicates. */
  readonly reasons: readonly RecoveryReason[];
  /**
   * Where an allowed password reset goes: a registered contact, or printed for the member in person.
   * Absent on an allowed reset means the member is signed in and changes the password in session.
   */
  readonly resetDelivery?: 'registered_email' | 'registered_phone' | 'printed_in_person';
}

export interface RecoveryRequest {
  readonly intent: RecoveryIntent;
  readonly channel: RecoveryChannel;
  readonly evidence: readonly Evidence[];
  readonly member: RecoveryMemberFacts;
}

const INTENTS: readonly string[] = [
  'reveal_email',
  'reveal_phone',
  'reset_password',
  'change_email',
  'change_phone',
  'unlock_account',
];
const CHANNELS: readonly string[] = ['web', 'kiosk', 'call_center', 'branch_counter', 'customer_service_email'];
const KNOWLEDGE_FACTS: readonly string[] = ['nik', 'kpj', 'full_name', 'birth_date', 'mother_name'];
const ACCOUNT_STATES: readonly string[] = ['none', 'pending', 'active', 'locked', 'frozen'];

/** Staff answer these channels on the member's behalf (the member is not at our screen). */
export const STAFF_CHANNELS: readonly RecoveryChannel[] = ['call_center', 'customer_service_email'];

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null;
const isBlank = (value: unknown): boolean => typeof value !== 'string' || value.trim() === '';

/** An officer's check counts at the branch counter (or a kiosk, which hands over to it) only when complete. */
export function isCompleteInPersonCheck(evidence: Evidence, channel: RecoveryChannel): boolean {
  const e: unknown = evidence;
  return (
    isRecord(e) &&
    e.kind === 'in_person_check' &&
    (channel === 'branch_counter' || channel === 'kiosk') &&
    Array.isArray(e.documents) &&
    e.documents.includes('ktp') &&
    e.photoMatches === true &&
    !isBlank(e.reason) &&
    !isBlank(e.officerId)
  );
}

interface NormalizedSettings {
  readonly knowledgeDisclosure: 'none' | 'masked';
  readonly possessionNeedsKnowledgeOf: readonly unknown[];
  readonly maxFailedKnowledgeChecksPerDay: number;
  readonly minimumKnowledgeFactsForMasked: number;
}

/** Nonsensical settings fail closed: they never grant more than the safest reading would. */
function normalizeSettings(settings: RecoverySettings): NormalizedSettings {
  const s: Record<string, unknown> = isRecord(settings) ? settings : {};
  const minimum = typeof s.minimumKnowledgeFactsForMasked === 'number' ? s.minimumKnowledgeFactsForMasked : Number.NaN;
  const maxFailed =
    typeof s.maxFailedKnowledgeChecksPerDay === 'number' ? s.maxFailedKnowledgeChecksPerDay : Number.NaN;
  return {
    knowledgeDisclosure: s.knowledgeDisclosure === 'masked' ? 'masked' : 'none',
    possessionNeedsKnowledgeOf: Array.isArray(s.possessionNeedsKnowledgeOf)
      ? s.possessionNeedsKnowledgeOf
      : DEFAULT_RECOVERY_SETTINGS.possessionNeedsKnowledgeOf,
    // NaN compares false either way: a NaN limit exhausts knowledge, a NaN minimum is never reached.
    maxFailedKnowledgeChecksPerDay: maxFailed,
    minimumKnowledgeFactsForMasked: Number.isNaN(minimum) ? Number.POSITIVE_INFINITY : Math.max(1, minimum),
  };
}

interface Member {
  readonly hasRegisteredEmail: boolean;
  readonly hasRegisteredPhone: boolean;
  readonly accountState: RecoveryMemberFacts['accountState'];
  readonly failedKnowledgeChecksToday: number;
}

function normalizeMember(member: unknown): Member {
  const m: Record<string, unknown> = isRecord(member) ? member : {};
  return {
    hasRegisteredEmail: m.hasRegisteredEmail === true,
    hasRegisteredPhone: m.hasRegisteredPhone === true,
    // An unknown state is treated as the most restrictive one.
    accountState: ACCOUNT_STATES.includes(m.accountState as string)
      ? (m.accountState as Member['accountState'])
      : 'frozen',
    failedKnowledgeChecksToday:
      typeof m.failedKnowledgeChecksToday === 'number' ? m.failedKnowledgeChecksToday : Number.NaN,
  };
}

/** The evidence reduced to what counts; independent of the order and repetition of the list. */
interface Assessment {
  readonly inPersonPresented: boolean;
  readonly inPerson: boolean;
  readonly sessionPresented: boolean;
  readonly session: boolean;
  readonly phoneCodePresented: boolean;
  readonly emailCodePresented: boolean;
  readonly phoneCode: boolean;
  readonly emailCode: boolean;
  readonly exhausted: boolean;
  /** Knowledge presented and counted (not exhausted). */
  readonly knowledgePresented: boolean;
  readonly facts: ReadonlySet<string>;
  readonly possessionKnowledge: boolean;
  readonly possession: boolean;
  readonly knowledgeEnough: boolean;
  readonly disclosure: DisclosureLevel;
}

function assess(channel: RecoveryChannel, evidence: unknown, member: Member, s: NormalizedSettings): Assessment {
  const items: readonly unknown[] = Array.isArray(evidence) ? evidence : [];
  const kinds = new Set<unknown>(items.map((e) => (isRecord(e) ? e.kind : undefined)));
  // Written as a negation so that a NaN on either side exhausts knowledge.
  const exhausted = !(member.failedKnowledgeChecksToday < s.maxFailedKnowledgeChecksPerDay);
  const facts = new Set<string>();
  let knowledgePresented = false;
  if (!exhausted) {
    for (const e of items) {
      if (!isRecord(e) || e.kind !== 'knowledge') continue;
      knowledgePresented = true;
      if (!Array.isArray(e.facts)) continue;
      for (const fact of e.facts) if (KNOWLEDGE_FACTS.includes(fact)) facts.add(fact);
    }
  }
  const inPersonPresented = kinds.has('in_person_check');
  const inPerson = items.some((e) => isCompleteInPersonCheck(e as Evidence, channel));
  const sessionPresented = kinds.has('fresh_session');
  const session = sessionPresented && (channel === 'web' || channel === 'kiosk');
  const phoneCodePresented = kinds.has('code_to_registered_phone');
  const emailCodePresented = kinds.has('code_to_registered_email');
  const phoneCode = phoneCodePresented && member.hasRegisteredPhone;
  const emailCode = emailCodePresented && member.hasRegisteredEmail;
  const required = s.possessionNeedsKnowledgeOf;
  const possessionKnowledge = required.length === 0 || required.some((fact) => facts.has(fact as string));
  const possession = (phoneCode || emailCode) && possessionKnowledge;
  const knowledgeEnough = facts.size >= s.minimumKnowledgeFactsForMasked;
  const disclosure: DisclosureLevel =
    inPerson || session || possession ? 'full' : knowledgeEnough ? s.knowledgeDisclosure : 'none';
  return {
    inPersonPresented,
    inPerson,
    sessionPresented,
    session,
    phoneCodePresented,
    emailCodePresented,
    phoneCode,
    emailCode,
    exhausted,
    knowledgePresented,
    facts,
    possessionKnowledge,
    possession,
    knowledgeEnough,
    disclosure,
  };
}

/** The reasons that describe the evidence itself, whatever the intent. */
function evidenceReasons(a: Assessment, member: Member, reasons: Set<RecoveryReason>): void {
  if (a.inPerson) reasons.add('IN_PERSON_CHECK');
  else if (a.inPersonPresented) reasons.add('IN_PERSON_CHECK_INCOMPLETE');
  if (a.session) reasons.add('FRESH_SESSION');
  else if (a.sessionPresented) reasons.add('FRESH_SESSION_NOT_ACCEPTED_ON_CHANNEL');
  if (a.possession && a.phoneCode) reasons.add('POSSESSION_OF_REGISTERED_PHONE');
  if (a.possession && a.emailCode) reasons.add('POSSESSION_OF_REGISTERED_EMAIL');
  if ((a.phoneCode || a.emailCode) && !a.possessionKnowledge) reasons.add('POSSESSION_NEEDS_KNOWLEDGE');
  if (a.exhausted) reasons.add('KNOWLEDGE_CHECKS_EXHAUSTED_TODAY');
  if (a.disclosure !== 'full' && a.knowledgePresented) {
    if (!a.knowledgeEnough) reasons.add('KNOWLEDGE_INSUFFICIENT');
    else if (a.disclosure === 'masked') reasons.add('KNOWLEDGE_ONLY_CAPPED_AT_MASKED');
    else reasons.add('KNOWLEDGE_DISCLOSES_NOTHING_BY_SETTING');
  }
  if (a.phoneCodePresented && !member.hasRegisteredPhone) reasons.add('NO_REGISTERED_PHONE');
  if (a.emailCodePresented && !member.hasRegisteredEmail) reasons.add('NO_REGISTERED_EMAIL');
}

/** The next step towards possession (a code plus knowledge), the strongest remote evidence. */
function stepTowardsPossession(
  a: Assessment,
  channel: RecoveryChannel,
  member: Member,
  reasons: Set<RecoveryReason>,
): RecoveryNextStep {
  // At the counter the member stands before an officer: complete the check rather than answer questions.
  if (channel === 'branch_counter') return 'in_person_check_at_branch';
  if (channel === 'kiosk' && a.inPersonPresented) return 'in_person_check_at_branch';
  if (!a.possessionKnowledge) return a.exhausted ? 'try_again_tomorrow' : 'provide_more_knowledge';
  if (member.hasRegisteredPhone) return 'verify_registered_phone';
  reasons.add('NO_REGISTERED_PHONE');
  if (member.hasRegisteredEmail) return 'verify_registered_email';
  reasons.add('NO_REGISTERED_EMAIL');
  return 'in_person_check_at_branch';
}

interface Outcome {
  readonly allowed: boolean;
  readonly nextStep: RecoveryNextStep;
  readonly resetDelivery?: RecoveryDecision['resetDelivery'];
}

const granted = (resetDelivery?: RecoveryDecision['resetDelivery']): Outcome =>
  resetDelivery === undefined
    ? { allowed: true, nextStep: 'none' }
    : { allowed: true, nextStep: 'none', resetDelivery };
const refused = (nextStep: RecoveryNextStep): Outcome => ({ allowed: false, nextStep });

function decideReveal(a: Assessment, channel: RecoveryChannel, member: Member, reasons: Set<RecoveryReason>): Outcome {
  if (a.disclosure === 'full') return granted();
  if (a.disclosure === 'masked') return { allowed: true, nextStep: stepTowardsPossession(a, channel, member, reasons) };
  reasons.add('REVEAL_NEEDS_MORE_EVIDENCE');
  return refused(stepTowardsPossession(a, channel, member, reasons));
}

function decideContactChange(
  a: Assessment,
  channel: RecoveryChannel,
  member: Member,
  reasons: Set<RecoveryReason>,
): Outcome {
  const frozen = member.accountState === 'frozen';
  if (a.inPerson || (a.session && !frozen)) return granted();
  reasons.add('CONTACT_CHANGE_NEEDS_SESSION_OR_IN_PERSON');
  if (frozen) reasons.add('ACCOUNT_FROZEN_NEEDS_IN_PERSON');
  const canSignIn = member.accountState === 'active' || member.accountState === 'locked';
  return refused(channel === 'web' && canSignIn ? 'sign_in_again' : 'in_person_check_at_branch');
}

function decideReset(a: Assessment, channel: RecoveryChannel, member: Member, reasons: Set<RecoveryReason>): Outcome {
  if (member.accountState === 'none' || member.accountState === 'pending') {
    reasons.add('NO_ONLINE_ACCOUNT');
    return refused('none');
  }
  if (member.accountState === 'frozen' && !a.inPerson) {
    reasons.add('ACCOUNT_FROZEN_NEEDS_IN_PERSON');
    return refused('in_person_check_at_branch');
  }
  // Signed in: the member changes the password in session; nothing is sent or printed.
  if (a.session) return granted();
  if (a.inPerson) {
    reasons.add('STAFF_NEVER_SET_PASSWORDS');
    return granted('printed_in_person');
  }
  const staffCauses = channel !== 'web' && channel !== 'kiosk';
  if (a.possession) {
    if (staffCauses) reasons.add('STAFF_NEVER_SET_PASSWORDS');
    return granted(a.phoneCode ? 'registered_phone' : 'registered_email');
  }
  if (channel === 'call_center' && a.knowledgeEnough) {
    if (member.hasRegisteredPhone || member.hasRegisteredEmail) {
      reasons.add('CALL_CENTER_RESET_TO_REGISTERED_CONTACT');
      reasons.add('STAFF_NEVER_SET_PASSWORDS');
      return granted(member.hasRegisteredPhone ? 'registered_phone' : 'registered_email');
    }
    reasons.add('NO_REGISTERED_PHONE');
    reasons.add('NO_REGISTERED_EMAIL');
    return refused('in_person_check_at_branch');
  }
  reasons.add('RESET_NEEDS_POSSESSION_SESSION_OR_IN_PERSON');
  return refused(stepTowardsPossession(a, channel, member, reasons));
}

function decideUnlock(a: Assessment, channel: RecoveryChannel, member: Member, reasons: Set<RecoveryReason>): Outcome {
  switch (member.accountState) {
    case 'none':
    case 'pending':
      reasons.add('NO_ONLINE_ACCOUNT');
      return refused('none');
    case 'active':
      reasons.add('ACCOUNT_NOT_LOCKED');
      return refused('none');
    case 'frozen':
      if (a.inPerson) return granted();
      reasons.add('ACCOUNT_FROZEN_NEEDS_IN_PERSON');
      return refused('in_person_check_at_branch');
    case 'locked':
      if (a.inPerson || a.session || a.possession) return granted();
      reasons.add('UNLOCK_NEEDS_POSSESSION_SESSION_OR_IN_PERSON');
      return refused(stepTowardsPossession(a, channel, member, reasons));
  }
}

/** Sorts reasons into the documented order of `RECOVERY_REASONS`. */
function ordered(reasons: ReadonlySet<RecoveryReason>): readonly RecoveryReason[] {
  const order: readonly string[] = RECOVERY_REASONS;
  return [...reasons].sort((x, y) => order.indexOf(x) - order.indexOf(y));
}

/**
 * Decides what the caller may see and do. The defaults in `DEFAULT_RECOVERY_SETTINGS`:
 * - A complete in-person check (branch counter or kiosk) allows every intent, with full disclosure;
 *   a password reset is then printed for the member, never set by staff.
 * - A fresh session (web or kiosk) reveals in full, allows contact changes and a password change.
 * - A code to a registered phone or email plus NIK or KPJ reveals in full, allows a reset to the
 *   contact the code went to, and unlocks a locked (not frozen) account.
 * - Knowledge alone (three distinct matched facts) reveals masked contacts at most and changes
 *   nothing, except that the call center may send a reset to a registered contact.
 * - From three failed knowledge checks today on, knowledge counts for nothing.
 */
export function decideRecovery(
  request: RecoveryRequest,
  settings: RecoverySettings = DEFAULT_RECOVERY_SETTINGS,
): RecoveryDecision {
  const r: Record<string, unknown> = isRecord(request) ? request : {};
  const intent = r.intent;
  const channel = r.channel;
  if (!INTENTS.includes(intent as string) || !CHANNELS.includes(channel as string)) {
    return { allowed: false, disclosure: 'none', nextStep: 'none', reasons: ['UNKNOWN_REQUEST'] };
  }
  const ch = channel as RecoveryChannel;
  const member = normalizeMember(r.member);
  const a = assess(ch, r.evidence, member, normalizeSettings(settings));
  const reasons = new Set<RecoveryReason>();
  evidenceReasons(a, member, reasons);
  let outcome: Outcome;
  switch (intent as RecoveryIntent) {
    case 'reveal_email':
    case 'reveal_phone':
      outcome = decideReveal(a, ch, member, reasons);
      break;
    case 'change_email':
    case 'change_phone':
      outcome = decideContactChange(a, ch, member, reasons);
      break;
    case 'reset_password':
      outcome = decideReset(a, ch, member, reasons);
      break;
    case 'unlock_account':
      outcome = decideUnlock(a, ch, member, reasons);
      break;
  }
  const decision: RecoveryDecision = {
    allowed: outcome.allowed,
    disclosure: a.disclosure,
    nextStep: outcome.nextStep,
    reasons: ordered(reasons),
  };
  return outcome.resetDelivery === undefined ? decision : { ...decision, resetDelivery: outcome.resetDelivery };
}
