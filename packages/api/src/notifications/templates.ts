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

export const noticeTemplates = [
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
] as const;

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
class Fields {
  constructor(
    private readonly template: NoticeTemplate,
    private readonly data: NoticeData,
  ) {}

  private fail(field: string, why: string): never {
    throw new NoticeDataError(`notice ${this.template}: ${field} ${why}`);
  }

  private text(field: 'code' | 'maskedNewContact' | 'channelLabel' | 'link'): string {
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
  get contactKind(): 'email' | 'phone' {
    const value = this.data.contactKind;
    if (value !== 'email' && value !== 'phone') this.fail('contactKind', "must be 'email' or 'phone'");
    return value;
  }
}

/** Control characters and line breaks in data would let a caller reshape the message. */
const oneLine = (value: string): string =>
  value
    .replace(/[\p{Cc}\p{Cf}]+/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim();

interface Wording {
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

interface Draft {
  readonly subject: string;
  /** Paragraphs between the greeting and the closing. */
  readonly paragraphs: readonly string[];
  readonly sms: string;
}

type Composer = (f: Fields, w: Wording) => Draft;

const capitalize = (value: string): string => value.charAt(0).toUpperCase() + value.slice(1);

const composers: Record<NoticeLocale, Record<NoticeTemplate, Composer>> = {
  id: {
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
  },
  en: {
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
  },
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
