import { describe, expect, it } from 'vitest';
import { formatMessage, messages } from './messages';

describe('kiosk message catalogue', () => {
  it('has exactly the same keys in Bahasa Indonesia and English', () => {
    expect(Object.keys(messages.en).sort()).toEqual(Object.keys(messages.id).sort());
  });

  it('has no empty message in either language', () => {
    for (const catalogue of [messages.id, messages.en]) {
      for (const [key, text] of Object.entries(catalogue)) {
        expect(text.trim(), key).not.toBe('');
      }
    }
  });

  it('uses the same placeholders in both languages', () => {
    const placeholders = (text: string) => [...text.matchAll(/\{\w+\}/g)].map((match) => match[0]).sort();
    for (const [key, text] of Object.entries(messages.id)) {
      expect(placeholders(messages.en[key as keyof typeof messages.en]), key).toEqual(placeholders(text));
    }
  });

  it('greets in Bahasa Indonesia with the agreed title and status line', () => {
    expect(messages.id.welcomeTitle).toBe('Selamat datang di Pulih');
    expect(messages.id.statusOnline).toBe('Terhubung ke layanan');
  });
});

describe('formatMessage', () => {
  it('fills named placeholders', () => {
    expect(formatMessage(messages.id.idleWarning, { seconds: 7 })).toContain('dalam 7 detik');
  });

  it('leaves a placeholder it has no value for in place', () => {
    expect(formatMessage('{a} and {b}', { a: 1 })).toBe('1 and {b}');
  });
});
