import { type Command, Option } from 'commander';
import { callApi } from '../api-client.js';
import type { CliEnv } from '../env.js';
import { authenticatedClient } from '../session.js';
import { describeItem } from './duplicates-shared.js';

export function registerDuplicatesList(duplicates: Command, env: CliEnv): void {
  duplicates
    .command('list')
    .description('Daftar periksa / review items of the registry scans, strongest first (supervisor)')
    .addOption(new Option('--state <state>', 'which items').choices(['open', 'merged', 'dismissed']).default('open'))
    .addOption(new Option('--decision <decision>', 'only match or review pairs').choices(['match', 'review']))
    .option('--limit <n>', 'at most this many', (v) => Number.parseInt(v, 10), 50)
    .option('--api-url <url>', 'API base URL (env PULIH_API_URL)')
    .option('--json', 'machine-readable output')
    .action(
      async (options: {
        state: 'open' | 'merged' | 'dismissed';
        decision?: 'match' | 'review';
        limit: number;
        apiUrl?: string;
        json?: boolean;
      }) => {
        const { client, apiUrl } = authenticatedClient(env, options.apiUrl);
        const { items } = await callApi(apiUrl, () =>
          client.duplicates.list.query({
            state: options.state,
            limit: options.limit,
            ...(options.decision ? { decision: options.decision } : {}),
          }),
        );
        if (options.json) {
          console.log(JSON.stringify(items));
          return;
        }
        console.log(`${items.length} item (${options.state})`);
        for (const item of items) console.log(`  ${describeItem(item)}`);
      },
    );
}
