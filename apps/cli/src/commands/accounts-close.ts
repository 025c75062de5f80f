import type { Command } from 'commander';
import { InvalidArgumentError } from 'commander';
import { callApi } from '../api-client.js';
import type { CliEnv } from '../env.js';
import { authenticatedClient } from '../session.js';
import { parseStaffReason } from './duplicates-shared.js';

function parseAccountId(value: string): number {
  const id = Number(value.trim());
  if (!Number.isInteger(id) || id < 1) throw new InvalidArgumentError('the account id shown by `duplicates show`');
  return id;
}

export function registerAccountsClose(accountsCommand: Command, env: CliEnv): void {
  accountsCommand
    .command('close')
    .description('Tutup akun ganda / close a duplicate online account (customer service, branch officer, supervisor)')
    .argument('<account-id>', 'account id shown by `duplicates show`', parseAccountId)
    .requiredOption('--reason <text>', 'why (written to the audit log)', parseStaffReason)
    .option('--api-url <url>', 'API base URL (env PULIH_API_URL)')
    .option('--json', 'machine-readable output')
    .action(async (accountId: number, options: { reason: string; apiUrl?: string; json?: boolean }) => {
      const { client, apiUrl } = authenticatedClient(env, options.apiUrl);
      const done = await callApi(apiUrl, () =>
        client.duplicates.closeAccount.mutate({ accountId, reason: options.reason }),
      );
      if (options.json) console.log(JSON.stringify(done));
      else console.log(`Akun ditutup / account closed: ${accountId}`);
    });
}
