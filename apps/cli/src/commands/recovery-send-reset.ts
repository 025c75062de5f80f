import type { Command } from 'commander';
import { callApi } from '../api-client.js';
import type { CliEnv } from '../env.js';
import { authenticatedClient } from '../session.js';
import { fetchCase, parseCaseId, parseReason } from './recovery-case.js';

const destinationNames = {
  registered_email: 'email terdaftar / the registered email',
  registered_phone: 'nomor HP terdaftar / the registered phone',
  printed_in_person: 'dicetak di loket / printed at the counter (use `pulih recovery print-code`)',
} as const;

export function registerRecoverySendReset(recovery: Command, env: CliEnv): void {
  recovery
    .command('send-reset')
    .description(
      'Kirim reset kata sandi / send a password reset to the member’s registered email or phone — never to a new address given by the caller',
    )
    .requiredOption('--case <case-id>', 'case id printed by `verify`', parseCaseId)
    .requiredOption('--reason <text>', 'why (written to the audit log)', parseReason)
    .option('--dry-run', 'show where the reset would go; send nothing')
    .option('--api-url <url>', 'API base URL (env PULIH_API_URL)')
    .option('--json', 'machine-readable output')
    .action(async (options: { case: string; reason: string; dryRun?: boolean; apiUrl?: string; json?: boolean }) => {
      const { client, apiUrl } = authenticatedClient(env, options.apiUrl);
      if (options.dryRun) {
        const shown = await fetchCase(client, apiUrl, options.case);
        const plan = {
          dryRun: true,
          caseId: shown.caseId,
          allowed: shown.allowed.sendReset,
          resetDelivery: shown.allowed.resetDelivery,
        };
        if (options.json) console.log(JSON.stringify(plan));
        else if (plan.allowed && plan.resetDelivery)
          console.log(`[dry-run] would send a reset to ${destinationNames[plan.resetDelivery]}; nothing sent.`);
        else if (plan.resetDelivery === 'printed_in_person')
          console.log(`[dry-run] in this case the reset is ${destinationNames.printed_in_person}; nothing sent.`);
        else console.log('[dry-run] a reset may not be sent in this case; nothing sent.');
        return;
      }
      const sent = await callApi(apiUrl, () =>
        client.case.sendReset.mutate({ caseId: options.case, reason: options.reason }),
      );
      if (options.json) console.log(JSON.stringify(sent));
      else console.log(`Reset dikirim ke / reset sent to ${destinationNames[sent.sentTo]}: ${sent.maskedDestination}`);
    });
}
