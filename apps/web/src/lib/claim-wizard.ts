import {
  CLAIM_BANKS,
  detectClaimDocumentType,
  JHT_CLAIM_BLOCKERS,
  JHT_CLAIM_DOCUMENTS,
  JHT_CLAIM_REASONS,
  type JhtClaimDocument,
  type JhtClaimReason,
  type JhtClaimState,
} from '@pulih/domain';
import { appCodeOf, reasonsOf } from '@pulih/ui/errors';
import type { Locale } from '@pulih/ui/messages';
import type { ClaimMessageKey } from './claim-messages';

// The claim wizard's decisions that need no page: file checks before uploading, which step
// follows an assessment, the tracking timeline, and the claim errors in the member's words.

const isIn = <T extends string>(list: readonly T[], value: string): value is T =>
  (list as readonly string[]).includes(value);

// The API sends codes as strings: each has its text, and a code this portal does not know yet a plain one.
export const reasonKeyOf = (code: string): ClaimMessageKey =>
  isIn(JHT_CLAIM_REASONS, code) ? `reason_${code}` : 'reasonOther';
export const blockerKeyOf = (code: string): ClaimMessageKey =>
  isIn(JHT_CLAIM_BLOCKERS, code) ? `blocker_${code}` : 'blockerOther';
export const documentKeyOf = (code: string): ClaimMessageKey =>
  isIn(JHT_CLAIM_DOCUMENTS, code) ? `doc_${code}` : 'documentOther';

export const isClaimDocument = (code: string): code is JhtClaimDocument => isIn(JHT_CLAIM_DOCUMENTS, code);

/** A document stored for the claim being prepared, by kind; attached to the claim when it is submitted. */
export interface UploadedClaimDocument {
  readonly kind: string;
  readonly documentId: string;
  readonly fileName: string;
  readonly sizeBytes: number;
}

/** The server's document limit (PULIH_DOCUMENT_MAX_BYTES, 5 MB by default); it checks again. */
export const DOCUMENT_MAX_BYTES = 5 * 1024 * 1024;
/** What the file picker offers; the type is judged by the content, not by this. */
export const DOCUMENT_ACCEPT = 'application/pdf,image/jpeg,image/png,.pdf,.jpg,.jpeg,.png';
/** Tax is 0% up to this gross amount, and an NPWP is required above it (DOMAIN.md). */
export const NPWP_REQUIRED_ABOVE = 50_000_000;

export type FileProblem = 'fileEmpty' | 'fileTooLarge' | 'fileWrongType';

/**
 * Why a chosen file cannot be uploaded, or null: empty, larger than the limit, or not a PDF,
 * JPEG or PNG judged by its first bytes (the name and the browser's type are not trusted).
 */
export function checkDocumentFile(
  file: { readonly size: number },
  head: Uint8Array,
  maxBytes: number = DOCUMENT_MAX_BYTES,
): FileProblem | null {
  if (file.size === 0) return 'fileEmpty';
  if (file.size > maxBytes) return 'fileTooLarge';
  return detectClaimDocumentType(head) === null ? 'fileWrongType' : null;
}

/** The base64 part of a `data:…;base64,…` URL from FileReader.readAsDataURL. */
export function base64OfDataUrl(dataUrl: string): string {
  const comma = dataUrl.indexOf(',');
  return comma < 0 ? '' : dataUrl.slice(comma + 1);
}

/** "850 KB" / "1,2 MB" in the member's language. */
export function formatFileSize(bytes: number, language: Locale): string {
  const number = (value: number) =>
    new Intl.NumberFormat(language === 'id' ? 'id-ID' : 'en-GB', { maximumFractionDigits: 1 }).format(value);
  if (bytes < 1024 * 1024) return `${number(Math.max(1, Math.round(bytes / 1024)))} KB`;
  return `${number(bytes / 1024 / 1024)} MB`;
}

export function formatRupiah(amount: number, language: Locale): string {
  return new Intl.NumberFormat(language === 'id' ? 'id-ID' : 'en-GB', {
    style: 'currency',
    currency: 'IDR',
    maximumFractionDigits: 0,
  }).format(amount);
}

