import type { Command } from 'commander';
import type { CliEnv } from '../env.js';
import { runImport } from '../imports/run-import.js';

export function registerImportContributions(imports: Command, env: CliEnv): void {
  imports
    .command('contributions')
    .description(
      'Impor iuran / import contributions from CSV (kpj,npp,period,wage,jht_employee,jht_employer,jkk,jkm,' +
        'jp_employee,jp_employer,jkp,paid_at); all or nothing: one bad row and nothing is loaded (admin, supervisor)',
    )
    .argument('<file>', 'the CSV file')
    .option('--report <file>', 'write every refused line to this CSV file instead of printing the first ones')
    .option('--api-url <url>', 'API base URL (env PULIH_API_URL)')
    .option('--json', 'machine-readable output')
    .action((file: string, options: { report?: string; apiUrl?: string; json?: boolean }) =>
      runImport(env, 'contributions', file, options),
    );
}
