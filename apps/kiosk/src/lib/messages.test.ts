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

  it('has the agreed kiosk wording for pairing, the services and the queue ticket', () => {
    expect(messages.id.pairingTitle).toBe('Kios belum terhubung ke kantor cabang. Petugas: masukkan kode pemasangan');
    expect(messages.id.serviceForgotAccount).toBe('Lupa email / akun');
    expect(messages.id.serviceChangeContact).toBe('Ganti email / nomor HP');
    expect(messages.id.serviceBalanceStatus).toBe('Cek saldo & status');
    expect(messages.id.ticketWait).toBe('Silakan menunggu panggilan petugas');
    expect(messages.id.ticketBring).toContain('KTP');
    expect(messages.id.ticketBring).toContain('KPJ');
  });

  it('names "Data pribadi saya" in both languages and points to the portal\'s "Data saya" page by its name', () => {
    expect(messages.id.serviceMyData).toBe('Data pribadi saya');
    expect(messages.en.serviceMyData).toBe('My personal data');
    expect(messages.id.myDataWhere).toContain('"Data saya"');
    expect(messages.en.myDataWhere).toContain('"My data"');
  });
});

describe('kiosk messages with placeholders', () => {
  it('fill the idle countdown', () => {
    expect(formatMessage(messages.id.idleWarning, { seconds: 7 })).toContain('dalam 7 detik');
  });

  it('fill the branch label and the queue ticket lines', () => {
    expect(formatMessage(messages.id.branchLabel, { label: 'Lobi 1' })).toBe('Kantor cabang: Lobi 1');
    expect(formatMessage(messages.en.ticketWaitingBefore, { count: 2 })).toBe('People ahead of you: 2');
  });
});
