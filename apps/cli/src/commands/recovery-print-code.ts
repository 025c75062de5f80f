import type { Command } from 'commander';
import { callApi } from '../api-client.js';
import type { CliEnv } from '../env.js';
import { authenticatedClient } from '../session.js';
import { parseCaseId, parseReason } from './recovery-case.js';

/** The code as the member must read it off paper: spaced out in a box, nothing else on its line. */
function framed(code: string): string[] {
  const spaced = [...code].join('  ');
  const width = spaced.length + 8;
  return [
    `┏${'━'.repeat(width)}┓`,
    `┃${' '.repeat(width)}┃`,
    `┃    ${spaced}    ┃`,
    `┃${' '.repeat(width)}┃`,
    `┗${'━'.repeat(width)}┛`,
  ];
}

export function registerRecoveryPrintCode(recovery: Command, env: CliEnv): void {
  recovery
    .command('print-code')
    .description(
      'Cetak kode pemulihan / issue a one-time recovery code for a member verified in person (branch officer); they set a new password with it at /reset-password',
    )
    .requiredOption('--case <case-id>', 'case id printed by `branch verify`', parseCaseId)
    .requiredOption('--reason <text>', 'why (written to the audit log)', parseReason)
    .option('--api-url <url>', 'API base URL (env PULIH_API_URL)')
    .option('--json', 'machine-readable output')
    .action(async (options: { case: string; reason: string; apiUrl?: string; json?: boolean }) => {
      const { client, apiUrl } = authenticatedClient(env, options.apiUrl);
      const printed = await callApi(apiUrl, () =>
        client.case.printRecoveryCode.mutate({ caseId: options.case, reason: options.reason }),
      );
      if (options.json) {
        console.log(JSON.stringify(printed));
        return;
      }
      console.log(
        [
          'KODE PEMULIHAN / RECOVERY CODE',
          '',
          ...framed(printed.code),
          '',
          `Berlaku sampai / valid until: ${printed.expiresAt}`,
          'Buka /reset-password, masukkan nomor KPJ dan kode ini, lalu buat kata sandi baru.',
          'Kode hanya bisa dipakai sekali. / The code works once; hand it to the member only.',
        ].join('\n'),
      );
    });
}
