import { formatMessage, type Locale } from '@pulih/ui/messages';
import type { MessageKey, Messages } from './messages';

// How the access-history page words the API's audit entries: a catalogue text per action,
// channel, staff role and disclosure level. Codes the portal does not know yet still show, in
// general words with the raw code next to them, so that nothing recorded is hidden from the member.

const actionKeys: Readonly<Record<string, MessageKey>> = {
  'member.viewed': 'accessMemberViewed',
  'contact.disclosed': 'accessContactDisclosed',
  'recovery.code_sent': 'accessRecoveryCodeSent',
  'recovery.no_match': 'accessRecoveryNoMatch',
  'password_reset.code_sent': 'accessResetCodeSent',
  'password_reset.requested_no_account': 'accessResetNoAccount',
  'password_reset.completed': 'accessResetCompleted',
  'password_reset.sent_by_staff': 'accessResetSentByStaff',
  'password_reset.code_printed': 'accessResetCodePrinted',
  'email_change.requested': 'accessEmailChangeRequested',
  'email_change.completed': 'accessEmailChangeCompleted',
  'phone_change.requested': 'accessPhoneChangeRequested',
  'phone_change.completed': 'accessPhoneChangeCompleted',
  'account.frozen': 'accessAccountFrozen',
  'registration.code_sent': 'accessRegistrationCodeSent',
  'registration.completed': 'accessRegistrationCompleted',
  'registration.no_match': 'accessRegistrationNoMatch',
  'registration.existing_account': 'accessRegistrationExisting',
  'audit.member_log_viewed': 'accessLogViewed',
  'case.opened.passed': 'accessCasePassed',
  'case.opened.failed': 'accessCaseFailed',
  'case.closed': 'accessCaseClosed',
  'jht.balance_disclosed': 'accessBalanceShownAtKiosk',
  'jht.claim_viewed': 'accessClaimViewed',
  'jht.claim_document_read': 'accessClaimDocumentRead',
  'privacy.data_exported': 'accessDataExported',
  'privacy.breach_notice_queued': 'accessBreachNotice',
};

/** Families of actions the API may grow (`registration.*` and so on): a general text for a new one. */
const actionFamilyKeys: readonly (readonly [prefix: string, key: MessageKey])[] = [
  ['recovery.', 'accessRecoveryOther'],
  ['password_reset.', 'accessResetOther'],
  ['email_change.', 'accessEmailChangeOther'],
  ['phone_change.', 'accessPhoneChangeOther'],
  ['registration.', 'accessRegistrationOther'],
  ['corrections.', 'accessCorrectionOther'],
];

export interface ActionText {
  readonly key: MessageKey;
  /** Whether the text is only a general one: the page then shows the raw code too. */
  readonly isGeneral: boolean;
}

/** What happened, as a catalogue key; an action the portal does not know gets a general text. */
export function actionTextOf(action: string): ActionText {
  const exact = Object.hasOwn(actionKeys, action) ? actionKeys[action] : undefined;
  if (exact) return { key: exact, isGeneral: false };
  const family = actionFamilyKeys.find(([prefix]) => action.startsWith(prefix));
  return { key: family?.[1] ?? 'accessUnknown', isGeneral: true };
}

const channelKeys: Readonly<Record<string, MessageKey>> = {
  web: 'channelWeb',
  kiosk: 'channelKiosk',
  cli: 'channelStaff',
  system: 'channelSystem',
};

const staffRoleKeys: Readonly<Record<string, MessageKey>> = {
  call_center_agent: 'roleCallCenterAgent',
  customer_service_agent: 'roleCustomerServiceAgent',
  branch_officer: 'roleBranchOfficer',
  supervisor: 'roleSupervisor',
  admin: 'roleAdmin',
};

const disclosureKeys: Readonly<Record<string, MessageKey>> = {
  none: 'disclosureNone',
  masked: 'disclosureMasked',
  full: 'disclosureFull',
};

const wordsOf =
  (keys: Readonly<Record<string, MessageKey>>) =>
  (code: string, t: Messages): string => {
    const key = Object.hasOwn(keys, code) ? keys[code] : undefined;
    return key ? t[key] : code;
  };

/** "Web", "Kios di kantor cabang", "Petugas BPJS Ketenagakerjaan" (the staff tools); an unknown channel as it is. */
export const channelText = wordsOf(channelKeys);
/** "Agen call center", "Petugas kantor cabang"…; an unknown role as it is. */
export const staffRoleText = wordsOf(staffRoleKeys);
/** "disamarkan", "lengkap"…; an unknown level as it is. */
export const disclosureText = wordsOf(disclosureKeys);

/** Every code with words of its own, for the tests. */
export const knownCodes = {
  actions: Object.keys(actionKeys),
  channels: Object.keys(channelKeys),
  staffRoles: Object.keys(staffRoleKeys),
  disclosures: Object.keys(disclosureKeys),
} as const;

/**
 * When it happened, in Jakarta time (WIB) whatever the device's zone, e.g. "3 Mei 2026 pukul 14.05 WIB"
 * or "3 May 2026 at 14:05 WIB (Jakarta time)"; an unreadable value as it is.
 */
export function formatAccessTime(iso: string, language: Locale, t: Messages): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  const time = new Intl.DateTimeFormat(language === 'id' ? 'id-ID' : 'en-GB', {
    dateStyle: 'long',
    timeStyle: 'short',
    timeZone: 'Asia/Jakarta',
  }).format(date);
  return formatMessage(t.historyTime, { time });
}
