import type { Command } from 'commander';
import { callApi } from '../api-client.js';
import type { CliEnv } from '../env.js';
import { authenticatedClient } from '../session.js';
import { type ApiOptions, parseClaimId, printClaim, withApiOptions } from './claims-shared.js';

export function registerClaimsShow(claims: Command, env: CliEnv): void {
  withApiOptions(
    claims
      .command('show')
      .description(
        'Rincian klaim / one claim with the member, history and documents (branch officer, supervisor; audited)',
      )
      .argument('<claim>', 'claim number, e.g. KLM-7Q2M-9XKD', parseClaimId),
  ).action(async (claimId: string, options: ApiOptions) => {
    const { client, apiUrl } = authenticatedClient(env, options.apiUrl);
    const claim = await callApi(apiUrl, () => client.claims.show.query({ claimId }));
    if (options.json) {
      console.log(JSON.stringify(claim));
      return;
    }
    console.log(`peserta / member: ${claim.member.fullName}  NIK ${claim.member.nik ?? '-'}  KPJ ${claim.kpj}`);
    if (claim.heir)
      console.log(`ahli waris / heir: ${claim.heir.fullName}  NIK ${claim.heir.nik}  (${claim.heir.relation})`);
    printClaim(claim);
  });
}
