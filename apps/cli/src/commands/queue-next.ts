import type { Command } from 'commander';
import { callApi } from '../api-client.js';
import type { CliEnv } from '../env.js';
import { authenticatedClient } from '../session.js';
import { describeTicket } from './queue-ticket.js';

export function registerQueueNext(queue: Command, env: CliEnv): void {
  queue
    .command('next')
    .description('Panggil berikutnya / call the oldest waiting ticket to your counter')
    .option('--api-url <url>', 'API base URL (env PULIH_API_URL)')
    .option('--json', 'machine-readable output')
    .action(async (options: { apiUrl?: string; json?: boolean }) => {
      const { client, apiUrl } = authenticatedClient(env, options.apiUrl);
      const { ticket } = await callApi(apiUrl, () => client.queue.next.mutate());
      if (options.json) console.log(JSON.stringify({ ticket }));
      else console.log(ticket ? `Panggil / call: ${describeTicket(ticket)}` : 'Antrean kosong. / The queue is empty.');
    });
}
