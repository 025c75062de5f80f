import type { GeneratedMember } from './registry-generator.js';

/**
 * DEMO ONLY. Registry members with no online account, documented in the README so that a
 * newcomer can try "daftar/aktivasi" with data that matches the registry.
 */
export const demoMembersWithoutAccount: readonly GeneratedMember[] = [
  {
    nik: '3201014506920001',
    fullName: 'RINA WULANDARI',
    birthDate: '1992-06-05',
    sex: 'P',
    motherName: 'SULASTRI',
    kpjNumbers: ['19055555555'],
    email: null,
    phone: null,
  },
  {
    nik: '3578011207880004',
    fullName: 'AGUS PRASETYO',
    birthDate: '1988-07-12',
    sex: 'L',
    motherName: 'PAINEM',
    kpjNumbers: ['19066666666'],
    email: null,
    phone: '+6281377778888',
  },
];
