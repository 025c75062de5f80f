import {
  CLAIM_BANKS,
  JHT_CLAIM_BLOCKERS,
  JHT_CLAIM_DOCUMENTS,
  JHT_CLAIM_REASONS,
  JHT_CLAIM_STATES,
} from '@pulih/domain';
import { findCatalogueProblems, locales } from '@pulih/ui/messages';
import { describe, expect, it } from 'vitest';
import { claimMessages } from './claim-messages';
import { claimNavMessages } from './claim-nav-messages';
import {
  base64OfDataUrl,
  blockerKeyOf,
  checkBankForm,
  checkDocumentFile,
  claimProblemOf,
  claimReasonOfPurpose,
  claimTimeline,
  DOCUMENT_MAX_BYTES,
  documentKeyOf,
  formatDay,
  formatFileSize,
  needsNpwp,
  nextAfterAssessment,
  reasonKeyOf,
} from './claim-wizard';

const PDF_HEAD = new TextEncoder().encode('%PDF-1.4\n%âãÏÓ');
const PNG_HEAD = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]);
const JPEG_HEAD = new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 0, 16, 0x4a, 0x46]);

/** A tRPC client error as the API sends it: the appCode and reasons in `data`. */
const apiError = (appCode: string, reasons?: string[]) => ({ data: { appCode, ...(reasons ? { reasons } : {}) } });

describe('claim pages message catalogue', () => {
  it('has the same keys, no empty text and the same placeholders in both languages', () => {
    expect(findCatalogueProblems(claimMessages)).toEqual([]);
    expect(findCatalogueProblems(claimNavMessages)).toEqual([]);
  });

  it('names every claim reason with a hint, every blocker, document and state, in both languages', () => {
    for (const language of locales) {
      const t = claimMessages[language];
      for (const reason of JHT_CLAIM_REASONS) {
        expect(t[reasonKeyOf(reason)], `${language} ${reason}`).not.toBe(t.reasonOther);
        expect(t[`reasonHint_${reason}`]).toBeTruthy();
      }
      for (const blocker of JHT_CLAIM_BLOCKERS) {
        expect(t[blockerKeyOf(blocker)], `${language} ${blocker}`).not.toBe(t.blockerOther);
      }
      for (const document of JHT_CLAIM_DOCUMENTS) {
        expect(t[documentKeyOf(document)], `${language} ${document}`).not.toBe(t.documentOther);
      }
      for (const state of JHT_CLAIM_STATES) {
        expect(t[`state_${state}`]).toBeTruthy();
        expect(t[`stateNote_${state}`]).toBeTruthy();
      }
    }
    expect(claimMessages.id.state_paid).toBe('Dibayarkan');
    expect(claimMessages.en.state_paid).toBe('Paid');
  });

  it('gives a code the portal does not know yet a plain text rather than nothing', () => {
    expect(reasonKeyOf('moon_landing')).toBe('reasonOther');
    expect(blockerKeyOf('new_rule_2027')).toBe('blockerOther');
    expect(documentKeyOf('selfie')).toBe('documentOther');
  });
});

describe('checkDocumentFile', () => {
  it('accepts PDF, PNG and JPEG by their first bytes, whatever the file is called', () => {
    expect(checkDocumentFile({ size: 120_000 }, PDF_HEAD)).toBeNull();
    expect(checkDocumentFile({ size: 120_000 }, PNG_HEAD)).toBeNull();
    expect(checkDocumentFile({ size: 120_000 }, JPEG_HEAD)).toBeNull();
  });

  it('refuses other content: HTML, a GIF, an executable renamed to .pdf', () => {
    for (const head of ['<html><script>', 'GIF89a......', 'MZ\x90\x00\x03\x00\x00\x00']) {
      expect(checkDocumentFile({ size: 2_000 }, new TextEncoder().encode(head))).toBe('fileWrongType');
    }
  });

  it('refuses an empty file and one above the 5 MB limit, but not one exactly at it', () => {
    expect(checkDocumentFile({ size: 0 }, new Uint8Array())).toBe('fileEmpty');
    expect(checkDocumentFile({ size: DOCUMENT_MAX_BYTES + 1 }, PDF_HEAD)).toBe('fileTooLarge');
    expect(checkDocumentFile({ size: DOCUMENT_MAX_BYTES }, PDF_HEAD)).toBeNull();
    expect(DOCUMENT_MAX_BYTES).toBe(5 * 1024 * 1024);
  });
});

