/**
 * The audit actions that mean somebody read or was shown a member's personal data: the one list
 * that breach response (`pulih privacy affected`, incidents and their notices) searches. An action
 * that only changes data, or that refuses to show anything, is not here. Add an action here when a
 * new procedure shows member data, in the same change.
 */
export const DISCLOSURE_ACTIONS = {
  /** Staff saw the member's record: `member show`, `case show`, a balance inside a case. */
  'member.viewed': 'identity, KPJ numbers and contacts (masked or, inside a verified case, full)',
  /** A registered contact shown in full after a code (lupa akun) or inside a case. */
  'contact.disclosed': 'registered email or phone number',
  /** Both records of a duplicate review item side by side (NIK, birth date, contacts). */
  'duplicates.viewed': 'identity and contacts (duplicate review)',
  'jht.claim_viewed': 'claim, bank account (last 4 digits) and identity',
  'jht.claim_document_read': 'claim document (scan)',
  'jht.balance_disclosed': 'JHT balance and membership status (kiosk)',
  'audit.member_log_viewed': "the member's audit entries",
  /** A customer-service mail compared with the registry, and a reply to the registered contact. */
  'support.ticket_verified': 'identity checked against a customer-service mail',
  'support.ticket_replied': 'reply to the registered contact',
  'privacy.data_exported': "the member's whole data export (JSON or PDF)",
  'corrections.viewed': 'correction request with the stated value',
  'corrections.evidence_read': 'KTP/KK scan of a correction request',
} as const satisfies Record<string, string>;

export type DisclosureAction = keyof typeof DISCLOSURE_ACTIONS;

export const disclosureActions = Object.keys(DISCLOSURE_ACTIONS) as DisclosureAction[];
