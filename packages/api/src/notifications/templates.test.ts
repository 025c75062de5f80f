import { describe, expect, it } from 'vitest';
import { type NoticeData, NoticeDataError, type NoticeTemplate, noticeTemplates, renderNotice } from './templates.js';

const locales = ['id', 'en'] as const;

/** A link as long as a real one (host + 22-character token). */
const LINK = 'https://pulih.bpjsketenagakerjaan.go.id/r/Ab3dE6gH9jK2mN5pQ7sT1v';

const dataFor: Record<NoticeTemplate, NoticeData> = {
  registration_code: { fullName: 'Siti Rahayu', code: '482913', link: LINK, expiresMinutes: 15 },
  registration_exists: { link: LINK },
  registration_no_match: {},
  registration_attempt_notice: { fullName: 'Siti Rahayu' },
  email_verification_code: { fullName: 'Siti Rahayu', code: '482913', link: LINK, expiresMinutes: 15 },
  password_reset: {
    fullName: 'Siti Rahayu',
    code: '482913',
    link: LINK,
    linkExpiresMinutes: 30,
    codeExpiresMinutes: 10,
  },
  password_changed_notice: { fullName: 'Siti Rahayu', channelLabel: 'web' },
  contact_change_code: { fullName: 'Siti Rahayu', code: '482913', expiresMinutes: 10, contactKind: 'phone' },
  contact_changed_notice: {
    fullName: 'Siti Rahayu',
    contactKind: 'phone',
    maskedNewContact: '0812****7890',
    link: LINK,
    linkExpiresDays: 7,
  },
  account_frozen_notice: { fullName: 'Siti Rahayu' },
  account_activated_notice: { fullName: 'Siti Rahayu' },
  account_control_code: { fullName: 'Siti Rahayu', code: '482913', expiresMinutes: 10 },
  account_closed_notice: { fullName: 'Siti Rahayu' },
  recovery_code: { fullName: 'Siti Rahayu', code: '482913', expiresMinutes: 10 },
  recovery_disclosure_notice: { fullName: 'Siti Rahayu', channelLabel: 'web' },
  verification_closed_notice: { fullName: 'Siti Rahayu' },
  support_reply: {
    fullName: 'Siti Rahayu',
    message: 'Email terdaftar Anda: s***u@example.com.\nSilakan masuk dengan email itu atau gunakan Lupa akun.',
  },
  support_neutral_reply: {},
  kiosk_balance_code: { code: '482913', expiresMinutes: 10 },
  claim_state_changed: {
    fullName: 'Siti Rahayu',
    reference: 'KLM-7Q2M-9XKD',
    claimState: 'rejected',
    claimReason: 'resignation',
    amount: 14_250_000,
    decisionNote: 'Paklaring tidak terbaca',
  },
  person_records_merged: { fullName: 'Siti Rahayu', maskedKpjNumbers: ['*******1234', '*******5678'] },
  person_records_unmerged: { fullName: 'Siti Rahayu', maskedKpjNumbers: ['*******1234'] },
  contribution_credited: { fullName: 'Siti Rahayu', period: '2026-10', amount: 285_000 },
  contribution_missing: { fullName: 'Siti Rahayu', period: '2026-10' },
  membership_status_changed: {
    fullName: 'Siti Rahayu',
    membershipStatus: 'non_aktif',
    statusReason: 'no_contribution_3_months',
  },
  appointment_booked: {
    fullName: 'Siti Rahayu',
    reference: 'JDW-4KD2-PQ7M',
    branchName: 'Jakarta Menara Jamsostek',
    day: '2026-12-01',
    slot: '09:30',
  },
  correction_received: {
    fullName: 'Siti Rahayu',
    reference: 'KOR-7Q2M-9XKD',
    correctionField: 'mother_name',
    day: '2026-11-27 15:00 WIB',
  },
  correction_approved: { fullName: 'Siti Rahayu', reference: 'KOR-7Q2M-9XKD', correctionField: 'mother_name' },
  correction_rejected: {
    fullName: 'Siti Rahayu',
    reference: 'KOR-7Q2M-9XKD',
    correctionField: 'birth_date',
    decisionNote: 'Tanggal lahir pada KTP yang diunggah tidak terbaca',
  },
  breach_notice: {
    fullName: 'Siti Rahayu',
    reference: 'INS-4KD2-PQ7M',
    day: '2026-11-20',
    dataCategories: ['Identitas dan nomor KPJ', 'Email atau nomor ponsel terdaftar'],
    message: 'Akses petugas yang bersangkutan telah dicabut dan semua token staf diganti.',
  },
};

