import type { Command } from 'commander';
import type { CliEnv } from '../env.js';
import { registerImportCommand } from '../imports/run-import.js';

export function registerImportEmployment(imports: Command, env: CliEnv): void {
  registerImportCommand(imports, env, 'employment', {
    description:
      'Impor laporan kepesertaan pemberi kerja / import employers’ employment reports from CSV ' +
      '(kpj,npp,segment,started_on,ended_on,end_reason,employer_name): starts and ends of employment; ' +
      'run again with the same file to resume (admin, supervisor)',
    report: 'write every refused or noted line to this CSV file instead of printing the first ones',
  });
}
