import { describe, expect, it } from 'vitest';
import { checkClaimBankAccount } from './bank-account.js';

describe('checkClaimBankAccount', () => {
  it('accepts an account in the claimant’s own name, spelled the old or the new way, titles dropped', () => {
    const result = checkClaimBankAccount(
      { bankCode: '002', accountNumber: '0123-01-000456-50-7', holderName: 'Drs. Soeparman' },
      'SUPARMAN',
    );
    expect(result).toEqual({
      ok: true,
      value: { bankCode: '002', accountNumber: '012301000456507', holderName: 'Drs. Soeparman' },
    });
  });

  it('refuses someone else’s account, an unknown bank and a malformed number', () => {
    const own = { bankCode: '014', accountNumber: '1234567890', holderName: 'Siti Rahayu' };
    expect(checkClaimBankAccount({ ...own, holderName: 'Budi Santoso' }, 'Siti Rahayu')).toEqual({
      ok: false,
      error: 'NOT_OWN_NAME',
    });
    expect(checkClaimBankAccount({ ...own, holderName: '   ' }, 'Siti Rahayu').ok).toBe(false);
    expect(checkClaimBankAccount({ ...own, bankCode: '999' }, 'Siti Rahayu')).toEqual({
      ok: false,
      error: 'BANK_UNKNOWN',
    });
    expect(checkClaimBankAccount({ ...own, bankCode: 'toString' }, 'Siti Rahayu').ok).toBe(false);
    for (const accountNumber of ['12345', '1'.repeat(21), '12345a789']) {
      expect(checkClaimBankAccount({ ...own, accountNumber }, 'Siti Rahayu')).toEqual({
        ok: false,
        error: 'ACCOUNT_NUMBER_FORMAT',
      });
    }
  });
});
