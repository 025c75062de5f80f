import type { Command } from 'commander';
import { callApi } from '../api-client.js';
import type { CliEnv } from '../env.js';
import { authenticatedClient } from '../session.js';

export function registerKioskPair(kiosk: Command, env: CliEnv): void {
  kiosk
    .command('pair')
    .description("Pasang kios / print a one-time code to type on a kiosk's staff screen (branch officer)")
    .requiredOption('--label <label>', 'name of the kiosk, e.g. "Kios lobi 1"')
    .option('--api-url <url>', 'API base URL (env PULIH_API_URL)')
    .option('--json', 'machine-readable output')
    .action(async (options: { label: string; apiUrl?: string; json?: boolean }) => {
      const { client, apiUrl } = authenticatedClient(env, options.apiUrl);
      const paired = await callApi(apiUrl, () => client.kiosk.pair.mutate({ label: options.label }));
      if (options.json) {
        console.log(JSON.stringify(paired));
        return;
      }
      console.log(`Kode pemasangan / pairing code:  ${paired.pairingCode}`);
      console.log(`Cabang / branch: ${paired.branchCode} · berlaku sampai / valid until ${paired.expiresAt}`);
      console.log("Ketik kode ini di layar petugas pada kios. / Type it on the kiosk's staff screen.");
    });
}
