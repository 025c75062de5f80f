import { describe, expect, it } from 'vitest';
import {
  approverNeeded,
  detectClaimDocumentType,
  isClaimFinished,
  JHT_CLAIM_STATES,
  type JhtClaimAction,
  type JhtClaimState,
  nextClaimState,
} from './jht-claim-lifecycle.js';

describe('claim lifecycle', () => {
  // Every state × action: the whole table, so that no transition is allowed by accident.
  const table: [JhtClaimState, JhtClaimAction, JhtClaimState | null][] = [
    ['submitted', 'verify', 'verifying'],
    ['submitted', 'approve', null],
    ['submitted', 'reject', 'rejected'],
    ['submitted', 'pay', null],
    ['verifying', 'verify', null],
    ['verifying', 'approve', 'approved'],
    ['verifying', 'reject', 'rejected'],
    ['verifying', 'pay', null],
    ['approved', 'verify', null],
    ['approved', 'approve', null],
    ['approved', 'reject', null],
    ['approved', 'pay', 'paid'],
    ['rejected', 'verify', null],
    ['rejected', 'approve', null],
    ['rejected', 'reject', null],
    ['rejected', 'pay', null],
    ['paid', 'verify', null],
    ['paid', 'approve', null],
    ['paid', 'reject', null],
    ['paid', 'pay', null],
  ];
  it.each(table)('from %s, %s leads to %s', (state, action, expected) => {
    const next = nextClaimState(state, action);
    expect(next.ok ? next.value : null).toBe(expected);
  });

  it('finishes a claim only when it is rejected or paid', () => {
    expect(JHT_CLAIM_STATES.filter(isClaimFinished)).toEqual(['rejected', 'paid']);
  });

  it('needs a supervisor to approve a claim above the online limit, not one at it', () => {
    expect(approverNeeded(15_000_000, 15_000_000)).toBe('officer');
    expect(approverNeeded(15_000_001, 15_000_000)).toBe('supervisor');
  });
});

describe('detectClaimDocumentType', () => {
  const bytes = (...values: number[]) => new Uint8Array([...values, 0, 0, 0, 0]);
  it('knows PDF, PNG and JPEG by their first bytes', () => {
    expect(detectClaimDocumentType(new TextEncoder().encode('%PDF-1.7\n...'))).toBe('application/pdf');
    expect(detectClaimDocumentType(bytes(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a))).toBe('image/png');
    expect(detectClaimDocumentType(bytes(0xff, 0xd8, 0xff, 0xe0))).toBe('image/jpeg');
  });

  it('refuses anything else, however it is named: HTML, an executable, a GIF, text, empty', () => {
    for (const content of ['<html><script>', 'MZ\x90\x00', 'GIF89a', 'hello', '']) {
      expect(detectClaimDocumentType(new TextEncoder().encode(content))).toBeNull();
    }
    // A truncated signature is not the file type.
    expect(detectClaimDocumentType(new Uint8Array([0x25, 0x50, 0x44, 0x46, 0x2d]))).toBeNull();
  });
});
