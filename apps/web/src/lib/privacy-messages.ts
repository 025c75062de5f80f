import { PERSONAL_DATA_CATEGORIES, type PersonalDataCategory } from '@pulih/domain';
import type { Catalogues } from '@pulih/ui/messages';

// "Data saya" (my data and corrections): Bahasa Indonesia first, English second. Kept apart from
// messages.ts so that the strings load with the page (the link to it is in privacy-nav-messages.ts).
// Data only: the page reads them through `privacyText` (privacy-text.ts), which follows the switch.

type CorrectionField = 'full_name' | 'birth_date' | 'mother_name' | 'nik';
type CorrectionState = 'pending' | 'approved' | 'rejected';
type Category = PersonalDataCategory;

/** One string per field, state and category: a code without its text fails to compile. */
type CodeKey = `field_${CorrectionField}` | `state_${CorrectionState}` | `category_${Category}`;

const id = {
  title: 'Data saya',
  intro:
    'Semua data pribadi yang kami simpan tentang Anda, sesuai UU No. 27 Tahun 2022 tentang Pelindungan Data Pribadi. ' +
    'Anda dapat mengunduhnya sebagai JSON atau PDF, dan meminta perbaikan jika ada yang salah.',
  show: 'Tampilkan data saya',
  showing: 'Memuat…',
  reauthNote: 'Karena data ini memuat NIK lengkap Anda, kami meminta kata sandi Anda lagi.',
  downloadJson: 'Unduh JSON',
  downloadPdf: 'Unduh PDF',
  downloadingPdf: 'Menyiapkan PDF…',
  generatedAt: 'Dibuat {at}',
  items: '{n} data',
  none: 'Tidak ada data.',
  fullName: 'Nama lengkap',
  nik: 'NIK',
  birthDate: 'Tanggal lahir',
  motherName: 'Nama ibu kandung',
  motherNameHidden: 'Tersimpan, tidak pernah ditampilkan',
  notShownTitle: 'Yang tidak kami tampilkan',
  correctionTitle: 'Minta perbaikan data',
  correctionIntro:
    'Jika nama, tanggal lahir, nama ibu kandung, atau NIK Anda salah, tulis data yang benar dan unggah pindaian KTP ' +
    'atau Kartu Keluarga (PDF, JPEG, atau PNG). Petugas memutuskan paling lambat 3×24 jam; hasilnya kami kirim ke ' +
    'email dan nomor ponsel terdaftar Anda.',
  correctionField: 'Data yang diperbaiki',
  correctionValue: 'Data yang benar',
  correctionValueHint: 'Tulis persis seperti di KTP atau Kartu Keluarga.',
  evidenceKind: 'Dokumen bukti',
  evidenceKtp: 'KTP',
  evidenceKk: 'Kartu Keluarga',
  evidenceFile: 'Pindaian dokumen (PDF, JPEG, PNG)',
  correctionSubmit: 'Kirim permintaan',
  correctionSubmitting: 'Mengirim…',
  correctionSent: 'Permintaan {id} kami terima. Keputusan paling lambat {due}.',
  correctionPending: 'Permintaan perbaikan untuk data ini masih menunggu keputusan.',
  correctionUnchanged: 'Data itu sudah sama dengan yang tercatat.',
  correctionInvalid: 'Periksa kembali data yang benar: formatnya tidak sesuai.',
  documentRejected: 'Dokumen ditolak: hanya PDF, JPEG, atau PNG yang terbaca, maksimal 5 MB.',
  fieldRequired: 'Wajib diisi.',
  myCorrections: 'Permintaan perbaikan saya',
  dueAt: 'batas {due}',
  reason: 'Alasan: {reason}',
  field_full_name: 'Nama lengkap',
  field_birth_date: 'Tanggal lahir',
  field_mother_name: 'Nama ibu kandung',
  field_nik: 'NIK',
  state_pending: 'Menunggu keputusan',
  state_approved: 'Disetujui',
  state_rejected: 'Ditolak',
  category_identity: 'Identitas',
  category_kpjNumbers: 'Nomor KPJ dan pemberi kerja',
  category_contacts: 'Kontak terdaftar',
  category_accounts: 'Akun online',
  category_sessions: 'Sesi masuk',
  category_contributions: 'Iuran',
  category_balanceTransfers: 'Penggabungan saldo',
  category_claims: 'Klaim JHT',
  category_claimDocuments: 'Dokumen',
  category_appointments: 'Jadwal kunjungan cabang',
  category_correctionRequests: 'Permintaan perbaikan data',
  category_noticePreferences: 'Pilihan pemberitahuan',
  category_accessHistory: 'Riwayat akses',
} satisfies Record<CodeKey, string> & Record<string, string>;

