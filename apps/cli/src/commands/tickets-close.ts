import type { Command } from 'commander';
import { callApi } from '../api-client.js';
import type { CliEnv } from '../env.js';
import { authenticatedClient } from '../session.js';
import { parseTicketId } from './tickets-shared.js';

export function registerTicketsClose(tickets: Command, env: CliEnv): void {
  tickets
    .command('close')
    .description('Tutup tiket / close a ticket; nothing more is sent from it')
    .argument('<ticket-id>', 'ticket id printed by `tickets list`', parseTicketId)
    .option('--api-url <url>', 'API base URL (env PULIH_API_URL)')
    .option('--json', 'machine-readable output')
    .action(async (ticketId: string, options: { apiUrl?: string; json?: boolean }) => {
      const { client, apiUrl } = authenticatedClient(env, options.apiUrl);
      const closed = await callApi(apiUrl, () => client.tickets.close.mutate({ ticketId }));
      if (options.json) console.log(JSON.stringify(closed));
      else console.log(`Tiket ditutup / ticket closed: ${closed.ticketId}`);
    });
}
