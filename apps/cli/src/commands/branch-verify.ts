import { type Command, InvalidArgumentError } from 'commander';
import { callApi } from '../api-client.js';
import type { ApiInputs } from '../api-types.js';
import type { CliEnv } from '../env.js';
import { authenticatedClient } from '../session.js';
import { parseReason, printOpenedCase } from './recovery-case.js';

type CheckedDocument = ApiInputs['case']['openBranch']['documents'][number];

/** The names officers type, and the API's names for them. */
const documentNames = { ktp: 'ktp', 'kpj-card': 'kpj_card' } as const satisfies Record<string, CheckedDocument>;

function parseChecked(value: string): CheckedDocument[] {
  const names = value
    .split(',')
    .map((name) => name.trim().toLowerCase())
    .filter(Boolean);
  if (names.length === 0) throw new InvalidArgumentError('name the documents you inspected: ktp, kpj-card');
  const documents = new Set<CheckedDocument>();
  for (const name of names) {
    if (!Object.hasOwn(documentNames, name)) throw new InvalidArgumentError(`"${name}" is not one of ktp, kpj-card`);
    documents.add(documentNames[name as keyof typeof documentNames]);
  }
  return [...documents];
}

export function registerBranchVerify(branch: Command, env: CliEnv): void {
  branch
    .command('verify')
    .description(
      'Verifikasi di loket / record an in-person check of a member at the counter (branch officer, supervisor); opens a 30-minute case with full contacts, contact changes and printed recovery codes',
    )
    .requiredOption('--kpj <kpj>', 'KPJ number on the member’s card')
    .requiredOption('--nik <nik>', 'NIK on the member’s KTP')
    .requiredOption('--checked <documents>', 'documents you inspected, comma-separated: ktp,kpj-card', parseChecked)
    .option('--photo-matches', 'the KTP photo matches the person at the counter (without it: does not match)')
    .requiredOption('--reason <text>', 'why the member came (written to the audit log)', parseReason)
    .option('--api-url <url>', 'API base URL (env PULIH_API_URL)')
    .option('--json', 'machine-readable output')
    .action(
      async (options: {
        kpj: string;
        nik: string;
        checked: CheckedDocument[];
        photoMatches?: boolean;
        reason: string;
        apiUrl?: string;
        json?: boolean;
      }) => {
        const { client, apiUrl } = authenticatedClient(env, options.apiUrl);
        const opened = await callApi(apiUrl, () =>
          client.case.openBranch.mutate({
            kpj: options.kpj.trim(),
            nik: options.nik.trim(),
            documents: options.checked,
            photoMatches: options.photoMatches === true,
            reason: options.reason,
          }),
        );
        printOpenedCase(opened, options.json);
      },
    );
}
