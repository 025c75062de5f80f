import type { Command } from 'commander';
import { toCliError } from '../api-client.js';
import type { CliEnv } from '../env.js';
import { authenticatedClient } from '../session.js';

const verified = (isVerified: boolean) => (isVerified ? 'terverifikasi' : 'belum diverifikasi');

export function registerMemberShow(member: Command, env: CliEnv): void {
  member
    .command('show')
    .description('Tampilkan peserta / show a member by KPJ (11 digits) or NIK (16 digits); contacts are masked')
    .argument('<kpj-or-nik>', 'KPJ number or NIK')
    .option('--api-url <url>', 'API base URL (env PULIH_API_URL)')
    .option('--json', 'machine-readable output')
    .action(async (key: string, options: { apiUrl?: string; json?: boolean }) => {
      const { client, apiUrl } = authenticatedClient(env, options.apiUrl);
      let shown: Awaited<ReturnType<typeof client.staff.member.show.query>>;
      try {
        shown = await client.staff.member.show.query({ key });
      } catch (error) {
        throw toCliError(error, apiUrl);
      }
      if (options.json) {
        console.log(JSON.stringify(shown));
        return;
      }
      const rows: [string, string][] = [
        ['NIK', shown.nikMasked],
        ['KPJ', shown.kpjNumbers.join(', ')],
        ['Tahun lahir', shown.birthYear ?? '-'],
        ['Status', shown.statusReason ? `${shown.membershipStatus} (${shown.statusReason})` : shown.membershipStatus],
        ['Akun online', shown.hasOnlineAccount ? 'ya' : 'tidak'],
        ['Email', shown.email ? `${shown.email} (${verified(shown.emailVerified)})` : '-'],
        ['Telepon', shown.phone ? `${shown.phone} (${verified(shown.phoneVerified)})` : '-'],
      ];
      console.log(shown.fullName);
      for (const [label, value] of rows) console.log(`  ${label.padEnd(12)} ${value}`);
      console.log('  (kontak disamarkan / contacts masked: verify the caller to see more)');
    });
}
