import type { Command } from 'commander';
import { callApi } from '../api-client.js';
import type { CliEnv } from '../env.js';
import { authenticatedClient } from '../session.js';
import { type ApiOptions, withApiOptions } from './claims-shared.js';
import { correctionFieldName, parseCorrectionId } from './corrections-shared.js';

const decisions = {
  approve: 'Setujui / approve: the record changes, the member is told and re-checked for duplicates',
  reject: 'Tolak / reject: the member is told the reason',
} as const;

/** `corrections approve|reject <id> --reason …` (a NIK correction: supervisor). */
export function registerCorrectionsDecide(corrections: Command, env: CliEnv): void {
  for (const decision of Object.keys(decisions) as (keyof typeof decisions)[]) {
    withApiOptions(
      corrections
        .command(decision)
        .description(`${decisions[decision]} (customer service, branch officer, supervisor)`)
        .argument('<id>', 'correction number', parseCorrectionId)
        .requiredOption('--reason <text>', decision === 'reject' ? 'why, told to the member' : 'what was checked'),
    ).action(async (id: string, options: ApiOptions & { reason: string }) => {
      const { client, apiUrl } = authenticatedClient(env, options.apiUrl);
      const input = { id, reason: options.reason };
      if (decision === 'approve') {
        const done = await callApi(apiUrl, () => client.corrections.approve.mutate(input));
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