describe('file and money display', () => {
  it('takes the base64 part of a data URL', () => {
    expect(base64OfDataUrl('data:application/pdf;base64,JVBERi0x')).toBe('JVBERi0x');
    expect(base64OfDataUrl('nonsense')).toBe('');
  });

  it('says a file size in KB below a megabyte and in MB above, in the member’s language', () => {
    expect(formatFileSize(300, 'id')).toBe('1 KB');
    expect(formatFileSize(850 * 1024, 'en')).toBe('850 KB');
    expect(formatFileSize(1.25 * 1024 * 1024, 'id')).toBe('1,3 MB');
    expect(formatFileSize(1.25 * 1024 * 1024, 'en')).toBe('1.3 MB');
  });

  it('writes a calendar day with its weekday, the same day in every time zone', () => {
    expect(formatDay('2026-12-01', 'id')).toBe('Selasa, 1 Desember 2026');
    expect(formatDay('2026-12-01', 'en')).toMatch(/^Tuesday,? 1 December 2026$/);
    expect(formatDay(null, 'id')).toBeNull();
    expect(formatDay('soon', 'id')).toBeNull();
  });
});

describe('nextAfterAssessment', () => {
  const online = { eligible: true, blockers: [] as string[], channel: 'online' as const };

  it('goes on to the documents for an eligible claim within the online limit', () => {
    expect(nextAfterAssessment(online)).toBe('documents');
    // The NPWP is then asked with the bank account.
    expect(nextAfterAssessment({ ...online, eligible: false, blockers: ['npwp_required'] })).toBe('documents');
  });

  it('books a branch visit above the online limit and for the heirs after a death', () => {
    expect(nextAfterAssessment({ ...online, channel: 'branch' })).toBe('appointment');
    expect(
      nextAfterAssessment({ eligible: false, blockers: ['claimant_must_be_heir', 'npwp_required'], channel: 'branch' }),
    ).toBe('appointment');
  });

  it('stops while anything else blocks the claim, online or at a branch', () => {
    expect(nextAfterAssessment({ ...online, eligible: false, blockers: ['waiting_period'] })).toBe('blocked');
    expect(nextAfterAssessment({ eligible: false, blockers: ['merge_kpj_first'], channel: 'branch' })).toBe('blocked');
  });

  it('asks for the NPWP above Rp50 million gross, or when the assessment says it is required', () => {
    expect(needsNpwp({ gross: 50_000_000, blockers: [] })).toBe(false);
    expect(needsNpwp({ gross: 50_000_001, blockers: [] })).toBe(true);
    expect(needsNpwp({ gross: 1_000, blockers: ['npwp_required'] })).toBe(true);
  });
});

describe('checkBankForm', () => {
  const filled = { bankCode: '002', accountNumber: '0123-01-000456-50-7', holderName: 'Agus Setiawan', npwp: '' };

  it('accepts a known bank and 6 to 20 digits as typed, with spaces and dashes', () => {
    expect(checkBankForm(filled, false)).toEqual({});
    expect(Object.keys(CLAIM_BANKS)).toContain(filled.bankCode);
  });

  it('names each field that is wrong', () => {
    expect(checkBankForm({ bankCode: '', accountNumber: '', holderName: ' ', npwp: '' }, true)).toEqual({
      bankCode: 'bankRequired',
      accountNumber: 'fieldRequired',
      holderName: 'fieldRequired',
      npwp: 'fieldRequired',
    });
    expect(checkBankForm({ ...filled, bankCode: '999', accountNumber: '12345' }, false)).toEqual({
      bankCode: 'bankRequired',
      accountNumber: 'accountNumberFormat',
    });
  });

  it('checks the NPWP only when it is asked for: 15 or 16 digits, dots and dashes allowed', () => {
    expect(checkBankForm({ ...filled, npwp: '12.345' }, false)).toEqual({});
    expect(checkBankForm({ ...filled, npwp: '12.345' }, true)).toEqual({ npwp: 'npwpFormat' });
    expect(checkBankForm({ ...filled, npwp: '09.254.294.3-407.000' }, true)).toEqual({});
    expect(checkBankForm({ ...filled, npwp: '3273011505920004' }, true)).toEqual({});
  });
});

