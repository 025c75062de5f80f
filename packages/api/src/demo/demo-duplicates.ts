import type { DemoMember } from './demo-accounts.js';

/**
 * DEMO ONLY. One person registered twice ("akun ganda"): Rudi's old employer registered him in
 * 2011 with two NIK digits swapped; in 2019 he registered again with his new employer and made a
 * second online account. Both accounts use the demo member password. The demo scan finds the pair
 * as a `match`, so Rudi sees his other account when he logs in, and supervisors see the pair.
 */
export const demoDuplicateRegistrations: readonly DemoMember[] = [
  {
    nik: '3171021506880007',
    fullName: 'RUDI HARTONO',
    birthDate: '1988-06-15',
    sex: 'L',
    motherName: 'SUKINAH',
    kpjNumbers: ['19088888888'],
    email: 'rudi.hartono@example.com',
    emailVerified: true,
    phone: '+6281311112222',
    phoneVerified: true,
    confirmedYearsAgo: 0,
    status: 'aktif',
    statusReason: null,
  },
  {
    nik: '3171201506880007',
    fullName: 'RUDY HARTONO',
    birthDate: '1988-06-15',
    sex: 'L',
    motherName: 'SUKINAH',
    kpjNumbers: ['19077777777'],
    email: 'rudi.h.lama@example.com',
    emailVerified: true,
    phone: '+6285611112222',
    phoneVerified: true,
    confirmedYearsAgo: 3,
    status: 'aktif',
    statusReason: null,
  },
];
