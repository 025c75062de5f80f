import { jhtComposers, jhtNoticeTemplates } from './jht-templates.js';

/**
 * The words of every notice Pulih sends, in Bahasa Indonesia first and English second.
 *
 * Rules kept here rather than at every caller: a message with a code shows it on its own line;
 * no message ever carries a password or a full NIK; every security notice says what to do when
 * it was not the member; and every code message reminds the member that the agency never asks
 * for the code. SMS texts use only the GSM 7-bit alphabet (no em dash, no curly quotes), since a
 * single other character turns a 160-character SMS into a 70-character one.
 */

export type NoticeLocale = 'id' | 'en';

const accountNoticeTemplates = [
  'registration_code',
  'registration_exists',
  'registration_no_match',
  'registration_attempt_notice',
  'email_verification_code',
  'password_reset',
  'password_changed_notice',
  'contact_change_code',
  'contact_changed_notice',
  'account_frozen_notice',
  'account_activated_notice',
  'account_control_code',
  'account_closed_notice',
  'recovery_code',
  'recovery_disclosure_notice',
  'verification_closed_notice',
  'support_reply',
  'support_neutral_reply',
  'kiosk_balance_code',
  'person_records_merged',
  'person_records_unmerged',
  'correction_received',
  'correction_approved',
  'correction_rejected',
  'breach_notice',
] as const;

export const noticeTemplates = [...accountNoticeTemplates, ...jhtNoticeTemplates] as const;

export type NoticeTemplate = (typeof noticeTemplates)[number];

export interface NoticeData {
  readonly fullName?: string;
  readonly code?: string;
  readonly link?: string;
  readonly expiresMinutes?: number;
  readonly linkExpiresMinutes?: number;
  readonly codeExpiresMinutes?: number;
  readonly linkExpiresDays?: number;
  readonly contactKind?: 'email' | 'phone';
  readonly maskedNewContact?: string;
  readonly channelLabel?: string;
  /** A customer-service agent's reply, several lines; masked data only (a full NIK is refused). */
  readonly message?: string;
  /** A claim or appointment number. */
  readonly reference?: string;
  readonly claimState?: string;
  readonly claimReason?: string;
  /** Whole rupiah. */
  readonly amount?: number;
  /** `YYYY-MM` */
  readonly period?: string;
  readonly membershipStatus?: string;
  readonly statusReason?: string;
  /** Why staff rejected a claim, one line. */
  readonly decisionNote?: string;
  readonly branchName?: string;
  readonly day?: string;
  readonly slot?: string;
  /** KPJ numbers masked with the domain's `maskKpj` (an unmasked one is refused). */
  readonly maskedKpjNumbers?: readonly string[];
  /** Which item of the member's identity a correction request is about. */
  readonly correctionField?: 'full_name' | 'birth_date' | 'mother_name' | 'nik';
  /** The kinds of personal data a breach notice is about, in the notice's language, one line each. */
  readonly dataCategories?: readonly string[];
}

/** The longest staff reply that still fits one SMS with its prefix and the 175 line. */
export const SUPPORT_SMS_MAX_CHARS = 120;
/** The longest staff reply by email. */
export const SUPPORT_MESSAGE_MAX_CHARS = 5_000;

