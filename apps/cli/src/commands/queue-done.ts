import type { Command } from 'commander';
import { callApi } from '../api-client.js';
import type { CliEnv } from '../env.js';
import { authenticatedClient } from '../session.js';

export function registerQueueDone(queue: Command, env: CliEnv): void {
  queue
    .command('done')
    .description('Selesai / the member of this ticket has been served')
    .argument('<ticket-id>', 'id shown by `pulih queue list` or `next`')
    .option('--api-url <url>', 'API base URL (env PULIH_API_URL)')
    .option('--json', 'machine-readable output')
    .action(async (ticketId: string, options: { apiUrl?: string; json?: boolean }) => {
      const { client, apiUrl } = authenticatedClient(env, options.apiUrl);
      const done = await callApi(apiUrl, () => client.queue.done.mutate({ ticketId }));
      console.log(options.json ? JSON.stringify(done) : `Selesai / done: ${ticketId}`);
    });
}
