import { readFileSync } from 'node:fs';
import { JHT_CLAIM_DOCUMENTS, JHT_CLAIM_REASONS, type JhtClaimDocument, type JhtClaimReason } from '@pulih/domain';
import { type Command, InvalidArgumentError, Option } from 'commander';
import { callApi } from '../api-client.js';
import { type CliEnv, CliError } from '../env.js';
import { authenticatedClient } from '../session.js';
import { type ApiOptions, printClaim, withApiOptions } from './claims-shared.js';
import { parseCaseId } from './recovery-case.js';

const reasons = JHT_CLAIM_REASONS;
const kinds = JHT_CLAIM_DOCUMENTS;
type Kind = JhtClaimDocument;

/** `--document ktp=scan.pdf`, repeatable. */
function collectDocument(value: string, previous: { kind: Kind; path: string }[] = []) {
  const [kind, ...rest] = value.split('=');
  const path = rest.join('=');
  if (!kinds.includes(kind as Kind) || path === '') {
    throw new InvalidArgumentError(`KIND=FILE with KIND one of ${kinds.join(', ')}`);
  }
  return [...previous, { kind: kind as Kind, path }];
}

interface SubmitOptions extends ApiOptions {
  case: string;
  reason: JhtClaimReason;
  bank: string;
  account: string;
  holder: string;
  npwp?: string;
  heirName?: string;
  heirNik?: string;
  heirRelation?: string;
  document: { kind: Kind; path: string }[];
}

export function registerClaimsSubmit(claims: Command, env: CliEnv): void {
  withApiOptions(
    claims
      .command('submit')
      .description(
        'Ajukan klaim di loket / submit a JHT claim for the member (or heir) at the counter, in an in-person case (branch officer, supervisor)',
      )
      .requiredOption('--case <case-id>', 'the case opened by `branch verify`', parseCaseId)
      .addOption(new Option('--reason <reason>', 'why JHT is claimed').choices([...reasons]).makeOptionMandatory())
      .requiredOption('--bank <code>', 'bank clearing code, e.g. 002 (BRI), 008 (Mandiri), 009 (BNI), 014 (BCA)')
      .requiredOption('--account <number>', "account number, in the claimant's own name")
      .requiredOption('--holder <name>', 'account holder as printed in the bank book')
      .option('--npwp <number>', 'the NPWP (required above Rp50 million)')
      .option('--heir-name <name>', 'for a death claim: the heir who claims')
      .option('--heir-nik <nik>', "the heir's NIK")
      .option('--heir-relation <relation>', 'e.g. istri, suami, anak')
      .requiredOption('--document <kind=file>', 'a scanned document (PDF/JPEG/PNG); repeat for each', collectDocument),
  ).action(async (options: SubmitOptions) => {
    const heirGiven = [options.heirName, options.heirNik, options.heirRelation].filter(Boolean).length;
    if (heirGiven !== 0 && heirGiven !== 3)
      throw new CliError('give --heir-name, --heir-nik and --heir-relation together');
    const documents = options.document.map((d) => {
      try {
        return { kind: d.kind, contentBase64: readFileSync(d.path).toString('base64') };
      } catch (error) {
        throw new CliError(`cannot read ${d.path}: ${(error as NodeJS.ErrnoException).code ?? 'error'}`);
      }
    });
    const { client, apiUrl } = authenticatedClient(env, options.apiUrl);
    const claim = await callApi(apiUrl, () =>
      client.claims.submitAtCounter.mutate({
        caseId: options.case,
        reason: options.reason,
        bank: { bankCode: options.bank, accountNumber: options.account, holderName: options.holder },
        npwp: options.npwp ?? null,
        heir:
          options.heirName && options.heirNik && options.heirRelation
            ? { fullName: options.heirName, nik: options.heirNik, relation: options.heirRelation }
            : null,
        documents,
      }),
    );
    if (options.json) console.log(JSON.stringify(claim));
    else printClaim(claim);
  });
}