/** Approximates a text in the GSM 03.38 basic alphabet, so one SMS holds 160 characters. */
export function toGsmBasic(value: string): string {
  return value
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[\u2018\u2019\u201a\u2032`]/g, "'")
    .replace(/[\u201c\u201d\u201e\u2033]/g, '"')
    .replace(/[\u2010-\u2015]/g, '-')
    .replace(/\u2026/g, '...')
    .replace(/[^A-Za-z0-9 @$_!"#%&'()*+,\-./:;<=>?]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

export interface RenderedNotice {
  readonly subject: string;
  readonly body: string;
  readonly sms: string;
}

/** A caller forgot a datum the template needs: a bug, found by the caller's tests. */
export class NoticeDataError extends Error {
  override readonly name = 'NoticeDataError';
}

const SIGNATURE = 'BPJS Ketenagakerjaan — Pulih';

/** Reads the data once, checked, so a template can never print `undefined` or `NaN`. */
export class Fields {
  constructor(
    private readonly template: NoticeTemplate,
    private readonly data: NoticeData,
  ) {}

  private fail(field: string, why: string): never {
    throw new NoticeDataError(`notice ${this.template}: ${field} ${why}`);
  }

  private text(
    field:
      | 'code'
      | 'maskedNewContact'
      | 'channelLabel'
      | 'link'
      | 'reference'
      | 'claimState'
      | 'claimReason'
      | 'period'
      | 'membershipStatus'
      | 'statusReason'
      | 'decisionNote'
      | 'branchName'
      | 'day'
      | 'slot',
  ): string {
    const value = this.data[field];
    if (typeof value !== 'string' || value.trim() === '') this.fail(field, 'is missing');
    const clean = oneLine(value);
    // A full NIK (16 digits) must never leave the building, not even by a caller's mistake.
    if (field !== 'link' && /\d{16}/.test(clean.replace(/[\s.-]/g, ''))) this.fail(field, 'looks like a full NIK');
    return clean;
  }

  private count(field: 'expiresMinutes' | 'linkExpiresMinutes' | 'codeExpiresMinutes' | 'linkExpiresDays'): number {
    const value = this.data[field];
    if (typeof value !== 'number' || !Number.isInteger(value) || value <= 0) {
      this.fail(field, 'must be a positive whole number');
    }
    return value;
  }

  /** The name is a courtesy: without it the letter still reads well ("Bapak/Ibu"). */
  get name(): string | null {
    const value = this.data.fullName;
    if (typeof value !== 'string' || value.trim() === '') return null;
    const clean = oneLine(value);
    if (/\d{16}/.test(clean.replace(/\s/g, ''))) this.fail('fullName', 'looks like a full NIK');
    return clean;
  }
  get code(): string {
    return this.text('code');
  }
  get link(): string {
    const link = this.text('link');
    if (!/^https?:\/\/\S+$/.test(link)) this.fail('link', 'must be an http(s) URL');
    return link;
  }
  get maskedNewContact(): string {
    return this.text('maskedNewContact');
  }
  get channelLabel(): string {
    return this.text('channelLabel');
  }
  get expiresMinutes(): number {
    return this.count('expiresMinutes');
  }
  get linkExpiresMinutes(): number {
    return this.count('linkExpiresMinutes');
  }
  get codeExpiresMinutes(): number {
    return this.count('codeExpiresMinutes');
  }
  get linkExpiresDays(): number {
    return this.count('linkExpiresDays');
  }
  /** The staff reply with its line breaks, other control characters removed. */
  get message(): string {
    const value = this.data.message;
    if (typeof value !== 'string' || value.trim() === '') this.fail('message', 'is missing');
    const clean = value
      .replace(/\r\n?/g, '\n')
      .replace(/[\p{Cf}]+|[^\P{Cc}\n]+/gu, ' ')
      .replace(/[ \t]+\n/g, '\n')
      .replace(/\n{3,}/g, '\n\n')
      .trim();
    if (clean.length > SUPPORT_MESSAGE_MAX_CHARS) this.fail('message', `is longer than ${SUPPORT_MESSAGE_MAX_CHARS}`);
    if (/\d{16}/.test(clean.replace(/[\s.-]/g, ''))) this.fail('message', 'looks like it holds a full NIK');
    return clean;
  }
  /** The staff reply as one GSM-7 line for an SMS. */
  get smsMessage(): string {
    const gsm = toGsmBasic(this.message);
    if (gsm.length > SUPPORT_SMS_MAX_CHARS) this.fail('message', `is longer than one SMS (${SUPPORT_SMS_MAX_CHARS})`);
    return gsm;
  }
  get reference(): string {
    return this.text('reference');
  }
  get claimState(): string {
    return this.text('claimState');
  }
  get claimReason(): string {
    return this.text('claimReason');
  }
  get period(): string {
    return this.text('period');
  }
  get membershipStatus(): string {
    return this.text('membershipStatus');
  }
  get statusReason(): string {
    return this.text('statusReason');
  }
  get decisionNote(): string {
    return this.text('decisionNote');
  }
  get branchName(): string {
    return this.text('branchName');
  }
  get day(): string {
    return this.text('day');
  }
  get slot(): string {
    return this.text('slot');
  }
  /** Whole rupiah, never negative. */
  get amount(): number {
    const value = this.data.amount;
    if (typeof value !== 'number' || !Number.isSafeInteger(value) || value < 0) {
      this.fail('amount', 'must be whole rupiah');
    }
    return value;
  }
  get correctionField(): 'full_name' | 'birth_date' | 'mother_name' | 'nik' {
    const value = this.data.correctionField;
    if (value !== 'full_name' && value !== 'birth_date' && value !== 'mother_name' && value !== 'nik') {
      this.fail('correctionField', 'must name an identity item');
    }
    return value;
  }
  /** At least one category, each on one line and never holding a full NIK. */
  get dataCategories(): readonly string[] {
    const value = this.data.dataCategories;
    if (value === undefined || value.length === 0) this.fail('dataCategories', 'is missing');
    return value.map((category) => {
      const clean = typeof category === 'string' ? oneLine(category) : '';
      if (clean === '') this.fail('dataCategories', 'holds an empty category');
      if (/\d{16}/.test(clean.replace(/[\s.-]/g, ''))) this.fail('dataCategories', 'looks like a full NIK');
      return clean;
    });
  }
  get contactKind(): 'email' | 'phone' {
    const value = this.data.contactKind;
    if (value !== 'email' && value !== 'phone') this.fail('contactKind', "must be 'email' or 'phone'");
    return value;
  }
  /** Masked KPJ numbers (`*******1234`), possibly none. */
  get maskedKpjNumbers(): readonly string[] {
    const value = this.data.maskedKpjNumbers;
    if (value === undefined) this.fail('maskedKpjNumbers', 'is missing');
    if (value.some((kpj) => typeof kpj !== 'string' || !/^\*+\d{4}$/.test(kpj)))
      this.fail('maskedKpjNumbers', 'must hold masked KPJ numbers only');
    return value;
  }
  /** The same in an SMS: the last four digits of at most three numbers. */
  get smsKpjNumbers(): string {
    const short = this.maskedKpjNumbers.map((kpj) => `*${kpj.slice(-4)}`);
    if (short.length === 0) return '-';
    return short.length <= 3 ? short.join(', ') : `${short.slice(0, 3).join(', ')} +${short.length - 3}`;
  }
}

/** Control characters and line breaks in data would let a caller reshape the message. */
const oneLine = (value: string): string =>
  value
    .replace(/[\p{Cc}\p{Cf}]+/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim();

export interface Wording {
  readonly greeting: (name: string | null) => string;
  readonly minutes: (n: number) => string;
  readonly days: (n: number) => string;
  readonly contact: (kind: 'email' | 'phone') => string;
  readonly codeLine: (code: string) => string;
  readonly notMe: string;
  readonly phishing: string;
  readonly closing: string;
  readonly automated: string;
}

const wording: Record<NoticeLocale, Wording> = {
  id: {
    greeting: (name) => (name ? `Yth. Bapak/Ibu ${name},` : 'Yth. Bapak/Ibu,'),
    minutes: (n) => `${n} menit`,
    days: (n) => `${n} hari`,
    contact: (kind) => (kind === 'email' ? 'alamat email' : 'nomor ponsel'),
    codeLine: (code) => `    Kode: ${code}`,
    notMe:
      'Jika bukan Anda yang melakukannya, segera amankan akun Anda: gunakan menu "Lupa akun" di Pulih, ' +
      'hubungi Call Center BPJS Ketenagakerjaan 175, atau datang ke kantor cabang terdekat dengan membawa ' +
      'KTP dan kartu peserta (KPJ).',
    phishing:
      'Demi keamanan Anda: BPJS Ketenagakerjaan tidak pernah meminta kode verifikasi, kata sandi, atau PIN ' +
      'melalui telepon, SMS, WhatsApp, maupun media sosial. Jangan berikan kode kepada siapa pun, termasuk ' +
      'orang yang mengaku sebagai petugas BPJS Ketenagakerjaan.',
    closing: `Hormat kami,\n${SIGNATURE}`,
    automated: 'Pesan ini dikirim secara otomatis; mohon tidak membalas pesan ini.',
  },
  en: {
    greeting: (name) => (name ? `Dear ${name},` : 'Dear member,'),
    minutes: (n) => (n === 1 ? '1 minute' : `${n} minutes`),
    days: (n) => (n === 1 ? '1 day' : `${n} days`),
    contact: (kind) => (kind === 'email' ? 'email address' : 'mobile number'),
    codeLine: (code) => `    Code: ${code}`,
    notMe:
      'If this was not you, secure your account now: use "Forgot account" ("Lupa akun") in Pulih, call the ' +
      'BPJS Ketenagakerjaan call center on 175, or visit the nearest branch office with your KTP and ' +
      'membership card (KPJ).',
    phishing:
      'For your safety: BPJS Ketenagakerjaan never asks for your verification code, password or PIN by phone, ' +
      'SMS, WhatsApp or social media. Do not give a code to anyone, including people who claim to be ' +
      'BPJS Ketenagakerjaan staff.',
    closing: `Kind regards,\n${SIGNATURE}`,
    automated: 'This message was sent automatically; please do not reply to it.',
  },
};

export interface Draft {
  readonly subject: string;
  /** Paragraphs between the greeting and the closing. */
  readonly paragraphs: readonly string[];
  readonly sms: string;
}

export type Composer = (f: Fields, w: Wording) => Draft;

const capitalize = (value: string): string => value.charAt(0).toUpperCase() + value.slice(1);

const composers: Record<NoticeLocale, Record<NoticeTemplate, Composer>> = {
  id: {
    ...jhtComposers.id,
    registration_code: (f, w) => ({
      subject: 'Kode verifikasi pendaftaran akun Pulih',
      paragraphs: [
        'Terima kasih telah mendaftar akun Pulih BPJS Ketenagakerjaan. Untuk memverifikasi alamat ini dan ' +
          'menyelesaikan pendaftaran, masukkan kode berikut:',
        w.codeLine(f.code),
        `atau buka tautan berikut:\n${f.link}`,
        `Kode dan tautan berlaku selama ${w.minutes(f.expiresMinutes)} dan hanya dapat digunakan satu kali.`,
        'Jika Anda tidak merasa mendaftar, abaikan pesan ini; akun tidak akan aktif tanpa kode tersebut. Jika Anda ' +
          'menduga data kepesertaan Anda digunakan orang lain, hubungi Call Center 175 atau kantor cabang terdekat.',
        w.phishing,
      ],
      sms:
        `Kode pendaftaran Pulih: ${f.code}, berlaku ${w.minutes(f.expiresMinutes)}. JANGAN berikan kepada ` +
        'siapa pun. BPJS Ketenagakerjaan tidak pernah meminta kode ini.',
    }),
    registration_exists: (f, w) => ({
      subject: 'Pendaftaran akun Pulih: data Anda sudah memiliki akun',
      paragraphs: [
        'Kami menerima permintaan pendaftaran akun Pulih dengan alamat ini. Data kepesertaan yang dimasukkan ' +
          'sudah terhubung dengan akun Pulih, sehingga akun baru tidak kami buat.',
        `Jika Anda lupa email atau kata sandi akun tersebut, pulihkan akses melalui "Lupa akun":\n${f.link}`,
        'Jika Anda tidak merasa mendaftar, abaikan pesan ini; tidak ada akun yang berubah. Jika Anda menduga data ' +
          'kepesertaan Anda digunakan orang lain, hubungi Call Center 175 atau kantor cabang terdekat.',
        w.phishing,
      ],
      sms: `Data Anda sudah punya akun Pulih. Lupa email/kata sandi? Buka Lupa akun: ${f.link} Bukan Anda? Abaikan.`,
    }),
    registration_no_match: (_f, w) => ({
      subject: 'Pendaftaran akun Pulih belum berhasil',
      paragraphs: [
        'Kami menerima permintaan pendaftaran akun Pulih dengan alamat ini, tetapi data yang dimasukkan tidak ' +
          'cocok dengan data kepesertaan BPJS Ketenagakerjaan. Mohon periksa kembali:',
        [
          '- NIK: 16 digit, sesuai KTP elektronik.',
          '- Nomor KPJ: 11 digit, sesuai kartu peserta BPJS Ketenagakerjaan.',
          '- Nama lengkap: sama persis dengan KTP, tanpa gelar dan tanpa singkatan.',
          '- Tanggal lahir: sesuai KTP.',
        ].join('\n'),
        'Jika data sudah benar tetapi pendaftaran tetap gagal, data kepesertaan Anda mungkin perlu diperbarui. ' +
          'Silakan hubungi Call Center 175 atau datang ke kantor cabang BPJS Ketenagakerjaan terdekat dengan ' +
          'membawa KTP dan kartu peserta (KPJ).',
        'Jika Anda tidak merasa mendaftar, abaikan pesan ini.',
        w.phishing,
      ],
      sms:
        'Pendaftaran Pulih gagal: data tidak cocok. Periksa NIK, no. KPJ, nama sesuai KTP dan tgl lahir. ' +
        'Tetap gagal? Hubungi 175 atau kantor cabang.',
    }),
    registration_attempt_notice: (_f, w) => ({
      subject: 'Pemberitahuan keamanan: ada upaya pendaftaran dengan data Anda',
      paragraphs: [
        'Kami menerima permintaan pendaftaran akun Pulih baru dengan data kepesertaan Anda. Karena Anda sudah ' +
          'memiliki akun, permintaan tersebut tidak kami proses dan akun Anda tidak berubah.',
        'Jika itu Anda dan Anda lupa email atau kata sandi, gunakan menu "Lupa akun" di Pulih.',
        'Jika bukan Anda, mungkin ada orang lain yang mengetahui data pribadi Anda, seperti NIK atau nomor KPJ. ' +
          'Jangan berikan kode apa pun yang Anda terima kepada siapa pun. Untuk berjaga-jaga, hubungi Call Center ' +
          '175 atau datang ke kantor cabang terdekat dengan membawa KTP dan kartu peserta (KPJ).',
        w.phishing,
      ],
      sms:
        'Ada upaya mendaftar akun Pulih baru dengan data Anda; tidak kami proses. Bukan Anda? Jangan beri kode ' +
        'ke siapa pun, hubungi 175.',
    }),
    email_verification_code: (f, w) => ({
      subject: 'Kode verifikasi email akun Pulih',
      paragraphs: [
        'Gunakan kode berikut untuk memverifikasi alamat email akun Pulih BPJS Ketenagakerjaan Anda:',
        w.codeLine(f.code),
        `atau buka tautan berikut:\n${f.link}`,
        `Kode dan tautan berlaku selama ${w.minutes(f.expiresMinutes)} dan hanya dapat digunakan satu kali.`,
        'Jika Anda tidak meminta verifikasi ini, abaikan pesan ini; alamat email tidak akan terverifikasi tanpa ' +
          'kode tersebut.',
        w.phishing,
      ],
      sms:
        `Kode verifikasi email Pulih: ${f.code}, berlaku ${w.minutes(f.expiresMinutes)}. JANGAN berikan kepada ` +
        'siapa pun. BPJS Ketenagakerjaan tidak pernah meminta kode ini.',
    }),
    password_reset: (f, w) => ({
      subject: 'Atur ulang kata sandi akun Pulih',
      paragraphs: [
        'Kami menerima permintaan untuk mengatur ulang kata sandi akun Pulih Anda. Masukkan kode berikut:',
        w.codeLine(f.code),
        `Kode berlaku selama ${w.minutes(f.codeExpiresMinutes)}. Anda juga dapat membuka tautan berikut, ` +
          `yang berlaku selama ${w.minutes(f.linkExpiresMinutes)}:\n${f.link}`,
        'Kata sandi Anda tidak berubah sampai Anda membuat kata sandi baru. Jika Anda tidak meminta pengaturan ' +
          'ulang, abaikan pesan ini dan jangan berikan kode tersebut kepada siapa pun.',
        w.notMe,
        w.phishing,
      ],
      sms:
        `Kode atur ulang kata sandi Pulih: ${f.code}, berlaku ${w.minutes(f.codeExpiresMinutes)}. JANGAN ` +
        'berikan ke siapa pun; BPJS Ketenagakerjaan tidak pernah memintanya. Bukan Anda? Hubungi 175.',
    }),
    password_changed_notice: (f, w) => ({
      subject: 'Pemberitahuan keamanan: kata sandi akun Pulih diubah',
      paragraphs: [
        `Kata sandi akun Pulih Anda baru saja diubah melalui ${f.channelLabel}.`,
        'Jika Anda yang melakukannya, tidak ada yang perlu Anda lakukan.',
        w.notMe,
        w.phishing,
      ],
      sms:
        `Kata sandi akun Pulih Anda baru diubah via ${f.channelLabel}. Bukan Anda? Segera gunakan Lupa akun, ` +
        'hubungi 175, atau datangi kantor cabang.',
    }),
    contact_change_code: (f, w) => {
      const contact = w.contact(f.contactKind);
      return {
        subject: `Kode konfirmasi ${contact} baru akun Pulih`,
        paragraphs: [
          `Ada permintaan untuk menjadikan ${contact} ini sebagai ${contact} akun Pulih BPJS Ketenagakerjaan ` +
            'Anda. Masukkan kode berikut untuk mengonfirmasi:',
          w.codeLine(f.code),
          `Kode berlaku selama ${w.minutes(f.expiresMinutes)} dan hanya dapat digunakan satu kali.`,
          `Jika Anda tidak memintanya, abaikan pesan ini; ${contact} ini tidak akan dipakai tanpa kode tersebut.`,
          w.phishing,
        ],
        sms:
          `Kode konfirmasi ${contact} baru Pulih: ${f.code}, berlaku ${w.minutes(f.expiresMinutes)}. JANGAN ` +
          'berikan kepada siapa pun. BPJS Ketenagakerjaan tidak pernah memintanya.',
      };
    },
    contact_changed_notice: (f, w) => {
      const contact = w.contact(f.contactKind);
      return {
        subject: `Pemberitahuan keamanan: ${contact} akun Pulih diubah`,
        paragraphs: [
          `${capitalize(contact)} akun Pulih Anda telah diganti menjadi ${f.maskedNewContact}. Pesan ini kami ` +
            `kirim ke ${contact} lama Anda.`,
          'Jika Anda yang melakukannya, tidak ada yang perlu Anda lakukan.',
          'Jika BUKAN Anda, buka tautan berikut. Perubahan akan dibatalkan dan akun Anda dibekukan sementara ' +
            `agar aman. Tautan berlaku selama ${w.days(f.linkExpiresDays)}:\n${f.link}`,
          'Setelah itu, pulihkan akun melalui menu "Lupa akun" di Pulih, Call Center 175, atau kantor cabang ' +
            'terdekat dengan membawa KTP dan kartu peserta (KPJ).',
          w.phishing,
        ],
        sms:
          `${capitalize(contact)} Pulih Anda kini ${f.maskedNewContact}. Bukan Anda? Buka ${f.link} ` +
          `dalam ${w.days(f.linkExpiresDays)} atau hubungi 175.`,
      };
    },
    account_frozen_notice: (_f, w) => ({
      subject: 'Akun Pulih Anda dibekukan sementara',
      paragraphs: [
        'Sesuai laporan "Ini bukan saya" yang kami terima, akun Pulih Anda telah kami bekukan sementara untuk ' +
          'melindungi data dan saldo Anda. Selama dibekukan, akun tidak dapat digunakan untuk masuk.',
        'Untuk mengaktifkan kembali akun, lakukan pemulihan melalui menu "Lupa akun" di Pulih dengan nomor KPJ ' +
          'dan NIK Anda, hubungi Call Center 175, atau datang ke kantor cabang terdekat dengan membawa KTP dan ' +
          'kartu peserta (KPJ).',
        'Jika Anda tidak pernah mengirim laporan tersebut, segera hubungi Call Center 175.',
        w.phishing,
      ],
      sms:
        'Akun Pulih Anda dibekukan sementara atas laporan Ini bukan saya. Pulihkan lewat Lupa akun, Call Center ' +
        '175, atau kantor cabang.',
    }),
    account_control_code: (f, w) => ({
      subject: 'Kode konfirmasi akun ganda Pulih',
      paragraphs: [
        'Seseorang yang masuk ke akun Pulih lain atas nama Anda ingin menutup akun ganda dan meminta bukti bahwa ' +
          'akun dengan alamat email ini juga miliknya. Jika itu Anda, masukkan kode berikut di halaman "Akun ganda":',
        w.codeLine(f.code),
        `Kode berlaku selama ${w.minutes(f.expiresMinutes)} dan hanya dapat digunakan satu kali.`,
        'Jika itu bukan Anda, jangan berikan kode ini kepada siapa pun; akun ini tidak akan ditutup tanpa kode ' +
          'tersebut. Hubungi Call Center 175.',
        w.phishing,
      ],
      sms:
        `Kode konfirmasi akun ganda Pulih: ${f.code}, berlaku ${w.minutes(f.expiresMinutes)}. JANGAN berikan ` +
        'kepada siapa pun.',
    }),
    account_closed_notice: (_f, w) => ({
      subject: 'Akun ganda Pulih Anda telah ditutup',
      paragraphs: [
        'Akun Pulih dengan alamat email ini telah ditutup sebagai akun ganda. Nomor KPJ, iuran, dan saldo JHT ' +
          'Anda tidak berubah; gunakan akun yang Anda pertahankan untuk masuk.',
        w.notMe,
        w.phishing,
      ],
      sms: 'Akun ganda Pulih Anda telah ditutup. Saldo tidak berubah. Bukan Anda? Hubungi 175.',
    }),
    account_activated_notice: (_f, w) => ({
      subject: 'Akun Pulih Anda telah aktif',
      paragraphs: [
        'Akun Pulih BPJS Ketenagakerjaan atas nama Anda telah aktif. Anda kini dapat masuk dengan alamat email ' +
          'terdaftar atau nomor KPJ untuk melihat saldo JHT, status kepesertaan, dan layanan lainnya.',
        w.notMe,
        w.phishing,
      ],
      sms:
        'Akun Pulih BPJS Ketenagakerjaan atas nama Anda telah aktif. Bukan Anda? Segera hubungi 175, gunakan ' +
        'Lupa akun, atau datangi kantor cabang.',
    }),
    verification_closed_notice: (_f, w) => ({
      subject: 'Pemberitahuan keamanan: verifikasi identitas Anda ditutup hari ini',
      paragraphs: [
        'Hari ini ada 3 kali verifikasi identitas atas nama Anda yang gagal (melalui web, kios, call center, atau ' +
          'kantor cabang). Untuk melindungi akun Anda, verifikasi melalui jalur tersebut kami tutup sampai besok.',
        'Jika itu Anda, silakan coba lagi besok, atau datang ke kantor cabang terdekat dengan membawa KTP dan kartu ' +
          'peserta (KPJ).',
        w.notMe,
        w.phishing,
      ],
      sms:
        'Ada 3 verifikasi identitas gagal atas nama Anda hari ini; verifikasi ditutup sampai besok. Bukan Anda? ' +
        'Hubungi 175.',
    }),
    recovery_code: (f, w) => ({
      subject: 'Kode pemulihan akun Pulih',
      paragraphs: [
        'Gunakan kode berikut untuk memulihkan akun Pulih BPJS Ketenagakerjaan Anda ("Lupa akun"):',
        `    Kode: ${f.code}`,
        `Kode berlaku selama ${w.minutes(f.expiresMinutes)} dan hanya dapat digunakan satu kali.`,
        w.notMe,
        w.phishing,
      ],
      sms:
        `Kode pemulihan Pulih: ${f.code}, berlaku ${w.minutes(f.expiresMinutes)}. JANGAN berikan kepada ` +
        'siapa pun. BPJS Ketenagakerjaan tidak pernah meminta kode ini.',
    }),
    recovery_disclosure_notice: (f, w) => ({
      subject: 'Pemberitahuan keamanan: email terdaftar Anda ditampilkan',
      paragraphs: [
        `Email terdaftar akun Pulih Anda baru saja ditampilkan melalui "Lupa akun" (${f.channelLabel}), setelah ` +
          'kode dikirim ke nomor HP terdaftar Anda dan dimasukkan dengan benar.',
        w.notMe,
        w.phishing,
      ],
      sms: `Email terdaftar akun Pulih Anda baru ditampilkan lewat Lupa akun (${f.channelLabel}). Bukan Anda? Hubungi 175.`,
    }),
    support_reply: (f, w) => ({
      subject: 'Balasan layanan pelanggan BPJS Ketenagakerjaan',
      paragraphs: [
        'Berikut balasan petugas layanan pelanggan atas email Anda kepada BPJS Ketenagakerjaan:',
        f.message,
        'Balasan tentang data akun hanya kami kirim ke alamat email atau nomor ponsel yang terdaftar, dan data ' +
          'pribadi selalu kami tampilkan tersamar.',
        'Jika Anda tidak pernah menghubungi kami, abaikan pesan ini dan hubungi Call Center 175.',
        w.phishing,
      ],
      sms: `BPJSTK CS: ${f.smsMessage} Bukan Anda? 175`,
    }),
    support_neutral_reply: (_f, w) => ({
      subject: 'Balasan layanan pelanggan BPJS Ketenagakerjaan: pertanyaan tentang akun',
      paragraphs: [
        'Terima kasih telah menghubungi layanan pelanggan BPJS Ketenagakerjaan.',
        'Demi keamanan data peserta, pertanyaan tentang akun dan data kepesertaan hanya kami jawab melalui ' +
          'alamat email atau nomor ponsel yang terdaftar. Karena itu pertanyaan Anda tidak dapat kami jawab ' +
          'melalui alamat ini.',
        'Jika Anda lupa email yang terdaftar atau tidak dapat lagi mengaksesnya: gunakan menu "Lupa akun" di ' +
          'Pulih dengan NIK atau nomor KPJ dan nomor ponsel terdaftar, hubungi Call Center BPJS Ketenagakerjaan ' +
          '175, atau datang ke kantor cabang terdekat dengan membawa KTP dan kartu peserta (KPJ).',
        'Mohon jangan mengirim foto KTP, kartu peserta, kata sandi, atau kode verifikasi melalui email.',
        w.phishing,
      ],
      sms: 'Pertanyaan akun hanya dijawab ke email/HP terdaftar. Gunakan Lupa akun di Pulih, hubungi 175, atau datang ke kantor cabang.',
    }),
    kiosk_balance_code: (f, w) => ({
      subject: 'Kode cek saldo JHT di kios Pulih',
      paragraphs: [
        'Gunakan kode berikut untuk melihat saldo JHT dan status kepesertaan Anda di kios kantor cabang ("Cek saldo & status"):',
        w.codeLine(f.code),
        `Kode berlaku selama ${w.minutes(f.expiresMinutes)} dan hanya dapat digunakan satu kali.`,
        w.notMe,
        w.phishing,
      ],
      sms:
        `Kode cek saldo JHT di kios Pulih: ${f.code}, berlaku ${w.minutes(f.expiresMinutes)}. JANGAN berikan ` +
        'kepada siapa pun. BPJS Ketenagakerjaan tidak pernah meminta kode ini.',
    }),
    person_records_merged: (f, w) => ({
      subject: 'Data kepesertaan Anda telah digabungkan',
      paragraphs: [
        'Petugas BPJS Ketenagakerjaan telah menggabungkan data kepesertaan atas nama Anda yang tercatat lebih dari ' +
          'satu kali (data ganda) menjadi satu data. Nomor KPJ yang kini tercatat dalam data Anda:',
        f.maskedKpjNumbers.length > 0 ? f.maskedKpjNumbers.map((kpj) => `    - ${kpj}`).join('\n') : '    (tidak ada)',
        'Iuran dan saldo JHT tetap tercatat pada nomor KPJ masing-masing: tidak ada saldo yang hilang atau ' +
          'berkurang karena penggabungan ini.',
        'Jika penggabungan ini keliru, misalnya ada nomor KPJ yang bukan milik Anda, hubungi Call Center BPJS ' +
          'Ketenagakerjaan 175 atau datang ke kantor cabang terdekat dengan membawa KTP dan kartu peserta (KPJ); ' +
          'petugas dapat membatalkannya.',
        w.phishing,
      ],
      sms:
        `Data peserta BPJSTK Anda digabung: KPJ ${f.smsKpjNumbers} kini satu data. Saldo tetap utuh. Keliru? ` +
        'Hubungi 175 atau kantor cabang.',
    }),
    person_records_unmerged: (f, w) => ({
      subject: 'Penggabungan data kepesertaan Anda dibatalkan',
      paragraphs: [
        'Petugas BPJS Ketenagakerjaan telah membatalkan penggabungan data kepesertaan atas nama Anda; data tersebut ' +
          'kembali terpisah seperti sebelum digabungkan. Nomor KPJ yang kini tercatat dalam data ini:',
        f.maskedKpjNumbers.length > 0 ? f.maskedKpjNumbers.map((kpj) => `    - ${kpj}`).join('\n') : '    (tidak ada)',
        'Iuran dan saldo JHT tetap tercatat pada nomor KPJ masing-masing: tidak ada saldo yang hilang atau ' +
          'berkurang karena pembatalan ini.',
        'Jika ada yang keliru, hubungi Call Center BPJS Ketenagakerjaan 175 atau datang ke kantor cabang terdekat ' +
          'dengan membawa KTP dan kartu peserta (KPJ).',
        w.phishing,
      ],
      sms:
        `Penggabungan data peserta BPJSTK Anda dibatalkan. KPJ di data ini: ${f.smsKpjNumbers}. Saldo tetap utuh. ` +
        'Keliru? Hubungi 175.',
    }),
    correction_received: (f, w) => {
      const item = correctionItem.id[f.correctionField];
      return {
        subject: 'Permintaan perbaikan data Anda kami terima',
        paragraphs: [
          `Kami telah menerima permintaan perbaikan ${item} Anda dengan nomor ${f.reference}, beserta dokumen ` +
            'pendukungnya.',
          `Petugas akan memeriksanya dan memutuskannya paling lambat ${f.day}. Hasilnya kami kirim ke email dan ` +
            'nomor ponsel terdaftar Anda, dan dapat Anda lihat di menu "Data saya" di Pulih.',
          w.notMe,
          w.phishing,
        ],
        sms: `Permintaan perbaikan ${item} (${f.reference}) kami terima; keputusan paling lambat ${f.day}. Bukan Anda? Hubungi 175.`,
      };
    },
    correction_approved: (f, w) => {
      const item = correctionItem.id[f.correctionField];
      return {
        subject: 'Perbaikan data Anda telah disetujui',
        paragraphs: [
          `Permintaan perbaikan ${item} Anda (${f.reference}) telah disetujui dan data kepesertaan Anda telah ` +
            'diperbarui. Anda dapat melihatnya di menu "Data saya" di Pulih.',
          w.notMe,
          w.phishing,
        ],
        sms: `Perbaikan ${item} Anda (${f.reference}) disetujui; data kepesertaan telah diperbarui. Bukan Anda? Hubungi 175.`,
      };
    },
    correction_rejected: (f, w) => {
      const item = correctionItem.id[f.correctionField];
      return {
        subject: 'Permintaan perbaikan data Anda belum dapat disetujui',
        paragraphs: [
          `Permintaan perbaikan ${item} Anda (${f.reference}) belum dapat kami setujui. Alasannya: ${f.decisionNote}`,
          'Anda dapat mengajukan permintaan baru di menu "Data saya" dengan pindaian KTP atau Kartu Keluarga yang ' +
            'jelas, atau datang ke kantor cabang terdekat dengan membawa dokumen aslinya.',
          w.notMe,
          w.phishing,
        ],
        sms: `Perbaikan ${item} Anda (${f.reference}) belum disetujui. Alasannya ada di email dan menu Data saya di Pulih. Info: 175.`,
      };
    },
    breach_notice: (f, w) => ({
      subject: 'Pemberitahuan pelindungan data pribadi: data Anda mungkin telah diakses',
      paragraphs: [
        'Sesuai Undang-Undang Nomor 27 Tahun 2022 tentang Pelindungan Data Pribadi, kami memberi tahu Anda bahwa ' +
          `sejak ${f.day} data pribadi Anda berikut mungkin telah diakses oleh pihak yang tidak berwenang ` +
          `(insiden ${f.reference}):`,
        f.dataCategories.map((category) => `    - ${category}`).join('\n'),
        `Yang telah kami lakukan:\n${f.message}`,
        'Yang dapat Anda lakukan: waspadai pesan atau telepon yang mengatasnamakan BPJS Ketenagakerjaan, jangan ' +
          'berikan kode atau kata sandi kepada siapa pun, dan periksa "Riwayat akses" di Pulih. Jika ada yang ' +
          'mencurigakan, segera ganti kata sandi, gunakan "Lupa akun", hubungi Call Center 175, atau datang ke ' +
          'kantor cabang terdekat dengan membawa KTP dan kartu peserta (KPJ).',
        w.phishing,
      ],
      sms: `PENTING: data pribadi Anda mungkin telah diakses pihak tidak berwenang (insiden ${f.reference}). Detail di email. Waspada penipuan; info 175.`,
    }),
  },
  en: {
    ...jhtComposers.en,
    registration_code: (f, w) => ({
      subject: 'Your Pulih registration code',
      paragraphs: [
        'Thank you for registering for a Pulih BPJS Ketenagakerjaan account. To verify this address and finish ' +
          'registering, enter this code:',
        w.codeLine(f.code),
        `or open this link:\n${f.link}`,
        `The code and the link are valid for ${w.minutes(f.expiresMinutes)} and can be used once.`,
        'If you did not register, ignore this message; the account will not be activated without the code. If you ' +
          'think someone else is using your membership data, call the call center on 175 or visit a branch office.',
        w.phishing,
      ],
      sms:
        `Pulih registration code: ${f.code}, valid for ${w.minutes(f.expiresMinutes)}. Do NOT share it. ` +
        'BPJS Ketenagakerjaan never asks for this code.',
    }),
    registration_exists: (f, w) => ({
      subject: 'Pulih registration: your data already has an account',
      paragraphs: [
        'We received a request to register a Pulih account with this address. The membership data entered is ' +
          'already linked to a Pulih account, so no new account was created.',
        `If you forgot the email or password of that account, recover it with "Forgot account" ("Lupa akun"):\n${f.link}`,
        'If you did not try to register, ignore this message; no account was changed. If you think someone else ' +
          'is using your membership data, call the call center on 175 or visit a branch office.',
        w.phishing,
      ],
      sms: `You already have a Pulih account. Forgot email/password? Use Forgot account: ${f.link} Not you? Ignore.`,
    }),
    registration_no_match: (_f, w) => ({
      subject: 'Your Pulih registration did not go through',
      paragraphs: [
        'We received a request to register a Pulih account with this address, but the data entered does not ' +
          'match the BPJS Ketenagakerjaan membership records. Please check:',
        [
          '- NIK: 16 digits, as on your electronic KTP.',
          '- KPJ number: 11 digits, as on your BPJS Ketenagakerjaan membership card.',
          '- Full name: exactly as on your KTP, without titles or abbreviations.',
          '- Date of birth: as on your KTP.',
        ].join('\n'),
        'If the data is right and registering still fails, your membership record may need updating. Please call ' +
          'the call center on 175 or visit the nearest BPJS Ketenagakerjaan branch office with your KTP and ' +
          'membership card (KPJ).',
        'If you did not try to register, ignore this message.',
        w.phishing,
      ],
      sms:
        'Pulih registration failed: data did not match. Check NIK, KPJ no., name as on KTP and birth date. ' +
        'Still failing? Call 175 or visit a branch.',
    }),
    registration_attempt_notice: (_f, w) => ({
      subject: 'Security notice: someone tried to register with your data',
      paragraphs: [
        'We received a request to register a new Pulih account with your membership data. As you already have ' +
          'an account, we did not process the request and your account has not changed.',
        'If it was you and you forgot your email or password, use "Forgot account" ("Lupa akun") in Pulih.',
        'If it was not you, someone else may know personal data such as your NIK or KPJ number. Do not give any ' +
          'code you receive to anyone. To be safe, call the call center on 175 or visit the nearest branch office ' +
          'with your KTP and membership card (KPJ).',
        w.phishing,
      ],
      sms:
        'Someone tried to register a new Pulih account with your data; we did not process it. Not you? Share no ' +
        'codes, call 175.',
    }),
    email_verification_code: (f, w) => ({
      subject: 'Your Pulih email verification code',
      paragraphs: [
        'Use this code to verify the email address of your Pulih BPJS Ketenagakerjaan account:',
        w.codeLine(f.code),
        `or open this link:\n${f.link}`,
        `The code and the link are valid for ${w.minutes(f.expiresMinutes)} and can be used once.`,
        'If you did not ask for this, ignore this message; the address will not be verified without the code.',
        w.phishing,
      ],
      sms:
        `Pulih email verification code: ${f.code}, valid for ${w.minutes(f.expiresMinutes)}. Do NOT share it. ` +
        'BPJS Ketenagakerjaan never asks for this code.',
    }),
    password_reset: (f, w) => ({
      subject: 'Reset your Pulih password',
      paragraphs: [
        'We received a request to reset the password of your Pulih account. Enter this code:',
        w.codeLine(f.code),
        `The code is valid for ${w.minutes(f.codeExpiresMinutes)}. You can also open this link, valid for ` +
          `${w.minutes(f.linkExpiresMinutes)}:\n${f.link}`,
        'Your password does not change until you choose a new one. If you did not ask for a reset, ignore this ' +
          'message and do not give the code to anyone.',
        w.notMe,
        w.phishing,
      ],
      sms:
        `Pulih password reset code: ${f.code}, valid for ${w.minutes(f.codeExpiresMinutes)}. Do NOT share it; ` +
        'BPJS Ketenagakerjaan never asks for it. Not you? Call 175.',
    }),
    password_changed_notice: (f, w) => ({
      subject: 'Security notice: your Pulih password was changed',
      paragraphs: [
        `The password of your Pulih account was just changed via ${f.channelLabel}.`,
        'If this was you, there is nothing you need to do.',
        w.notMe,
        w.phishing,
      ],
      sms:
        `Your Pulih password was just changed via ${f.channelLabel}. Not you? Use Forgot account now, call 175 ` +
        'or visit a branch.',
    }),
    contact_change_code: (f, w) => {
      const contact = w.contact(f.contactKind);
      return {
        subject: `Code to confirm the new ${contact} of your Pulih account`,
        paragraphs: [
          `Someone asked to make this ${contact} the ${contact} of your Pulih BPJS Ketenagakerjaan account. ` +
            'Enter this code to confirm:',
          w.codeLine(f.code),
          `The code is valid for ${w.minutes(f.expiresMinutes)} and can be used once.`,
          `If you did not ask for this, ignore this message; this ${contact} will not be used without the code.`,
          w.phishing,
        ],
        sms:
          `Pulih code to confirm your new ${contact}: ${f.code}, valid for ${w.minutes(f.expiresMinutes)}. Do NOT ` +
          'share it. BPJS Ketenagakerjaan never asks for it.',
      };
    },
    contact_changed_notice: (f, w) => {
      const contact = w.contact(f.contactKind);
      return {
        subject: `Security notice: the ${contact} of your Pulih account was changed`,
        paragraphs: [
          `The ${contact} of your Pulih account was changed to ${f.maskedNewContact}. We are sending this to ` +
            `your previous ${contact}.`,
          'If this was you, there is nothing you need to do.',
          'If it was NOT you, open the link below. The change will be undone and your account frozen for your ' +
            `safety. The link is valid for ${w.days(f.linkExpiresDays)}:\n${f.link}`,
          'Then recover your account with "Forgot account" ("Lupa akun") in Pulih, the call center on 175, or the ' +
            'nearest branch office with your KTP and membership card (KPJ).',
          w.phishing,
        ],
        sms:
          `Your Pulih ${contact} was changed to ${f.maskedNewContact}. Not you? Open ${f.link} within ` +
          `${w.days(f.linkExpiresDays)} or call 175.`,
      };
    },
    account_frozen_notice: (_f, w) => ({
      subject: 'Your Pulih account is frozen for now',
      paragraphs: [
        'Following the "This was not me" report we received, we have frozen your Pulih account for now to ' +
          'protect your data and balance. While frozen, nobody can log in to the account.',
        'To use the account again, recover it with "Forgot account" ("Lupa akun") in Pulih using your KPJ number ' +
          'and NIK, call the call center on 175, or visit the nearest branch office with your KTP and membership ' +
          'card (KPJ).',
        'If you never sent that report, call the call center on 175 at once.',
        w.phishing,
      ],
      sms:
        'Your Pulih account is frozen after a This was not me report. Recover it with Forgot account, call 175 or ' +
        'visit a branch.',
    }),
    account_control_code: (f, w) => ({
      subject: 'Your Pulih duplicate-account confirmation code',
      paragraphs: [
        'Someone logged in to another Pulih account in your name wants to close duplicate accounts and asks for ' +
          'proof that the account with this email address is theirs too. If that is you, enter this code on the ' +
          '"Duplicate accounts" page:',
        w.codeLine(f.code),
        `The code is valid for ${w.minutes(f.expiresMinutes)} and can be used once.`,
        'If it was not you, share this code with nobody; this account cannot be closed without it. Call 175.',
        w.phishing,
      ],
      sms:
        `Pulih duplicate-account confirmation code: ${f.code}, valid for ${w.minutes(f.expiresMinutes)}. Do NOT ` +
        'share it.',
    }),
    account_closed_notice: (_f, w) => ({
      subject: 'Your duplicate Pulih account was closed',
      paragraphs: [
        'The Pulih account with this email address was closed as a duplicate account. Your KPJ numbers, ' +
          'contributions and JHT balance are unchanged; log in with the account you kept.',
        w.notMe,
        w.phishing,
      ],
      sms: 'Your duplicate Pulih account was closed. Your balance is unchanged. Not you? Call 175.',
    }),
    account_activated_notice: (_f, w) => ({
      subject: 'Your Pulih account is now active',
      paragraphs: [
        'A Pulih BPJS Ketenagakerjaan account in your name is now active. You can log in with your registered ' +
          'email address or KPJ number to see your JHT balance, membership status and other services.',
        w.notMe,
        w.phishing,
      ],
      sms:
        'A Pulih BPJS Ketenagakerjaan account in your name is now active. Not you? Call 175 now, use Forgot ' +
        'account or visit a branch.',
    }),
    verification_closed_notice: (_f, w) => ({
      subject: 'Security notice: identity checks for you are closed today',
      paragraphs: [
        'Today 3 identity checks in your name failed (on the web, at a kiosk, with the call center or at a branch). ' +
          'To protect your account, we have closed those checks until tomorrow.',
        'If that was you, try again tomorrow, or visit the nearest branch office with your KTP and membership card (KPJ).',
        w.notMe,
        w.phishing,
      ],
      sms: 'Three identity checks in your name failed today; checks are closed until tomorrow. Not you? Call 175.',
    }),
    recovery_code: (f, w) => ({
      subject: 'Your Pulih account recovery code',
      paragraphs: [
        'Use this code to recover your Pulih BPJS Ketenagakerjaan account ("Forgot account"):',
        `    Code: ${f.code}`,
        `The code is valid for ${w.minutes(f.expiresMinutes)} and works once.`,
        w.notMe,
        w.phishing,
      ],
      sms:
        `Pulih recovery code: ${f.code}, valid ${w.minutes(f.expiresMinutes)}. Do NOT share it. ` +
        'BPJS Ketenagakerjaan never asks for this code.',
    }),
    recovery_disclosure_notice: (f, w) => ({
      subject: 'Security notice: your registered email was shown',
      paragraphs: [
        `The registered email of your Pulih account was just shown through "Forgot account" (${f.channelLabel}), ` +
          'after a code sent to your registered phone was entered correctly.',
        w.notMe,
        w.phishing,
      ],
      sms: `The registered email of your Pulih account was shown via Forgot account (${f.channelLabel}). Not you? Call 175.`,
    }),
    support_reply: (f, w) => ({
      subject: 'Reply from BPJS Ketenagakerjaan customer service',
      paragraphs: [
        'Here is the customer-service reply to your email to BPJS Ketenagakerjaan:',
        f.message,
        'We send replies about account data only to the registered email address or mobile number, and always ' +
          'show personal data masked.',
        'If you never wrote to us, ignore this message and call the call center on 175.',
        w.phishing,
      ],
      sms: `BPJSTK CS: ${f.smsMessage} Not you? 175`,
    }),
    support_neutral_reply: (_f, w) => ({
      subject: 'Reply from BPJS Ketenagakerjaan customer service: questions about an account',
      paragraphs: [
        'Thank you for contacting BPJS Ketenagakerjaan customer service.',
        'To protect members, we answer questions about an account or membership data only through the email ' +
          'address or mobile number registered for it, so we cannot answer your question at this address.',
        'If you forgot the registered email or can no longer use it: use "Forgot account" ("Lupa akun") in Pulih ' +
          'with your NIK or KPJ number and registered mobile number, call the BPJS Ketenagakerjaan call center on ' +
          '175, or visit the nearest branch office with your KTP and membership card (KPJ).',
        'Please do not send photos of your KTP or membership card, passwords or verification codes by email.',
        w.phishing,
      ],
      sms: 'We answer account questions only to the registered email/phone. Use Forgot account in Pulih, call 175 or visit a branch.',
    }),
    kiosk_balance_code: (f, w) => ({
      subject: 'Your Pulih kiosk JHT balance code',
      paragraphs: [
        'Use this code to see your JHT balance and membership status at the branch kiosk ("Check balance & status"):',
        w.codeLine(f.code),
        `The code is valid for ${w.minutes(f.expiresMinutes)} and works once.`,
        w.notMe,
        w.phishing,
      ],
      sms:
        `Pulih kiosk JHT balance code: ${f.code}, valid ${w.minutes(f.expiresMinutes)}. Do NOT share it. ` +
        'BPJS Ketenagakerjaan never asks for this code.',
    }),
    person_records_merged: (f, w) => ({
      subject: 'Your membership records have been merged',
      paragraphs: [
        'BPJS Ketenagakerjaan staff have merged the membership records in your name that were registered more ' +
          'than once (duplicate records) into one record. The KPJ numbers now on your record:',
        f.maskedKpjNumbers.length > 0 ? f.maskedKpjNumbers.map((kpj) => `    - ${kpj}`).join('\n') : '    (none)',
        'Contributions and JHT balances stay on their own KPJ numbers: nothing of your balance is lost or reduced ' +
          'by this merge.',
        'If this merge is wrong, for example a KPJ number is not yours, call the BPJS Ketenagakerjaan call center ' +
          'on 175 or visit the nearest branch office with your KTP and membership card (KPJ); staff can undo it.',
        w.phishing,
      ],
      sms:
        `Your BPJSTK member records were merged: KPJ ${f.smsKpjNumbers} are now one record. Your balance is whole. ` +
        'Wrong? Call 175 or visit a branch.',
    }),
    person_records_unmerged: (f, w) => ({
      subject: 'The merge of your membership records was undone',
      paragraphs: [
        'BPJS Ketenagakerjaan staff have undone the merge of the membership records in your name; they are ' +
          'separate again, as before the merge. The KPJ numbers now on this record:',
        f.maskedKpjNumbers.length > 0 ? f.maskedKpjNumbers.map((kpj) => `    - ${kpj}`).join('\n') : '    (none)',
        'Contributions and JHT balances stay on their own KPJ numbers: nothing of your balance is lost or reduced ' +
          'by undoing the merge.',
        'If anything is wrong, call the BPJS Ketenagakerjaan call center on 175 or visit the nearest branch office ' +
          'with your KTP and membership card (KPJ).',
        w.phishing,
      ],
      sms: `The merge of your BPJSTK member records was undone. KPJ on this record: ${f.smsKpjNumbers}. Balance whole. Wrong? Call 175.`,
    }),
    correction_received: (f, w) => {
      const item = correctionItem.en[f.correctionField];
      return {
        subject: 'We received your request to correct your data',
        paragraphs: [
          `We received your request to correct your ${item}, number ${f.reference}, with its supporting document.`,
          `Staff will check it and decide by ${f.day} at the latest. We will send the outcome to your registered ` +
            'email and mobile number, and you can see it under "My data" ("Data saya") in Pulih.',
          w.notMe,
          w.phishing,
        ],
        sms: `We received your request to correct your ${item} (${f.reference}); decision by ${f.day}. Not you? Call 175.`,
      };
    },
    correction_approved: (f, w) => {
      const item = correctionItem.en[f.correctionField];
      return {
        subject: 'Your data correction was approved',
        paragraphs: [
          `Your request to correct your ${item} (${f.reference}) was approved and your membership data has been ` +
            'updated. You can see it under "My data" ("Data saya") in Pulih.',
          w.notMe,
          w.phishing,
        ],
        sms: `Your correction of your ${item} (${f.reference}) was approved; your data is updated. Not you? Call 175.`,
      };
    },
    correction_rejected: (f, w) => {
      const item = correctionItem.en[f.correctionField];
      return {
        subject: 'Your data correction could not be approved',
        paragraphs: [
          `We could not approve your request to correct your ${item} (${f.reference}). The reason: ${f.decisionNote}`,
          'You may send a new request under "My data" ("Data saya") with a clear scan of your KTP or family card ' +
            '(Kartu Keluarga), or visit the nearest branch office with the original document.',
          w.notMe,
          w.phishing,
        ],
        sms: `Your correction of your ${item} (${f.reference}) was not approved. The reason is in the email and in Pulih. Info: 175.`,
      };
    },
    breach_notice: (f, w) => ({
      subject: 'Personal data protection notice: your data may have been accessed',
      paragraphs: [
        'As Law No. 27 of 2022 on Personal Data Protection requires, we are telling you that since ' +
          `${f.day} the following personal data of yours may have been accessed without authorisation ` +
          `(incident ${f.reference}):`,
        f.dataCategories.map((category) => `    - ${category}`).join('\n'),
        `What we have done:\n${f.message}`,
        'What you can do: be wary of messages or calls in the name of BPJS Ketenagakerjaan, never give a code or ' +
          'password to anyone, and check "Access history" in Pulih. If anything looks wrong, change your password, ' +
          'use "Forgot account" ("Lupa akun"), call the call center on 175, or visit the nearest branch office ' +
          'with your KTP and membership card (KPJ).',
        w.phishing,
      ],
      sms: `IMPORTANT: your personal data may have been accessed without authorisation (incident ${f.reference}). Details by email. Beware of scams; info 175.`,
    }),
  },
};

/** The identity items a member may ask to correct, as a notice names them. */
const correctionItem: Record<NoticeLocale, Record<'full_name' | 'birth_date' | 'mother_name' | 'nik', string>> = {
  id: { full_name: 'nama lengkap', birth_date: 'tanggal lahir', mother_name: 'nama ibu kandung', nik: 'NIK' },
  en: { full_name: 'full name', birth_date: 'date of birth', mother_name: "mother's maiden name", nik: 'NIK' },
};

/**
 * Renders one notice. Throws `NoticeDataError` when the caller left out a datum the template
 * needs, so that a broken message is found in tests and never sent.
 */
export function renderNotice(template: NoticeTemplate, locale: NoticeLocale, data: NoticeData): RenderedNotice {
  const w = wording[locale];
  const fields = new Fields(template, data);
  const draft = composers[locale][template](fields, w);
  const body = [w.greeting(fields.name), ...draft.paragraphs, w.closing, w.automated].join('\n\n');
  return { subject: draft.subject, body: `${body}\n`, sms: draft.sms };
}
