import { type Command, InvalidArgumentError } from 'commander';
import { callApi } from '../api-client.js';
import type { CliEnv } from '../env.js';
import { authenticatedClient } from '../session.js';
import { parseReason } from './recovery-case.js';
import { destinationNames, parseTicketId } from './tickets-shared.js';

function parseMessage(value: string): string {
  const message = value.trim();
  if (!message) throw new InvalidArgumentError('write the reply');
  return message;
}

export function registerTicketsReply(tickets: Command, env: CliEnv): void {
  tickets
    .command('reply')
    .description(
      'Balas tiket / reply: account answers go only to the registered email (or SMS to the registered phone); any other sender gets a neutral answer',
    )
    .argument('<ticket-id>', 'ticket id printed by `tickets list`', parseTicketId)
    .requiredOption('--message <text>', 'the reply, with masked data only', parseMessage)
    .requiredOption('--reason <text>', 'why (written to the audit log)', parseReason)
    .option('--dry-run', 'show where the reply would go; send nothing')
    .option('--api-url <url>', 'API base URL (env PULIH_API_URL)')
    .option('--json', 'machine-readable output')
    .action(
      async (
        ticketId: string,
        options: { message: string; reason: string; dryRun?: boolean; apiUrl?: string; json?: boolean },
      ) => {
        const { client, apiUrl } = authenticatedClient(env, options.apiUrl);
        if (options.dryRun) {
          const check = await callApi(apiUrl, () => client.tickets.verify.query({ ticketId }));
          const plan = { dryRun: true, ticketId, sentTo: check.replyDestination };
          if (options.json) console.log(JSON.stringify(plan));
          else console.log(`[dry-run] would reply to ${destinationNames[plan.sentTo]}; nothing sent.`);
          return;
        }
        const sent = await callApi(apiUrl, () =>
          client.tickets.reply.mutate({ ticketId, message: options.message, reason: options.reason }),
        );
        if (options.json) console.log(JSON.stringify(sent));
        else
          console.log(`Balasan dikirim ke / reply sent to ${destinationNames[sent.sentTo]}: ${sent.maskedDestination}`);
      },
    );
}
