import { normalizeIndonesianName } from '../duplicates/names.js';
import { err, ok, type Result } from '../result.js';

/** Banks a JHT claim may be paid to, by their clearing code (the common national and regional ones). */
export const CLAIM_BANKS = {
  '002': 'BRI',
  '008': 'Bank Mandiri',
  '009': 'BNI',
  '011': 'Bank Danamon',
  '013': 'Bank Permata',
  '014': 'BCA',
  '022': 'CIMB Niaga',
  '110': 'Bank BJB',
  '200': 'BTN',
  '451': 'Bank Syariah Indonesia',
} as const;
export type ClaimBankCode = keyof typeof CLAIM_BANKS;

export interface ClaimBankAccount {
  readonly bankCode: ClaimBankCode;
  /** Digits only. */
  readonly accountNumber: string;
  readonly holderName: string;
}

export type BankAccountProblem = 'BANK_UNKNOWN' | 'ACCOUNT_NUMBER_FORMAT' | 'NOT_OWN_NAME';

/**
 * A bank account a claim may be paid to: a known bank, 6 to 20 digits (spaces and dashes as
 * typed are dropped), and held in the claimant's own name — compared after the Indonesian name
 * normalisation (titles, old spellings, Muhammad variants), so "Drs. Soeparman" is "Suparman"
 * but nobody else's account passes.
 */
export function checkClaimBankAccount(
  input: { bankCode: string; accountNumber: string; holderName: string },
  claimantName: string,
): Result<ClaimBankAccount, BankAccountProblem> {
  if (!Object.hasOwn(CLAIM_BANKS, input.bankCode)) return err('BANK_UNKNOWN');
  const digits = input.accountNumber.replace(/[\s-]/g, '');
  if (!/^\d{6,20}$/.test(digits)) return err('ACCOUNT_NUMBER_FORMAT');
  const holder = normalizeIndonesianName(input.holderName);
  if (holder.key === '' || holder.key !== normalizeIndonesianName(claimantName).key) return err('NOT_OWN_NAME');
  return ok({ bankCode: input.bankCode as ClaimBankCode, accountNumber: digits, holderName: input.holderName.trim() });
}
