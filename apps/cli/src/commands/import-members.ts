import type { Command } from 'commander';
import type { CliEnv } from '../env.js';
import { registerImportCommand } from '../imports/run-import.js';

export function registerImportMembers(imports: Command, env: CliEnv): void {
  registerImportCommand(imports, env, 'members', {
    description:
      'Impor peserta / import members from CSV (record_id,nik,kpj,full_name,birth_date,sex,mother_name,phone,email); ' +
      'run again with the same file to resume (admin, supervisor)',
    report: 'write every refused or noted line to this CSV file instead of printing the first ones',
  });
}
