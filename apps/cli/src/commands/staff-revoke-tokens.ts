import type { Command } from 'commander';
import { callApi } from '../api-client.js';
import type { CliEnv } from '../env.js';
import { authenticatedClient } from '../session.js';
import { findListedStaff } from './staff-lookup.js';

export function registerStaffRevokeTokens(staff: Command, env: CliEnv): void {
  staff
    .command('revoke-tokens')
    .description('Cabut token / end every live session of a staff user; they can log in again (admin only)')
    .argument('<username>', 'staff username')
    .option('--dry-run', 'show what would happen; change nothing')
    .option('--api-url <url>', 'API base URL (env PULIH_API_URL)')
    .option('--json', 'machine-readable output')
    .action(async (username: string, options: { dryRun?: boolean; apiUrl?: string; json?: boolean }) => {
      const { client, apiUrl } = authenticatedClient(env, options.apiUrl);
      if (options.dryRun) {
        const target = await findListedStaff(client, apiUrl, username);
        const plan = { dryRun: true, username: target.username, wouldRevokeTokens: target.activeTokens };
        if (options.json) console.log(JSON.stringify(plan));
        else
          console.log(
            `[dry-run] would revoke ${target.activeTokens} live token(s) of ${target.username}; nothing changed.`,
          );
        return;
      }
      const done = await callApi(apiUrl, () => client.staff.revokeTokens.mutate({ username }));
      if (options.json) console.log(JSON.stringify(done));
      else console.log(`Token dicabut / revoked ${done.revokedTokens} token(s) of ${done.username}.`);
    });
}
