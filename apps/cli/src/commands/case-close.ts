import type { Command } from 'commander';
import { callApi } from '../api-client.js';
import type { CliEnv } from '../env.js';
import { authenticatedClient } from '../session.js';
import { parseCaseId } from './recovery-case.js';

export function registerCaseClose(caseCommand: Command, env: CliEnv): void {
  caseCommand
    .command('close')
    .description('Tutup kasus / close a case when the member is served; nothing more can be done in it')
    .argument('<case-id>', 'case id printed by `verify`', parseCaseId)
    .option('--api-url <url>', 'API base URL (env PULIH_API_URL)')
    .option('--json', 'machine-readable output')
    .action(async (caseId: string, options: { apiUrl?: string; json?: boolean }) => {
      const { client, apiUrl } = authenticatedClient(env, options.apiUrl);
      const done = await callApi(apiUrl, () => client.case.close.mutate({ caseId }));
      if (options.json) console.log(JSON.stringify(done));
      else console.log(`Kasus ditutup / case closed: ${caseId}`);
    });
}
