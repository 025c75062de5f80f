import { Argument, type Command } from 'commander';
import { callApi } from '../api-client.js';
import { type StaffRole, staffRoleNames } from '../api-types.js';
import type { CliEnv } from '../env.js';
import { authenticatedClient } from '../session.js';

export function registerStaffSetRole(staff: Command, env: CliEnv): void {
  staff
    .command('set-role')
    .description('Ubah peran / change a staff user’s role; it applies to their live tokens at once (admin only)')
    .argument('<username>', 'staff username')
    .addArgument(new Argument('<role>', 'new role').choices(staffRoleNames))
    .option('--api-url <url>', 'API base URL (env PULIH_API_URL)')
    .option('--json', 'machine-readable output')
    .action(async (username: string, role: StaffRole, options: { apiUrl?: string; json?: boolean }) => {
      const { client, apiUrl } = authenticatedClient(env, options.apiUrl);
      const done = await callApi(apiUrl, () => client.staff.setRole.mutate({ username, role }));
      if (options.json) console.log(JSON.stringify(done));
      else console.log(`Peran diubah / role changed: ${done.username} ${done.previousRole} → ${done.role}`);
    });
}
