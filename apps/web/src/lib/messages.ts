// Every user-facing string of the member portal: Bahasa Indonesia first, English second.
const id = {
  appName: 'Pulih',
  appTagline: 'Layanan mandiri akun BPJS Ketenagakerjaan',
  languageLabel: 'Bahasa',
  loading: 'Memuat…',
  skipToContent: 'Langsung ke isi',

  loginTitle: 'Masuk ke akun Anda',
  loginIntro: 'Gunakan email atau nomor KPJ (11 digit) yang terdaftar.',
  identifierLabel: 'Email atau nomor KPJ',
  passwordLabel: 'Kata sandi',
  loginSubmit: 'Masuk',
  loginSubmitting: 'Sedang masuk…',
  loginFieldsRequired: 'Isi email atau nomor KPJ dan kata sandi.',

  profileTitle: 'Profil saya',
  profileIntro: 'Periksa data kontak yang terdaftar di akun Anda.',
  fullNameLabel: 'Nama lengkap',
  kpjLabel: 'Nomor KPJ',
  nikLabel: 'NIK',
  emailLabel: 'Email terdaftar',
  phoneLabel: 'Nomor HP terdaftar',
  notRegistered: 'Belum terdaftar',
  verified: 'Terverifikasi',
  notVerified: 'Belum diverifikasi',
  membershipLabel: 'Status kepesertaan',
  membershipActive: 'Aktif',
  membershipInactive: 'Tidak aktif',
  contactsConfirmedLabel: 'Kontak terakhir dikonfirmasi',
  contactsNeverConfirmed: 'Belum pernah',
  logout: 'Keluar',

  securityTipTitle: 'Tips keamanan akun',
  securityTipPasswordManager: 'Gunakan pengelola kata sandi agar setiap akun punya kata sandi yang kuat dan berbeda.',
  securityTipDedicatedEmail: 'Pakai satu email khusus untuk BPJS Ketenagakerjaan dan layanan penting lainnya.',
  securityTipKeepContactsCurrent: 'Segera perbarui email dan nomor HP bila berganti, supaya akun bisa dipulihkan.',

  errorInvalidCredentials: 'Email/nomor KPJ atau kata sandi salah.',
  errorInvalidInput: 'Data yang diisi tidak valid. Periksa kembali.',
  errorRateLimited: 'Terlalu banyak percobaan. Tunggu sebentar lalu coba lagi.',
  errorUnauthenticated: 'Sesi Anda telah berakhir. Silakan masuk kembali.',
  errorForbidden: 'Anda tidak memiliki akses untuk tindakan ini.',
  errorNotFound: 'Data tidak ditemukan.',
  errorGeneric: 'Terjadi kesalahan, coba lagi',
  retry: 'Coba lagi',
} as const;

export type MessageKey = keyof typeof id;
export type Messages = Readonly<Record<MessageKey, string>>;

const en: Messages = {
  appName: 'Pulih',
  appTagline: 'BPJS Ketenagakerjaan account self-service',
  languageLabel: 'Language',
  loading: 'Loading…',
  skipToContent: 'Skip to content',

  loginTitle: 'Log in to your account',
  loginIntro: 'Use your registered email or KPJ number (11 digits).',
  identifierLabel: 'Email or KPJ number',
  passwordLabel: 'Password',
  loginSubmit: 'Log in',
  loginSubmitting: 'Logging in…',
  loginFieldsRequired: 'Enter your email or KPJ number and your password.',

  profileTitle: 'My profile',
  profileIntro: 'Check the contact details registered to your account.',
  fullNameLabel: 'Full name',
  kpjLabel: 'KPJ number',
  nikLabel: 'NIK',
  emailLabel: 'Registered email',
  phoneLabel: 'Registered mobile number',
  notRegistered: 'Not registered',
  verified: 'Verified',
  notVerified: 'Not verified',
  membershipLabel: 'Membership status',
  membershipActive: 'Active',
  membershipInactive: 'Inactive',
  contactsConfirmedLabel: 'Contacts last confirmed',
  contactsNeverConfirmed: 'Never',
  logout: 'Log out',

  securityTipTitle: 'Account security tips',
  securityTipPasswordManager: 'Use a password manager so every account has a strong, different password.',
  securityTipDedicatedEmail: 'Use one dedicated email address for BPJS Ketenagakerjaan and other important services.',
  securityTipKeepContactsCurrent:
    'Update your email and mobile number as soon as they change, so your account can be recovered.',

  errorInvalidCredentials: 'The email/KPJ number or password is wrong.',
  errorInvalidInput: 'Some details are not valid. Please check them.',
  errorRateLimited: 'Too many attempts. Wait a moment and try again.',
  errorUnauthenticated: 'Your session has ended. Please log in again.',
  errorForbidden: 'You do not have access to do this.',
  errorNotFound: 'Nothing was found.',
  errorGeneric: 'Something went wrong, please try again',
  retry: 'Try again',
};

export const messages: { readonly id: Messages; readonly en: Messages } = { id, en };

export type Locale = keyof typeof messages;
export const locales: readonly Locale[] = ['id', 'en'];
export const defaultLocale: Locale = 'id';

export function isLocale(value: unknown): value is Locale {
  return typeof value === 'string' && (locales as readonly string[]).includes(value);
}
