import type { Command } from 'commander';
import { callApi } from '../api-client.js';
import type { CliEnv } from '../env.js';
import { authenticatedClient } from '../session.js';
import { findListedStaff } from './staff-lookup.js';

export function registerStaffDisable(staff: Command, env: CliEnv): void {
  staff
    .command('disable')
    .description('Nonaktifkan petugas / disable a staff user and revoke their tokens (admin only)')
    .argument('<username>', 'staff username')
    .option('--dry-run', 'show what would happen; change nothing')
    .option('--api-url <url>', 'API base URL (env PULIH_API_URL)')
    .option('--json', 'machine-readable output')
    .action(async (username: string, options: { dryRun?: boolean; apiUrl?: string; json?: boolean }) => {
      const { client, apiUrl } = authenticatedClient(env, options.apiUrl);
      if (options.dryRun) {
        const target = await findListedStaff(client, apiUrl, username);
        const plan = {
          dryRun: true,
          username: target.username,
          role: target.role,
          alreadyDisabled: target.disabledAt !== null,
          wouldRevokeTokens: target.activeTokens,
        };
        if (options.json) console.log(JSON.stringify(plan));
        else
          console.log(
            `[dry-run] would disable ${target.username} (${target.role})${plan.alreadyDisabled ? ', already disabled,' : ''} and revoke ${target.activeTokens} live token(s); nothing changed.`,
          );
        return;
      }
      const done = await callApi(apiUrl, () => client.staff.disable.mutate({ username }));
      if (options.json) console.log(JSON.stringify(done));
      else
        console.log(
          `Dinonaktifkan / disabled ${done.username}${done.alreadyDisabled ? ' (already disabled)' : ''}; ${done.revokedTokens} token(s) revoked.`,
        );
    });
}
