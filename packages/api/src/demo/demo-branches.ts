import type { Db } from '../db/database.js';
import { branches } from '../db/schema.js';
import { DEMO_BRANCH_CODE } from './demo-accounts.js';

/** DEMO ONLY. Branch offices members can book a visit at; addresses are illustrative. */
export const demoBranches = [
  { code: DEMO_BRANCH_CODE, name: 'Kantor Cabang Jakarta Sudirman', address: 'Jl. Jend. Sudirman Kav. 79, Jakarta' },
  { code: 'BDG-SUNIARAJA', name: 'Kantor Cabang Bandung Suniaraja', address: 'Jl. Suniaraja No. 20, Bandung' },
  { code: 'SBY-RUNGKUT', name: 'Kantor Cabang Surabaya Rungkut', address: 'Jl. Raya Rungkut No. 5, Surabaya' },
] as const;

export function seedDemoBranches(db: Db): void {
  db.insert(branches)
    .values([...demoBranches])
    .run();
}
