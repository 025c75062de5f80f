import type { Command } from 'commander';
import { callApi } from '../api-client.js';
import type { CliEnv } from '../env.js';
import { authenticatedClient } from '../session.js';
import { type ApiOptions, withApiOptions } from './claims-shared.js';
import { correctionFieldName, parseCorrectionId, timeLeft } from './corrections-shared.js';

export function registerCorrectionsShow(corrections: Command, env: CliEnv): void {
  withApiOptions(
    corrections
      .command('show')
      .description('Rincian permintaan / one correction request: current and stated value (audited)')
      .argument('<id>', 'correction number, e.g. KOR-7Q2M-9XKD', parseCorrectionId),
  ).action(async (id: string, options: ApiOptions) => {
    const { client, apiUrl } = authenticatedClient(env, options.apiUrl);
    const view = await callApi(apiUrl, () => client.corrections.show.query({ id }));
    if (options.json) {
      console.log(JSON.stringify(view));
      return;
    }
    console.log(`${view.id}  ${correctionFieldName(view.field)}  ${view.state}  ${timeLeft(view)}`);
    console.log(`  peserta / member: ${view.fullName}  KPJ ${view.kpjMasked.join(', ') || '-'}`);
    console.log(`  sekarang / now:   ${view.currentValue}`);
    console.log(
      `  diminta / stated: ${view.requestedValue}${view.difference ? `  (beda / differs: ${view.difference})` : ''}`,
    );
    console.log(
      `  bukti / evidence: ${view.evidenceKind.toUpperCase()} (pulih corrections evidence ${view.id} --output FILE)`,
    );
    console.log(`  diajukan / requested ${view.requestedAt}  tenggat / due ${view.dueAt}`);
    if (view.decisionReason) console.log(`  keputusan / decision: ${view.decisionReason} (${view.decidedAt})`);
  });
}