/** A calendar day (`YYYY-MM-DD`) with its weekday, the same in every time zone; null if unreadable. */
export function formatDay(day: string | null, language: Locale): string | null {
  if (day === null || !/^\d{4}-\d{2}-\d{2}/.test(day)) return null;
  const date = new Date(`${day.slice(0, 10)}T00:00:00Z`);
  if (Number.isNaN(date.getTime())) return null;
  return new Intl.DateTimeFormat(language === 'id' ? 'id-ID' : 'en-GB', {
    weekday: 'long',
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    timeZone: 'UTC',
  }).format(date);
}

export const bankNameOf = (code: string): string => (CLAIM_BANKS as Readonly<Record<string, string>>)[code] ?? code;

/** The NPWP is asked for when the gross amount is above Rp50 million, or the assessment says so. */
export const needsNpwp = (assessment: { gross: number; blockers: readonly string[] }): boolean =>
  assessment.gross > NPWP_REQUIRED_ABOVE || assessment.blockers.includes('npwp_required');

/** Blockers that do not stop a visit to the branch: heirs claim there, and bring the NPWP there. */
const SETTLED_AT_BRANCH: ReadonlySet<string> = new Set(['claimant_must_be_heir', 'npwp_required']);

/**
 * Where the wizard goes after an assessment: on to the documents (online; an NPWP is asked with
 * the bank account), to booking a branch visit (above the online limit, heirs), or nowhere yet.
 */
export function nextAfterAssessment(assessment: {
  eligible: boolean;
  blockers: readonly string[];
  channel: 'online' | 'branch';
}): 'documents' | 'appointment' | 'blocked' {
  if (assessment.channel === 'branch') {
    return assessment.blockers.every((b) => SETTLED_AT_BRANCH.has(b)) ? 'appointment' : 'blocked';
  }
  return assessment.blockers.every((b) => b === 'npwp_required') ? 'documents' : 'blocked';
}

/** A bank account number as typed: 6 to 20 digits once spaces and dashes are dropped (the domain's rule). */
export const isAccountNumber = (value: string): boolean => /^\d{6,20}$/.test(value.replace(/[\s-]/g, ''));
/** An NPWP: 15 (old) or 16 digits, dots, dashes and spaces as printed on the card allowed. */
export const isNpwp = (value: string): boolean => /^\d{15,16}$/.test(value.replace(/[.\s-]/g, ''));

export type BankField = 'bankCode' | 'accountNumber' | 'holderName' | 'npwp';

/** The bank step's own checks before anything is sent; the API checks the name against the member. */
export function checkBankForm(
  form: Readonly<Record<BankField, string>>,
  askNpwp: boolean,
): Partial<Record<BankField, ClaimMessageKey>> {
  const problems: Partial<Record<BankField, ClaimMessageKey>> = {};
  if (!Object.hasOwn(CLAIM_BANKS, form.bankCode)) problems.bankCode = 'bankRequired';
  if (form.accountNumber.trim() === '') problems.accountNumber = 'fieldRequired';
  else if (!isAccountNumber(form.accountNumber)) problems.accountNumber = 'accountNumberFormat';
  if (form.holderName.trim().length < 2) problems.holderName = 'fieldRequired';
  if (askNpwp) {
    if (form.npwp.trim() === '') problems.npwp = 'fieldRequired';
    else if (!isNpwp(form.npwp)) problems.npwp = 'npwpFormat';
  }
  return problems;
}

export interface TimelineStep {
  readonly state: JhtClaimState;
  /** When the claim reached this state (the latest time, if it came back to it). */
  readonly at: string | null;
  readonly reached: boolean;
  /** The state the claim is in now. */
  readonly isCurrent: boolean;
}

/**
 * A claim's steps as the member follows them: submitted → verifying → approved → paid, or
 * submitted → (verifying →) rejected, a claim rejected at once skipping the verification.
 */