export type PrivacyMessages = Readonly<Record<keyof typeof id, string>>;
export type PrivacyMessageKey = keyof PrivacyMessages;

export const privacyMessages: Catalogues<PrivacyMessages> = {
  id,
  en: {
    title: 'My data',
    intro:
      'All the personal data we hold about you, as Law No. 27 of 2022 on Personal Data Protection provides. You can ' +
      'download it as JSON or PDF, and ask for a correction if anything is wrong.',
    show: 'Show my data',
    showing: 'Loading…',
    reauthNote: 'As this shows your full NIK, we ask for your password again.',
    downloadJson: 'Download JSON',
    downloadPdf: 'Download PDF',
    downloadingPdf: 'Preparing the PDF…',
    generatedAt: 'Generated {at}',
    items: '{n} items',
    none: 'Nothing held.',
    fullName: 'Full name',
    nik: 'NIK',
    birthDate: 'Date of birth',
    motherName: "Mother's maiden name",
    motherNameHidden: 'On record, never shown',
    notShownTitle: 'What we do not show',
    correctionTitle: 'Ask for a correction',
    correctionIntro:
      "If your name, date of birth, mother's maiden name or NIK is wrong, write the correct value and upload a scan of " +
      'your KTP or family card (PDF, JPEG or PNG). Staff decide within 3×24 hours; we send the outcome to your ' +
      'registered email and mobile number.',
    correctionField: 'What to correct',
    correctionValue: 'The correct value',
    correctionValueHint: 'Write it exactly as on the KTP or family card.',
    evidenceKind: 'Supporting document',
    evidenceKtp: 'KTP',
    evidenceKk: 'Family card (Kartu Keluarga)',
    evidenceFile: 'Scan of the document (PDF, JPEG, PNG)',
    correctionSubmit: 'Send the request',
    correctionSubmitting: 'Sending…',
    correctionSent: 'We received request {id}. It will be decided by {due}.',
    correctionPending: 'A correction of this item is already waiting for a decision.',
    correctionUnchanged: 'That is already the value on record.',
    correctionInvalid: 'Check the correct value: its format is not right.',
    documentRejected: 'The document was refused: only readable PDF, JPEG or PNG files up to 5 MB.',
    fieldRequired: 'Required.',
    myCorrections: 'My correction requests',
    dueAt: 'due {due}',
    reason: 'Reason: {reason}',
    field_full_name: 'Full name',
    field_birth_date: 'Date of birth',
    field_mother_name: "Mother's maiden name",
    field_nik: 'NIK',
    state_pending: 'Waiting for a decision',
    state_approved: 'Approved',
    state_rejected: 'Rejected',
    category_identity: 'Identity',
    category_kpjNumbers: 'KPJ numbers and employers',
    category_contacts: 'Registered contacts',
    category_accounts: 'Online accounts',
    category_sessions: 'Log-in sessions',
    category_contributions: 'Contributions',
    category_balanceTransfers: 'Balance transfers',
    category_claims: 'JHT claims',
    category_claimDocuments: 'Documents',
    category_appointments: 'Branch appointments',
    category_correctionRequests: 'Correction requests',
    category_noticePreferences: 'Notice preferences',
    category_accessHistory: 'Access history',
  },
};

export const correctionFields: readonly CorrectionField[] = ['full_name', 'birth_date', 'mother_name', 'nik'];

/** The categories of the export, in the order of the document. */
export const dataCategories: readonly Category[] = PERSONAL_DATA_CATEGORIES;

/** The page's own words for the correction errors; others go to the portal's error handler. */
export const correctionErrorKeys: Readonly<Record<string, PrivacyMessageKey>> = {
  CORRECTION_PENDING: 'correctionPending',
  DOCUMENT_REJECTED: 'documentRejected',
};
