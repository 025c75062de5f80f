import type { Command } from 'commander';
import { callApi } from '../api-client.js';
import type { CliEnv } from '../env.js';
import { authenticatedClient } from '../session.js';
import { parseTicketId } from './tickets-shared.js';

export function registerTicketsShow(tickets: Command, env: CliEnv): void {
  tickets
    .command('show')
    .description('Tampilkan email / show a ticket: the mail, and the KPJ, NIK (masked), phone and name it mentions')
    .argument('<ticket-id>', 'ticket id printed by `tickets list`', parseTicketId)
    .option('--api-url <url>', 'API base URL (env PULIH_API_URL)')
    .option('--json', 'machine-readable output')
    .action(async (ticketId: string, options: { apiUrl?: string; json?: boolean }) => {
      const { client, apiUrl } = authenticatedClient(env, options.apiUrl);
      const shown = await callApi(apiUrl, () => client.tickets.show.query({ ticketId }));
      if (options.json) {
        console.log(JSON.stringify(shown));
        return;
      }
      const rows: [string, string][] = [
        ['Tiket / ticket', `${shown.ticketId} (${shown.status})`],
        ['Diterima / received', shown.receivedAt],
        ['Dari / from', shown.from],
        ['Subjek / subject', shown.subject || '-'],
        ['Lampiran / attachments', `${shown.attachmentCount} (tidak disimpan / not stored)`],
        ['KPJ', shown.hints.kpjNumbers.join(', ') || '-'],
        ['NIK', shown.hints.nikMasked.join(', ') || '-'],
        ['Telepon / phone', shown.hints.phonesMasked.join(', ') || '-'],
        ['Nama / name', shown.hints.fullName ?? '-'],
      ];
      for (const [label, value] of rows) console.log(`  ${label.padEnd(24)} ${value}`);
      console.log('');
      console.log(shown.body);
    });
}
