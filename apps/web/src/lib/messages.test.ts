import { findCatalogueProblems } from '@pulih/ui/messages';
import { describe, expect, it } from 'vitest';
import { messages } from './messages';

describe('member portal message catalogue', () => {
  it('has the same keys, no empty text and the same placeholders in both languages', () => {
    expect(findCatalogueProblems(messages)).toEqual([]);
  });

  it('uses the agreed generic message for unknown errors', () => {
    expect(messages.id.errorGeneric).toBe('Terjadi kesalahan, coba lagi');
  });

  it('asks the agreed reconfirmation question in Bahasa Indonesia', () => {
    expect(messages.id.reconfirmTitle).toBe('Apakah email dan nomor HP ini masih aktif?');
    expect(messages.id.reconfirmYes).toBe('Ya, masih benar');
    expect(messages.id.reconfirmChange).toBe('Ubah');
  });
});
