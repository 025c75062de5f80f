import type { Command } from 'commander';
import { callApi } from '../api-client.js';
import type { CliEnv } from '../env.js';
import { authenticatedClient } from '../session.js';

export function registerKioskList(kiosk: Command, env: CliEnv): void {
  kiosk
    .command('list')
    .description('Daftar kios / kiosks of your branch (admins: all)')
    .option('--api-url <url>', 'API base URL (env PULIH_API_URL)')
    .option('--json', 'machine-readable output')
    .action(async (options: { apiUrl?: string; json?: boolean }) => {
      const { client, apiUrl } = authenticatedClient(env, options.apiUrl);
      const { kiosks } = await callApi(apiUrl, () => client.kiosk.list.query());
      if (options.json) {
        console.log(JSON.stringify(kiosks));
        return;
      }
      if (kiosks.length === 0) console.log('Belum ada kios. / No kiosks yet.');
      for (const k of kiosks) {
        const state = k.revokedAt
          ? `dicabut / revoked ${k.revokedAt}`
          : `aktif / active, terakhir / last seen ${k.lastSeenAt ?? '-'}`;
        console.log(`${k.id}  ${k.branchCode}  ${k.label.padEnd(20)}  ${state}`);
      }
    });
}
