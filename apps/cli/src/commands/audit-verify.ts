import type { Command } from 'commander';
import { callApi } from '../api-client.js';
import { type CliEnv, CliError } from '../env.js';
import { authenticatedClient } from '../session.js';

export function registerAuditVerify(audit: Command, env: CliEnv): void {
  audit
    .command('verify')
    .description('Periksa rantai audit / verify the audit log hash chain (supervisor, admin); exit 1 when broken')
    .option('--api-url <url>', 'API base URL (env PULIH_API_URL)')
    .option('--json', 'machine-readable output')
    .action(async (options: { apiUrl?: string; json?: boolean }) => {
      const { client, apiUrl } = authenticatedClient(env, options.apiUrl);
      const report = await callApi(apiUrl, () => client.audit.verify.query());
      if (options.json) console.log(JSON.stringify(report));
      if (!report.ok) {
        throw new CliError(`audit chain broken at entry #${report.firstBrokenId} (${report.entries} entries checked)`);
      }
      if (!options.json) console.log(`Rantai audit utuh / audit chain intact: ${report.entries} entries.`);
    });
}
