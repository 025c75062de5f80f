import type { Command } from 'commander';
import { callApi } from '../api-client.js';
import type { CliEnv } from '../env.js';
import { authenticatedClient } from '../session.js';
import { type ApiOptions, parseClaimId, printClaim, withApiOptions } from './claims-shared.js';

const steps = {
  verify: 'Verifikasi / start checking a submitted claim',
  approve: 'Setujui / approve a verified claim (above the online limit: supervisor)',
  reject: 'Tolak / reject a claim; the member is told the reason',
  pay: 'Bayar / record the bank transfer of an approved claim',
} as const;

/** Moves a claim one step: `claims verify|approve|reject|pay <claim>`, each told to the member. */
export function registerClaimsStep(claims: Command, env: CliEnv): void {
  for (const step of Object.keys(steps) as (keyof typeof steps)[]) {
    const command = claims
      .command(step)
      .description(`${steps[step]} (branch officer, supervisor)`)
      .argument('<claim>', 'claim number, e.g. KLM-7Q2M-9XKD', parseClaimId);
    if (step === 'reject') command.requiredOption('--reason <text>', 'why, told to the member');
    else command.option('--note <text>', 'a note in the claim history');
    if (step === 'pay') command.requiredOption('--reference <ref>', 'the bank transfer reference');
    withApiOptions(command).action(
      async (claimId: string, options: ApiOptions & { reason?: string; note?: string; reference?: string }) => {
        const { client, apiUrl } = authenticatedClient(env, options.apiUrl);
        const note = options.reason ?? options.note;
        const input = {
          claimId,
          ...(note ? { note } : {}),
          ...(options.reference ? { reference: options.reference } : {}),
        };
        const claim = await callApi(apiUrl, () => client.claims[step].mutate(input as never));
        if (options.json) console.log(JSON.stringify(claim));
        else printClaim(claim);
      },
    );
  }
}
