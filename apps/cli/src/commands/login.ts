import type { Command } from 'commander';
import { createApiClient, toCliError } from '../api-client.js';
import { saveCredentials } from '../credentials.js';
import type { CliEnv } from '../env.js';
import { readSecret } from '../prompt.js';
import { resolveApiUrl } from '../session.js';

export function registerLogin(program: Command, env: CliEnv): void {
  program
    .command('login')
    .description('Masuk sebagai petugas / log in as staff; the token is stored in your config directory (mode 0600)')
    .requiredOption('-u, --username <username>', 'staff username')
    .option('--api-url <url>', 'API base URL (env PULIH_API_URL)')
    .option('--json', 'machine-readable output')
    .action(async (options: { username: string; apiUrl?: string; json?: boolean }) => {
      const apiUrl = resolveApiUrl(options.apiUrl, env);
      const password = env.staffPassword ?? (await readSecret('Kata sandi / password: '));
      try {
        const session = await createApiClient(apiUrl).staff.login.mutate({ username: options.username, password });
        const file = saveCredentials(env.configDir, {
          apiUrl,
          token: session.token,
          username: session.username,
          role: session.role,
          expiresAt: session.expiresAt,
        });
        if (options.json) {
          console.log(JSON.stringify({ username: session.username, role: session.role, expiresAt: session.expiresAt }));
        } else {
          console.log(
            `Masuk sebagai ${session.fullName} (${session.role}); berlaku sampai ${session.expiresAt}. Token: ${file}`,
          );
        }
      } catch (error) {
        throw toCliError(error, apiUrl);
      }
    });
}
