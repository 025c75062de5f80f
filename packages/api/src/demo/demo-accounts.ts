import type { Sex } from '@pulih/domain';
import type { StaffRole } from '../db/schema.js';

/** DEMO ONLY. Seeded when PULIH_DEMO=1; listed in the README. Never present in production. */
export const DEMO_MEMBER_PASSWORD = 'Pulih-Demo-2026';
export const DEMO_STAFF_PASSWORD = 'Pulih-Staf-2026';

export interface DemoMember {
  readonly nik: string;
  readonly fullName: string;
  readonly birthDate: string;
  readonly sex: Sex;
  readonly motherName: string;
  readonly kpjNumbers: readonly string[];
  readonly email: string;
  readonly emailVerified: boolean;
  readonly phone: string;
  readonly phoneVerified: boolean;
  /** Years since the contacts were last confirmed. */
  readonly confirmedYearsAgo: number;
  readonly status: 'aktif' | 'non_aktif';
  readonly statusReason: string | null;
}

export const demoMembers: readonly DemoMember[] = [
  {
    nik: '3273015708900001',
    fullName: 'SITI RAHAYU',
    birthDate: '1990-08-17',
    sex: 'P',
    motherName: 'SUMARNI',
    kpjNumbers: ['19011111111', '20022222222'],
    email: 'siti.rahayu@example.com',
    emailVerified: true,
    phone: '+6281234567890',
    phoneVerified: true,
    confirmedYearsAgo: 0,
    status: 'aktif',
    statusReason: null,
  },
  {
    nik: '3174051203850002',
    fullName: 'BUDI SANTOSO',
    birthDate: '1985-03-12',
    sex: 'L',
    motherName: 'PAINEM',
    kpjNumbers: ['19033333333'],
    email: 'budi.santoso@example.com',
    emailVerified: false,
    phone: '+6285712345678',
    phoneVerified: true,
    confirmedYearsAgo: 2,
    status: 'aktif',
    statusReason: null,
  },
  {
    nik: '3578044211790003',
    fullName: 'DEWI LESTARI',
    birthDate: '1979-11-02',
    sex: 'P',
    motherName: 'KARTINI',
    kpjNumbers: ['19044444444'],
    email: 'dewi.lestari@example.com',
    emailVerified: true,
    phone: '+6281398765432',
    phoneVerified: true,
    confirmedYearsAgo: 1,
    status: 'non_aktif',
    statusReason: 'Iuran tidak dibayar 3 bulan berturut-turut / no contribution for 3 consecutive months',
  }, // Agus resigned in August 2026 with a balance under the online limit: he can claim JHT online.
  {
    nik: '3273011505920004',
    fullName: 'AGUS SETIAWAN',
    birthDate: '1992-05-15',
    sex: 'L',
    motherName: 'SRI WAHYUNI',
    kpjNumbers: ['19099999999'],
    email: 'agus.setiawan@example.com',
    emailVerified: true,
    phone: '+6281311112222',
    phoneVerified: true,
    confirmedYearsAgo: 0,
    status: 'non_aktif',
    statusReason: null,
  },
];

/**
 * DEMO ONLY. The demo staff have TOTP already enrolled with these published secrets (base32),
 * so demos and tests can compute codes: add one to any authenticator app (manual entry,
 * time-based, 6 digits, 30 s, SHA-1). Never present in production.
 */
export const DEMO_STAFF_TOTP_SECRETS = {
  'demo.admin': 'PULIHDEMOADMINTOTPSECRET234567AA',
  'demo.agent': 'PULIHDEMOAGENTTOTPSECRET234567AA',
  'demo.branch': 'PULIHDEMOBRANCHTOTPSECRET234567A',
  'demo.supervisor': 'PULIHDEMOSUPERVISORTOTPSECRET234',
} as const;
export type DemoStaffUsername = keyof typeof DEMO_STAFF_TOTP_SECRETS;

/** The demo branch office; its kiosks and counter share this code. */
export const DEMO_BRANCH_CODE = 'JKT-SUDIRMAN';

export const demoStaff: readonly {
  username: DemoStaffUsername;
  fullName: string;
  role: StaffRole;
  branchCode: string | null;
}[] = [
  { username: 'demo.admin', fullName: 'Admin Demo', role: 'admin', branchCode: null },
  { username: 'demo.agent', fullName: 'Agen Call Center Demo', role: 'call_center_agent', branchCode: null },
  {
    username: 'demo.branch',
    fullName: 'Petugas Kantor Cabang Demo',
    role: 'branch_officer',
    branchCode: DEMO_BRANCH_CODE,
  },
  { username: 'demo.supervisor', fullName: 'Supervisor Demo', role: 'supervisor', branchCode: DEMO_BRANCH_CODE },
];

/**
 * What the seed stores in `staff_users.totp_secret_encrypted` for a demo staff user: a
 * reference to the published secret above, not the secret (seeding has no server secret to
 * encrypt with, and encrypting a published secret would protect nothing). Only honoured in
 * demo mode; see procedures/staff/totp-secret.ts.
 */
export const DEMO_TOTP_REFERENCE_PREFIX = 'demo:';
