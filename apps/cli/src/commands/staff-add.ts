import { type Command, Option } from 'commander';
import { callApi } from '../api-client.js';
import { type StaffRole, staffRoleNames } from '../api-types.js';
import { type CliEnv, CliError } from '../env.js';
import { readSecret } from '../prompt.js';
import { authenticatedClient } from '../session.js';

export function registerStaffAdd(staff: Command, env: CliEnv): void {
  staff
    .command('add')
    .description(
      'Tambah petugas / add a staff user (admin only); the initial password (min. 12 characters) is asked for, or read from standard input; TOTP is set up at their first login',
    )
    .argument('<username>', 'new username (a-z, 0-9, dot, dash, underscore)')
    .requiredOption('--full-name <name>', 'full name')
    .addOption(new Option('--role <role>', 'role').choices(staffRoleNames).makeOptionMandatory())
    .option('--api-url <url>', 'API base URL (env PULIH_API_URL)')
    .option('--json', 'machine-readable output')
    .action(
      async (username: string, options: { fullName: string; role: StaffRole; apiUrl?: string; json?: boolean }) => {
        const { client, apiUrl } = authenticatedClient(env, options.apiUrl);
        const password = await readSecret('Kata sandi awal / initial password (min. 12): ');
        if (!password) throw new CliError('no initial password given');
        const added = await callApi(apiUrl, () =>
          client.staff.add.mutate({ username, fullName: options.fullName, role: options.role, password }),
        );
        if (options.json) {
          console.log(JSON.stringify(added));
          return;
        }
        console.log(
          `Ditambahkan / added ${added.username} (${added.role}). Authenticator diaktifkan saat login pertama / TOTP is set up at first login.`,
        );
      },
    );
}
