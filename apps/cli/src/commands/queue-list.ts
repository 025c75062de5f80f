import type { Command } from 'commander';
import { callApi } from '../api-client.js';
import type { CliEnv } from '../env.js';
import { authenticatedClient } from '../session.js';
import { describeTicket } from './queue-ticket.js';

export function registerQueueList(queue: Command, env: CliEnv): void {
  queue
    .command('list')
    .description("Antrean / today's open kiosk tickets of your branch, oldest first")
    .option('--api-url <url>', 'API base URL (env PULIH_API_URL)')
    .option('--json', 'machine-readable output')
    .action(async (options: { apiUrl?: string; json?: boolean }) => {
      const { client, apiUrl } = authenticatedClient(env, options.apiUrl);
      const queue = await callApi(apiUrl, () => client.queue.list.query());
      if (options.json) {
        console.log(JSON.stringify(queue));
        return;
      }
      console.log(`Cabang / branch ${queue.branchCode}: ${queue.tickets.length} tiket / tickets`);
      for (const ticket of queue.tickets) console.log(`  ${describeTicket(ticket)}`);
    });
}