const codeTemplates: NoticeTemplate[] = [
  'registration_code',
  'email_verification_code',
  'password_reset',
  'contact_change_code',
  'recovery_code',
  'kiosk_balance_code',
];
const securityNotices: NoticeTemplate[] = [
  'registration_attempt_notice',
  'password_reset',
  'password_changed_notice',
  'contact_changed_notice',
  'account_frozen_notice',
  'account_activated_notice',
  'support_neutral_reply',
];

const cases = locales.flatMap((locale) => noticeTemplates.map((template) => ({ locale, template })));

/** The GSM 03.38 basic alphabet (minus the accented letters we never use): one SMS holds 160 of them. */
const GSM_BASIC = /^[A-Za-z0-9 \n\r@$_!"#%&'()*+,\-./:;<=>?]*$/;

describe('renderNotice', () => {
  it.each(cases)(
    'renders $template in $locale with no undefined, NaN or leftover placeholder',
    ({ locale, template }) => {
      const notice = renderNotice(template, locale, dataFor[template]);
      for (const text of [notice.subject, notice.body, notice.sms]) {
        expect(text.trim()).not.toBe('');
        expect(text).not.toMatch(/undefined|NaN|null|\[object|\$\{|\{|\}/);
      }
    },
  );

  it.each(cases)(
    'keeps the SMS of $template in $locale to one GSM-7 message of 160 characters',
    ({ locale, template }) => {
      const { sms } = renderNotice(template, locale, dataFor[template]);
      expect(sms).toMatch(GSM_BASIC);
      expect(sms.length).toBeLessThanOrEqual(160);
    },
  );

  it.each(locales.flatMap((locale) => codeTemplates.map((template) => ({ locale, template }))))(
    'shows the code of $template in $locale on its own line of the email and in the SMS',
    ({ locale, template }) => {
      const notice = renderNotice(template, locale, dataFor[template]);
      expect(notice.body).toMatch(/^ {4}(Kode|Code): 482913$/m);
      expect(notice.sms).toContain('482913');
      // Phishing hygiene: both say the agency never asks for the code.
      expect(notice.body).toMatch(
        locale === 'id' ? /tidak pernah meminta kode/ : /never asks for your verification code/,
      );
      expect(notice.sms).toMatch(locale === 'id' ? /tidak pernah meminta/ : /never asks for/);
    },
  );

  it.each(locales.flatMap((locale) => securityNotices.map((template) => ({ locale, template }))))(
    'tells the member of $template in $locale where to go if it was not them',
    ({ locale, template }) => {
      const notice = renderNotice(template, locale, dataFor[template]);
      expect(notice.body).toContain('175');
      expect(notice.body).toMatch(/Lupa akun/);
      expect(notice.body).toMatch(locale === 'id' ? /kantor cabang/ : /branch office/);
      expect(notice.sms).toContain('175');
    },
  );

  it.each(cases)(
    'signs the $template email in $locale as BPJS Ketenagakerjaan — Pulih and warns about phone requests',
    ({ locale, template }) => {
      const { body } = renderNotice(template, locale, dataFor[template]);
      expect(body).toContain('\nBPJS Ketenagakerjaan — Pulih\n');
      expect(body).toMatch(
        locale === 'id' ? /tidak pernah meminta kode verifikasi/ : /never asks for your verification/,
      );
    },
  );

  it('writes Bahasa Indonesia with the formal address and the member name', () => {
    const { subject, body } = renderNotice('password_changed_notice', 'id', {
      fullName: 'Budi Santoso',
      channelLabel: 'kios',
    });
    expect(subject).toBe('Pemberitahuan keamanan: kata sandi akun Pulih diubah');
    expect(
      body.startsWith('Yth. Bapak/Ibu Budi Santoso,\n\nKata sandi akun Pulih Anda baru saja diubah melalui kios.'),
    ).toBe(true);
    expect(body).toContain('Hormat kami,\nBPJS Ketenagakerjaan — Pulih');
  });

  it('greets without a name when none is given, as for an address not yet linked to a member', () => {
    expect(renderNotice('registration_no_match', 'id', {}).body.startsWith('Yth. Bapak/Ibu,\n')).toBe(true);
    expect(renderNotice('registration_no_match', 'en', {}).body.startsWith('Dear member,\n')).toBe(true);
  });

  it('names the kind of contact that changed and shows only its masked form', () => {
    const notice = renderNotice('contact_changed_notice', 'id', {
      ...dataFor.contact_changed_notice,
      contactKind: 'email',
      maskedNewContact: 's***i@gmail.com',
    });
    expect(notice.subject).toBe('Pemberitahuan keamanan: alamat email akun Pulih diubah');
    expect(notice.body).toContain('Alamat email akun Pulih Anda telah diganti menjadi s***i@gmail.com.');
    expect(notice.body).toContain('Tautan berlaku selama 7 hari');
  });

  it('refuses a code message without its code, or with a lifetime that is not a positive whole number', () => {
    const { code: _code, ...withoutCode } = dataFor.registration_code;
    expect(() => renderNotice('registration_code', 'id', withoutCode)).toThrow(NoticeDataError);
    expect(() =>
      renderNotice('registration_code', 'id', { ...dataFor.registration_code, expiresMinutes: Number.NaN }),
    ).toThrow(/expiresMinutes must be a positive whole number/);
    expect(() =>
      renderNotice('contact_changed_notice', 'en', { ...dataFor.contact_changed_notice, link: 'javascript:x' }),
    ).toThrow(/link must be an http\(s\) URL/);
  });

  it('refuses data that carries a full NIK, so a caller mistake cannot mail one out', () => {
    expect(() =>
      renderNotice('contact_changed_notice', 'id', {
        ...dataFor.contact_changed_notice,
        maskedNewContact: '3201234567890001',
      }),
    ).toThrow(/looks like a full NIK/);
    expect(() => renderNotice('account_frozen_notice', 'id', { fullName: 'Siti 3201 2345 6789 0001' })).toThrow(
      /looks like a full NIK/,
    );
  });

  it('keeps the lines of a customer-service reply but refuses one that holds a full NIK', () => {
    const { body } = renderNotice('support_reply', 'id', {
      message: 'Baris satu\r\nBaris dua\u0007\n\n\n\nBaris tiga',
    });
    expect(body).toContain('\n\nBaris satu\nBaris dua\n\nBaris tiga\n\n');
    expect(() => renderNotice('support_reply', 'en', { message: 'NIK 3273 0157 0890 0001' })).toThrow(
      /looks like it holds a full NIK/,
    );
    expect(() => renderNotice('support_reply', 'en', {})).toThrow(/message is missing/);
  });

  it('writes a customer-service reply by SMS in GSM-7 and refuses one too long for one SMS', () => {
    const { sms } = renderNotice('support_reply', 'id', { message: 'Email Anda: s***u@example.com – “masuk” lagi…' });
    expect(sms).toBe('BPJSTK CS: Email Anda: s***u@example.com - "masuk" lagi... Bukan Anda? 175');
    expect(() => renderNotice('support_reply', 'id', { message: 'x'.repeat(121) }).sms).toThrow(/one SMS/);
  });

  it('keeps line breaks in data from reshaping the message', () => {
    const { body } = renderNotice('password_changed_notice', 'en', {
      fullName: 'Siti\nRahayu',
      channelLabel: 'web\r\nX',
    });
    expect(body.startsWith('Dear Siti Rahayu,\n')).toBe(true);
    expect(body).toContain('changed via web X.');
  });
});