export function claimTimeline(claim: {
  state: JhtClaimState;
  events: readonly { at: string; state: JhtClaimState }[];
}): TimelineStep[] {
  const wasVerified = claim.events.some((e) => e.state === 'verifying');
  const path: JhtClaimState[] =
    claim.state === 'rejected'
      ? ['submitted', ...(wasVerified ? (['verifying'] as const) : []), 'rejected']
      : ['submitted', 'verifying', 'approved', 'paid'];
  const currentIndex = path.indexOf(claim.state);
  return path.map((state, index) => {
    const times = claim.events
      .filter((e) => e.state === state)
      .map((e) => e.at)
      .sort();
    return { state, at: times.at(-1) ?? null, reached: index <= currentIndex, isCurrent: index === currentIndex };
  });
}

/** A claim error the wizard explains itself (rather than the portal's generic table), with its list. */
export interface ClaimProblem {
  readonly key: ClaimMessageKey;
  /** The reasons the API gave, each as a message: blockers, missing documents, slot problems. */
  readonly reasonKeys: readonly ClaimMessageKey[];
  /** INVALID_INPUT about the bank account: the field it concerns. */
  readonly field: BankField | null;
}

const SLOT_PROBLEMS: Readonly<Record<string, ClaimMessageKey>> = {
  DAY_NOT_BOOKABLE: 'slotDayNotBookable',
  NO_SUCH_SLOT: 'slotNoSuchSlot',
  SLOT_FULL: 'slotFull',
};

const BANK_PROBLEMS: Readonly<Record<string, [BankField, ClaimMessageKey]>> = {
  NOT_OWN_NAME: ['holderName', 'notOwnName'],
  BANK_UNKNOWN: ['bankCode', 'bankUnknown'],
  ACCOUNT_NUMBER_FORMAT: ['accountNumber', 'accountNumberFormat'],
};

const SIMPLE_PROBLEMS: Readonly<Record<string, ClaimMessageKey>> = {
  CLAIM_IN_PROGRESS: 'errorClaimInProgress',
  CLAIM_AT_BRANCH: 'errorClaimAtBranch',
  DOCUMENT_REJECTED: 'errorDocumentRejected',
  DOCUMENT_NOT_FOUND: 'errorDocumentNotFound',
  BRANCH_NOT_FOUND: 'errorBranchNotFound',
  APPOINTMENT_NOT_FOUND: 'errorAppointmentNotFound',
};

/**
 * The claim-specific explanation of a failed call, or null when the portal's own error table
 * explains it (no session, rate limits, a password needed again, the network).
 */
export function claimProblemOf(error: unknown, context: 'claim' | 'appointment' = 'claim'): ClaimProblem | null {
  const appCode = appCodeOf(error);
  if (appCode === null) return null;
  const reasons = reasonsOf(error);
  const plain = (key: ClaimMessageKey, reasonKeys: ClaimMessageKey[] = []): ClaimProblem => ({
    key,
    reasonKeys,
    field: null,
  });
  switch (appCode) {
    case 'CLAIM_NOT_ELIGIBLE':
      return plain('errorClaimNotEligible', reasons.map(blockerKeyOf));
    case 'DOCUMENTS_MISSING':
      return plain('errorDocumentsMissing', reasons.map(documentKeyOf));
    case 'SLOT_UNAVAILABLE':
      return plain(
        'errorSlotUnavailable',
        reasons.flatMap((r) => SLOT_PROBLEMS[r] ?? []),
      );
    case 'CONFLICT':
      return context === 'appointment' ? plain('errorAppointmentConflict') : null;
    case 'INVALID_INPUT': {
      const bank = reasons.map((r) => BANK_PROBLEMS[r]).find((found) => found !== undefined);
      return bank ? { key: bank[1], reasonKeys: [], field: bank[0] } : null;
    }
    default: {
      const key = SIMPLE_PROBLEMS[appCode];
      return key ? plain(key) : null;
    }
  }
}

/** The reason a claim was made for, from the purpose of a branch visit (`jht_claim:<reason>`). */
export function claimReasonOfPurpose(purpose: string, reasons: readonly JhtClaimReason[]): JhtClaimReason | null {
  const reason = purpose.startsWith('jht_claim:') ? purpose.slice('jht_claim:'.length) : '';
  return isIn(reasons, reason) ? reason : null;
}
