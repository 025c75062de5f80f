import type { Command } from 'commander';
import type { CliEnv } from '../env.js';
import { runImport } from '../imports/run-import.js';

export function registerImportMembers(imports: Command, env: CliEnv): void {
  imports
    .command('members')
    .description(
      'Impor peserta / import members from CSV (record_id,nik,kpj,full_name,birth_date,sex,mother_name,phone,email); ' +
        'run again with the same file to resume (admin, supervisor)',
    )
    .argument('<file>', 'the CSV file')
    .option('--report <file>', 'write every refused or noted line to this CSV file instead of printing the first ones')
    .option('--api-url <url>', 'API base URL (env PULIH_API_URL)')
    .option('--json', 'machine-readable output')
    .action((file: string, options: { report?: string; apiUrl?: string; json?: boolean }) =>
      runImport(env, 'members', file, options),
    );
}
