import type { Command } from 'commander';
import { callApi } from '../api-client.js';
import type { CliEnv } from '../env.js';
import { authenticatedClient } from '../session.js';

export function registerKioskRevoke(kiosk: Command, env: CliEnv): void {
  kiosk
    .command('revoke')
    .description('Cabut kios / unpair a kiosk at once (stolen, replaced, moved)')
    .argument('<kiosk-id>', 'id shown by `pulih kiosk list`')
    .option('--dry-run', 'show the kiosk that would be unpaired, change nothing')
    .option('--api-url <url>', 'API base URL (env PULIH_API_URL)')
    .option('--json', 'machine-readable output')
    .action(async (kioskId: string, options: { dryRun?: boolean; apiUrl?: string; json?: boolean }) => {
      const { client, apiUrl } = authenticatedClient(env, options.apiUrl);
      if (options.dryRun) {
        const { kiosks } = await callApi(apiUrl, () => client.kiosk.list.query());
        const target = kiosks.find((k) => k.id === kioskId && k.revokedAt === null);
        const plan = target
          ? `would unpair ${target.label} (${target.branchCode})`
          : 'no paired kiosk of yours has that id';
        console.log(options.json ? JSON.stringify({ dryRun: true, found: target !== undefined }) : `[dry-run] ${plan}`);
        return;
      }
      const done = await callApi(apiUrl, () => client.kiosk.revoke.mutate({ kioskId }));
      console.log(options.json ? JSON.stringify(done) : `Kios dicabut / kiosk unpaired: ${kioskId}`);
    });
}