describe('claimTimeline', () => {
  const at = (day: string) => `2026-11-${day}T03:00:00.000Z`;

  it('follows a paid claim through every step with its dates', () => {
    const steps = claimTimeline({
      state: 'paid',
      events: [
        { at: at('24'), state: 'submitted' },
        { at: at('25'), state: 'verifying' },
        { at: at('26'), state: 'approved' },
        { at: at('27'), state: 'paid' },
      ],
    });
    expect(steps.map((s) => [s.state, s.at, s.reached, s.isCurrent])).toEqual([
      ['submitted', at('24'), true, false],
      ['verifying', at('25'), true, false],
      ['approved', at('26'), true, false],
      ['paid', at('27'), true, true],
    ]);
  });

  it('shows the steps still to come of a claim being verified', () => {
    const steps = claimTimeline({
      state: 'verifying',
      events: [
        { at: at('24'), state: 'submitted' },
        { at: at('25'), state: 'verifying' },
      ],
    });
    expect(steps.map((s) => [s.state, s.reached, s.isCurrent])).toEqual([
      ['submitted', true, false],
      ['verifying', true, true],
      ['approved', false, false],
      ['paid', false, false],
    ]);
  });

  it('ends a rejected claim at "rejected", without the verification when it was rejected at once', () => {
    expect(
      claimTimeline({
        state: 'rejected',
        events: [
          { at: at('24'), state: 'submitted' },
          { at: at('25'), state: 'rejected' },
        ],
      }).map((s) => s.state),
    ).toEqual(['submitted', 'rejected']);
    expect(
      claimTimeline({
        state: 'rejected',
        events: [
          { at: at('24'), state: 'submitted' },
          { at: at('25'), state: 'verifying' },
          { at: at('26'), state: 'rejected' },
        ],
      }).map((s) => s.state),
    ).toEqual(['submitted', 'verifying', 'rejected']);
  });
});

describe('claimProblemOf', () => {
  it('lists the blockers of a claim that is not eligible, and the documents missing', () => {
    expect(claimProblemOf(apiError('CLAIM_NOT_ELIGIBLE', ['merge_kpj_first', 'waiting_period']))).toEqual({
      key: 'errorClaimNotEligible',
      reasonKeys: ['blocker_merge_kpj_first', 'blocker_waiting_period'],
      field: null,
    });
    expect(claimProblemOf(apiError('DOCUMENTS_MISSING', ['paklaring']))?.reasonKeys).toEqual(['doc_paklaring']);
  });

  it('points a refused bank account at its field', () => {
    expect(claimProblemOf(apiError('INVALID_INPUT', ['NOT_OWN_NAME']))).toEqual({
      key: 'notOwnName',
      reasonKeys: [],
      field: 'holderName',
    });
    expect(claimProblemOf(apiError('INVALID_INPUT', ['ACCOUNT_NUMBER_FORMAT']))?.field).toBe('accountNumber');
    expect(claimProblemOf(apiError('INVALID_INPUT', ['BANK_UNKNOWN']))?.field).toBe('bankCode');
  });

  it('explains claim and appointment codes, and leaves the rest to the portal’s error handler', () => {
    expect(claimProblemOf(apiError('CLAIM_IN_PROGRESS'))?.key).toBe('errorClaimInProgress');
    expect(claimProblemOf(apiError('DOCUMENT_REJECTED'))?.key).toBe('errorDocumentRejected');
    expect(claimProblemOf(apiError('SLOT_UNAVAILABLE', ['SLOT_FULL']), 'appointment')?.reasonKeys).toEqual([
      'slotFull',
    ]);
    expect(claimProblemOf(apiError('CONFLICT'), 'appointment')?.key).toBe('errorAppointmentConflict');
    expect(claimProblemOf(apiError('CONFLICT'))).toBeNull();
    expect(claimProblemOf(apiError('REAUTH_REQUIRED'))).toBeNull();
    expect(claimProblemOf(apiError('INVALID_INPUT'))).toBeNull();
    expect(claimProblemOf(new TypeError('Failed to fetch'))).toBeNull();
  });
});

describe('claimReasonOfPurpose', () => {
  it('reads the claim reason of a branch visit booked by the wizard', () => {
    expect(claimReasonOfPurpose('jht_claim:death', JHT_CLAIM_REASONS)).toBe('death');
    expect(claimReasonOfPurpose('jht_claim:nonsense', JHT_CLAIM_REASONS)).toBeNull();
    expect(claimReasonOfPurpose('recovery', JHT_CLAIM_REASONS)).toBeNull();
  });
});
