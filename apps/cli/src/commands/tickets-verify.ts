import type { Command } from 'commander';
import { callApi } from '../api-client.js';
import type { CliEnv } from '../env.js';
import { authenticatedClient } from '../session.js';
import { destinationNames, parseTicketId, type TicketCheck } from './tickets-shared.js';

const mark = (matches: boolean) => (matches ? '✓' : '✗');

export function printTicketCheck(check: TicketCheck): void {
  const rows: [string, boolean][] = [
    ['Peserta ditemukan / member found', check.memberFound],
    ['KPJ cocok / KPJ matches', check.kpjMatches],
    ['Nama cocok / name matches', check.nameMatches],
    ['Telepon cocok / phone matches', check.phoneMatches],
    ['Pengirim = email terdaftar / sender is registered', check.senderIsRegisteredEmail],
  ];
  for (const [label, value] of rows) console.log(`  ${mark(value)} ${label}`);
  console.log(`Balasan ke / a reply goes to: ${destinationNames[check.replyDestination]}`);
}

export function registerTicketsVerify(tickets: Command, env: CliEnv): void {
  tickets
    .command('verify')
    .description('Cocokkan dengan data peserta / compare the KPJ, name and phone in the mail with the registry')
    .argument('<ticket-id>', 'ticket id printed by `tickets list`', parseTicketId)
    .option('--api-url <url>', 'API base URL (env PULIH_API_URL)')
    .option('--json', 'machine-readable output')
    .action(async (ticketId: string, options: { apiUrl?: string; json?: boolean }) => {
      const { client, apiUrl } = authenticatedClient(env, options.apiUrl);
      const check = await callApi(apiUrl, () => client.tickets.verify.query({ ticketId }));
      if (options.json) console.log(JSON.stringify(check));
      else printTicketCheck(check);
    });
}
