import { type Command, InvalidArgumentError, Option } from 'commander';
import { callApi } from '../api-client.js';
import type { CliEnv } from '../env.js';
import { authenticatedClient } from '../session.js';
import { parseCaseId } from './recovery-case.js';

function parseCode(value: string): string {
  const code = value.replace(/\s+/g, '');
  if (!code) throw new InvalidArgumentError('the code the member received on the new contact');
  return code;
}

export function registerCaseConfirmContact(caseCommand: Command, env: CliEnv): void {
  caseCommand
    .command('confirm-contact')
    .description(
      'Konfirmasi kontak baru / finish a contact change with the code the member received on the new email or phone (branch officer)',
    )
    .requiredOption('--case <case-id>', 'case id printed by `branch verify`', parseCaseId)
    .addOption(new Option('--email', 'confirm the new email').conflicts('phone'))
    .addOption(new Option('--phone', 'confirm the new phone number').conflicts('email'))
    .requiredOption('--code <code>', 'the code the member received', parseCode)
    .option('--api-url <url>', 'API base URL (env PULIH_API_URL)')
    .option('--json', 'machine-readable output')
    .action(
      async (
        options: { case: string; email?: boolean; phone?: boolean; code: string; apiUrl?: string; json?: boolean },
        command: Command,
      ) => {
        const kind = options.email ? 'email' : options.phone ? 'phone' : undefined;
        if (!kind) command.error('error: say which contact with --email or --phone', { exitCode: 2 });
        const { client, apiUrl } = authenticatedClient(env, options.apiUrl);
        const done = await callApi(apiUrl, () =>
          client.case.confirmContactChange.mutate({ caseId: options.case, kind, code: options.code }),
        );
        if (options.json) console.log(JSON.stringify(done));
        else console.log(`Kontak diganti / ${kind === 'email' ? 'email' : 'phone'} changed (case ${options.case}).`);
      },
    );
}
