import { type Command, Option } from 'commander';
import { callApi } from '../api-client.js';
import type { CliEnv } from '../env.js';
import { authenticatedClient } from '../session.js';
import { fetchCase, parseCaseId, parseReason } from './recovery-case.js';

const kindNames = { email: 'email', phone: 'nomor HP / phone' } as const;

export function registerCaseChangeContact(caseCommand: Command, env: CliEnv): void {
  caseCommand
    .command('change-contact')
    .description(
      'Ganti kontak / start changing a member’s email or phone in an in-person case (branch officer): a code goes to the new contact, the member reads it back (`pulih case confirm-contact`), the old contact gets a notice',
    )
    .requiredOption('--case <case-id>', 'case id printed by `branch verify`', parseCaseId)
    .addOption(new Option('--email <email>', 'the new email').conflicts('phone'))
    .addOption(new Option('--phone <phone>', 'the new phone number').conflicts('email'))
    .requiredOption('--reason <text>', 'why (written to the audit log)', parseReason)
    .option('--dry-run', 'show what would change; send nothing')
    .option('--api-url <url>', 'API base URL (env PULIH_API_URL)')
    .option('--json', 'machine-readable output')
    .action(
      async (
        options: {
          case: string;
          email?: string;
          phone?: string;
          reason: string;
          dryRun?: boolean;
          apiUrl?: string;
          json?: boolean;
        },
        command: Command,
      ) => {
        const kind = options.email !== undefined ? 'email' : options.phone !== undefined ? 'phone' : undefined;
        const value = (options.email ?? options.phone)?.trim();
        if (!kind || !value) command.error('error: give the new contact with --email or --phone', { exitCode: 2 });
        const { client, apiUrl } = authenticatedClient(env, options.apiUrl);
        if (options.dryRun) {
          const shown = await fetchCase(client, apiUrl, options.case);
          const plan = {
            dryRun: true,
            caseId: shown.caseId,
            allowed: shown.allowed.changeContact,
            kind,
            current: shown.member[kind],
            value,
          };
          if (options.json) console.log(JSON.stringify(plan));
          else if (plan.allowed)
            console.log(
              `[dry-run] would send a code to ${value} to change the ${kindNames[kind]} from ${plan.current ?? '-'}; nothing changed.`,
            );
          else console.log(`[dry-run] the ${kindNames[kind]} may not be changed in this case; nothing changed.`);
          return;
        }
        const done = await callApi(apiUrl, () =>
          client.case.requestContactChange.mutate({ caseId: options.case, kind, value, reason: options.reason }),
        );
        if (options.json) console.log(JSON.stringify(done));
        else
          console.log(
            `Kode dikirim ke / code sent to ${value}. Minta peserta membacakan kodenya, lalu / ask the member for it, then: pulih case confirm-contact --case ${options.case} --${kind} --code KODE`,
          );
      },
    );
}
