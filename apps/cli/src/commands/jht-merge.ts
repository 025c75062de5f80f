import type { Command } from 'commander';
import { InvalidArgumentError } from 'commander';
import { callApi } from '../api-client.js';
import type { CliEnv } from '../env.js';
import { authenticatedClient } from '../session.js';
import { parseCaseId } from './recovery-case.js';

function parseKpjArgument(value: string): string {
  const kpj = value.replace(/[\s.-]/g, '');
  if (!/^\d{11}$/.test(kpj)) throw new InvalidArgumentError('an 11-digit KPJ number');
  return kpj;
}

const rupiah = (amount: number): string => `Rp${amount.toLocaleString('id-ID')}`;

export function registerJhtMerge(jht: Command, env: CliEnv): void {
  jht
    .command('merge')
    .description(
      "Penggabungan saldo / merge the JHT balances of the member's other KPJ numbers into one, in an in-person case (branch officer, supervisor)",
    )
    .requiredOption('--case <case-id>', 'the case opened by `branch verify`', parseCaseId)
    .requiredOption('--into <kpj>', 'the KPJ number that keeps the balance (usually the active one)', parseKpjArgument)
    .option('--api-url <url>', 'API base URL (env PULIH_API_URL)')
    .option('--json', 'machine-readable output')
    .action(async (options: { case: string; into: string; apiUrl?: string; json?: boolean }) => {
      const { client, apiUrl } = authenticatedClient(env, options.apiUrl);
      const done = await callApi(apiUrl, () =>
        client.jht.mergeBalancesAtBranch.mutate({ caseId: options.case, intoKpj: options.into }),
      );
      if (options.json) {
        console.log(JSON.stringify(done));
        return;
      }
      if (done.moves.length === 0)
        console.log(`Tidak ada saldo untuk digabung / no balance to merge into ${done.intoKpj}`);
      for (const move of done.moves)
        console.log(`Saldo digabung / merged: ${move.fromKpj} → ${done.intoKpj}  ${rupiah(move.amount)}`);
    });
}
