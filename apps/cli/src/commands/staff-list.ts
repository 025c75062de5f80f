import type { Command } from 'commander';
import { callApi } from '../api-client.js';
import type { CliEnv } from '../env.js';
import { authenticatedClient } from '../session.js';

export function registerStaffList(staff: Command, env: CliEnv): void {
  staff
    .command('list')
    .description('Daftar petugas / list staff users with role, authenticator and live tokens (admin only)')
    .option('--api-url <url>', 'API base URL (env PULIH_API_URL)')
    .option('--json', 'machine-readable output')
    .action(async (options: { apiUrl?: string; json?: boolean }) => {
      const { client, apiUrl } = authenticatedClient(env, options.apiUrl);
      const list = await callApi(apiUrl, () => client.staff.list.query());
      if (options.json) {
        console.log(JSON.stringify(list));
        return;
      }
      const rows = list.map((s) => [
        s.username,
        s.role,
        s.totpEnrolled ? 'totp' : 'no-totp',
        s.disabledAt ? 'nonaktif/disabled' : 'aktif/active',
        `${s.activeTokens} token`,
        s.fullName,
      ]);
      const widths = rows.reduce<number[]>((max, row) => row.map((cell, i) => Math.max(max[i] ?? 0, cell.length)), []);
      for (const row of rows)
        console.log(row.map((cell, i) => (i < row.length - 1 ? cell.padEnd(widths[i] ?? 0) : cell)).join('  '));
    });
}
