/**
 * The categories of personal data a member can download from "Data saya" (UU No. 27 Tahun 2022):
 * the keys of the export, in the order the portal and the PDF show them.
 */
export const PERSONAL_DATA_CATEGORIES = [
  'identity',
  'kpjNumbers',
  'contacts',
  'accounts',
  'sessions',
  'contributions',
  'balanceTransfers',
  'claims',
  'claimDocuments',
  'appointments',
  'correctionRequests',
  'noticePreferences',
  'accessHistory',
] as const;

export type PersonalDataCategory = (typeof PERSONAL_DATA_CATEGORIES)[number];
