import type { Catalogues } from '@pulih/ui/messages';

// Every user-facing string of the branch kiosk: Bahasa Indonesia first, English second.
const id = {
  appName: 'Pulih',
  kioskSubtitle: 'Kios layanan mandiri BPJS Ketenagakerjaan',
  languageLabel: 'Bahasa',

  welcomeTitle: 'Selamat datang di Pulih',
  welcomeIntro: 'Sentuh layanan yang Anda butuhkan.',
  serviceForgotAccount: 'Lupa email / akun',
  serviceForgotAccountHint: 'Cari tahu email yang terdaftar dan pulihkan akses akun',
  serviceJhtBalance: 'Cek saldo JHT',
  serviceJhtBalanceHint: 'Lihat saldo Jaminan Hari Tua Anda',
  serviceQueueNumber: 'Ambil nomor antrean',
  serviceQueueNumberHint: 'Antre untuk dilayani petugas di loket',
  comingSoonBadge: 'Segera hadir',
  comingSoonTitle: 'Layanan ini segera hadir',
  comingSoonBody:
    'Layanan "{service}" belum tersedia di kios ini. Untuk saat ini, silakan minta bantuan petugas di loket.',
  backToStart: 'Kembali ke awal',

  statusChecking: 'Memeriksa koneksi ke layanan…',
  statusOnline: 'Terhubung ke layanan',
  statusOffline: 'Tidak terhubung ke layanan. Silakan hubungi petugas.',
  statusDemo: 'Mode demo: data yang tampil bukan data asli.',

  idleWarningTitle: 'Masih di sana?',
  idleWarning: 'Demi keamanan data Anda, layar akan kembali ke awal dalam {seconds} detik.',
  idleContinue: 'Saya masih di sini',

  errorInvalidCredentials: 'Email/nomor KPJ atau kata sandi salah.',
  errorInvalidInput: 'Data yang diisi tidak valid. Periksa kembali.',
  errorRateLimited: 'Terlalu banyak percobaan. Tunggu sebentar lalu coba lagi.',
  errorUnauthenticated: 'Sesi telah berakhir. Silakan mulai lagi.',
  errorForbidden: 'Tindakan ini tidak diizinkan.',
  errorNotFound: 'Data tidak ditemukan.',
  errorGeneric: 'Terjadi kesalahan, coba lagi',
} as const;

export type MessageKey = keyof typeof id;
export type Messages = Readonly<Record<MessageKey, string>>;

const en: Messages = {
  appName: 'Pulih',
  kioskSubtitle: 'BPJS Ketenagakerjaan self-service kiosk',
  languageLabel: 'Language',

  welcomeTitle: 'Welcome to Pulih',
  welcomeIntro: 'Touch the service you need.',
  serviceForgotAccount: 'Forgot email / account',
  serviceForgotAccountHint: 'Find your registered email and get back into your account',
  serviceJhtBalance: 'Check JHT balance',
  serviceJhtBalanceHint: 'See your old-age savings (Jaminan Hari Tua) balance',
  serviceQueueNumber: 'Take a queue number',
  serviceQueueNumberHint: 'Queue to be served by staff at the counter',
  comingSoonBadge: 'Coming soon',
  comingSoonTitle: 'This service is coming soon',
  comingSoonBody:
    'The "{service}" service is not available at this kiosk yet. For now, please ask the staff at the counter.',
  backToStart: 'Back to start',

  statusChecking: 'Checking the connection to the service…',
  statusOnline: 'Connected to the service',
  statusOffline: 'Not connected to the service. Please ask a staff member.',
  statusDemo: 'Demo mode: the data shown is not real.',

  idleWarningTitle: 'Still there?',
  idleWarning: 'To protect your data, the screen goes back to the start in {seconds} seconds.',
  idleContinue: "I'm still here",

  errorInvalidCredentials: 'The email/KPJ number or password is wrong.',
  errorInvalidInput: 'Some details are not valid. Please check them.',
  errorRateLimited: 'Too many attempts. Wait a moment and try again.',
  errorUnauthenticated: 'The session has ended. Please start again.',
  errorForbidden: 'This is not allowed.',
  errorNotFound: 'Nothing was found.',
  errorGeneric: 'Something went wrong, please try again',
};

export const messages: Catalogues<Messages> = { id, en };
