import { type Command, Option } from 'commander';
import { callApi } from '../api-client.js';
import type { CliEnv } from '../env.js';
import { authenticatedClient } from '../session.js';

export function registerTicketsList(tickets: Command, env: CliEnv): void {
  tickets
    .command('list')
    .description('Antrean email layanan pelanggan / the customer-service mail queue, oldest first')
    .addOption(
      new Option('--status <status>', 'which tickets').choices(['open', 'answered', 'closed', 'all']).default('open'),
    )
    .option('--api-url <url>', 'API base URL (env PULIH_API_URL)')
    .option('--json', 'machine-readable output')
    .action(async (options: { status: 'open' | 'answered' | 'closed' | 'all'; apiUrl?: string; json?: boolean }) => {
      const { client, apiUrl } = authenticatedClient(env, options.apiUrl);
      const listed = await callApi(apiUrl, () => client.tickets.list.query({ status: options.status, limit: 200 }));
      if (options.json) {
        console.log(JSON.stringify(listed));
        return;
      }
      if (listed.tickets.length === 0) console.log(`Tidak ada tiket / no tickets (${options.status}).`);
      for (const t of listed.tickets) {
        const attachments = t.attachmentCount > 0 ? ` [${t.attachmentCount} lampiran / attachments]` : '';
        console.log(
          `${t.ticketId}  ${t.receivedAt}  ${t.status.padEnd(8)}  ${t.fromMasked}  ${t.subject}${attachments}`,
        );
      }
      if (listed.rejectsCount > 0) {
        console.log(`${listed.rejectsCount} email tidak terbaca disimpan terpisah / unreadable mail kept aside.`);
      }
    });
}
