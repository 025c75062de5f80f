import { err, ok, type Result } from '../result.js';

/**
 * A claim's life: submitted → verifying → approved → paid, or rejected while it is checked.
 * Rejected and paid are final; one member may have one unfinished claim per reason.
 */
export const JHT_CLAIM_STATES = ['submitted', 'verifying', 'approved', 'rejected', 'paid'] as const;
export type JhtClaimState = (typeof JHT_CLAIM_STATES)[number];

export type JhtClaimAction = 'verify' | 'approve' | 'reject' | 'pay';

const TRANSITIONS: { readonly [A in JhtClaimAction]: readonly [from: readonly JhtClaimState[], to: JhtClaimState] } = {
  verify: [['submitted'], 'verifying'],
  approve: [['verifying'], 'approved'],
  reject: [['submitted', 'verifying'], 'rejected'],
  pay: [['approved'], 'paid'],
};

/** The state an action leads to from `state`, or why it cannot be taken. */
export function nextClaimState(
  state: JhtClaimState,
  action: JhtClaimAction,
): Result<JhtClaimState, 'claim_not_in_that_state'> {
  const [from, to] = TRANSITIONS[action];
  return from.includes(state) ? ok(to) : err('claim_not_in_that_state');
}

/** The states an action may be taken from (for a conditional update that loses no race). */
export const claimActionFrom = (action: JhtClaimAction): readonly JhtClaimState[] => TRANSITIONS[action][0];

/** Rejected and paid claims are finished: the member may claim for that reason again. */
export const isClaimFinished = (state: JhtClaimState): boolean => state === 'rejected' || state === 'paid';

/**
 * Who may approve: a claim above the online limit is a large payment and needs a supervisor;
 * below it an officer who verified it may approve it.
 */
export function approverNeeded(gross: number, onlineClaimLimit: number): 'officer' | 'supervisor' {
  return gross > onlineClaimLimit ? 'supervisor' : 'officer';
}

export type ClaimDocumentType = 'application/pdf' | 'image/jpeg' | 'image/png';

const SIGNATURES: readonly { readonly type: ClaimDocumentType; readonly bytes: readonly number[] }[] = [
  { type: 'application/pdf', bytes: [0x25, 0x50, 0x44, 0x46, 0x2d] }, // %PDF-
  { type: 'image/png', bytes: [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a] },
  { type: 'image/jpeg', bytes: [0xff, 0xd8, 0xff] },
];

/**
 * The type of an uploaded document judged by its content (its first bytes), never by its name or
 * the type the browser claimed; null for anything but PDF, JPEG and PNG.
 */
export function detectClaimDocumentType(content: Uint8Array): ClaimDocumentType | null {
  for (const { type, bytes } of SIGNATURES) {
    if (content.length > bytes.length && bytes.every((byte, i) => content[i] === byte)) return type;
  }
  return null;
}
