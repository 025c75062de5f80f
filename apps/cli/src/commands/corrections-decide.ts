import { TRPCClientError } from '@trpc/client';
import type { Command } from 'commander';
import { callApi } from '../api-client.js';
import { type CliEnv, CliError } from '../env.js';
import { readLine } from '../prompt.js';
import { authenticatedClient } from '../session.js';
import { type ApiOptions, withApiOptions } from './claims-shared.js';
import { correctionFieldName, parseCorrectionId } from './corrections-shared.js';

const MOTHER_NAME_QUESTION =
  'Nama ibu kandung seperti tertulis di KK (tidak ditampilkan) / mother’s name as written on the KK (never shown): ';

const needsMotherNameFromEvidence = (error: unknown): boolean =>
  error instanceof TRPCClientError &&
  ((error.data as { reasons?: string[] } | undefined)?.reasons ?? []).includes('MOTHER_NAME_FROM_EVIDENCE_NEEDED');

const decisions = {
  approve: 'Setujui / approve: the record changes, the member is told and re-checked for duplicates',
  reject: 'Tolak / reject: the member is told the reason',
} as const;

/** `corrections approve|reject <id> --reason …` (a NIK correction: supervisor). */
export function registerCorrectionsDecide(corrections: Command, env: CliEnv): void {
  for (const decision of Object.keys(decisions) as (keyof typeof decisions)[]) {
    const command = corrections
      .command(decision)
      .description(`${decisions[decision]} (customer service, branch officer, supervisor)`)
      .argument('<id>', 'correction number', parseCorrectionId)
      .requiredOption('--reason <text>', decision === 'reject' ? 'why, told to the member' : 'what was checked');
    withApiOptions(command).action(async (id: string, options: ApiOptions & { reason: string }) => {
      const { client, apiUrl } = authenticatedClient(env, options.apiUrl);
      const input = { id, reason: options.reason };
      if (decision === 'approve') {
        const done = await callApi(apiUrl, async () => {
          try {
            return await client.corrections.approve.mutate(input);
          } catch (error) {
            // A mother's name is never shown: the officer types it from the KK, asked here rather
            // than as an option so that it stays out of the shell's history.
            if (!needsMotherNameFromEvidence(error)) throw error;
            const motherNameOnEvidence = (await readLine(MOTHER_NAME_QUESTION)).trim();
            if (!motherNameOnEvidence) throw new CliError("no mother's name typed: nothing was decided");
            return client.corrections.approve.mutate({ ...input, motherNameOnEvidence });
          }
        });
        if (options.json) console.log(JSON.stringify(done));
        else {
          console.log(`${done.id}  ${correctionFieldName(done.field)}  disetujui / approved; the member is told`);
          console.log(
            done.duplicateCandidates > 0
              ? `  ${done.duplicateCandidates} kemungkinan data ganda / possible duplicate(s): see \`pulih duplicates list\``
              : '  tidak ada data ganda / no duplicate found',
          );
        }
        return;
      }
      const done = await callApi(apiUrl, () => client.corrections.reject.mutate(input));
      if (options.json) console.log(JSON.stringify(done));
      else console.log(`${done.id}  ${correctionFieldName(done.field)}  ditolak / rejected; the member is told`);
    });
  }
}
