import { findCatalogueProblems, formatMessage } from '@pulih/ui/messages';
import { describe, expect, it } from 'vitest';
import { messages } from './messages';

describe('kiosk message catalogue', () => {
  it('has the same keys, no empty text and the same placeholders in both languages', () => {
    expect(findCatalogueProblems(messages)).toEqual([]);
  });

  it('greets in Bahasa Indonesia with the agreed title and status line', () => {
    expect(messages.id.welcomeTitle).toBe('Selamat datang di Pulih');
    expect(messages.id.statusOnline).toBe('Terhubung ke layanan');
  });
});

describe('kiosk messages with placeholders', () => {
  it('fill the idle countdown', () => {
    expect(formatMessage(messages.id.idleWarning, { seconds: 7 })).toContain('dalam 7 detik');
  });
});
