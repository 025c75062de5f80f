import type { Command } from 'commander';
import type { CliEnv } from '../env.js';
import { registerImportCommand } from '../imports/run-import.js';

export function registerImportContributions(imports: Command, env: CliEnv): void {
  registerImportCommand(imports, env, 'contributions', {
    description:
      'Impor iuran / import contributions from CSV (kpj,npp,period,wage,jht_employee,jht_employer,jkk,jkm,' +
      'jp_employee,jp_employer,jkp,paid_at); all or nothing: one bad row and nothing is loaded (admin, supervisor)',
    report: 'write every refused line to this CSV file instead of printing the first ones',
  });
}
