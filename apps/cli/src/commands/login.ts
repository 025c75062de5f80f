import type { Command } from 'commander';
import QRCode from 'qrcode';
import { appCodeOf, createApiClient, toCliError } from '../api-client.js';
import type { ApiOutputs } from '../api-types.js';
import { saveCredentials } from '../credentials.js';
import { type CliEnv, CliError } from '../env.js';
import { readLine, readSecret } from '../prompt.js';
import { resolveApiUrl } from '../session.js';

type LoginReply = ApiOutputs['staff']['login'];
type Enrollment = Extract<LoginReply, { status: 'enrollment_required' }>;

async function askTotpCode(): Promise<string> {
  const code = (await readLine('Kode authenticator / authenticator code: ')).trim();
  if (!code) throw new CliError('no authenticator code entered (type it when asked, or set PULIH_STAFF_TOTP)');
  if (!/^\d{3} ?\d{3}$/.test(code)) throw new CliError('the authenticator code is six digits');
  return code;
}

/** Shows the new secret once, as a QR code and as text; stdout stays clean for --json. */
async function showEnrollment(enrollment: Enrollment, write: (text: string) => void): Promise<void> {
  const qr = await QRCode.toString(enrollment.otpauthUri, { type: 'terminal', small: true });
  write(
    [
      'Aktifkan verifikasi dua langkah / set up two-step login (shown once):',
      qr,
      'Pindai kode QR dengan aplikasi authenticator, atau masukkan rahasia ini /',
      'scan the QR code with an authenticator app, or enter this secret:',
      `  ${enrollment.secret}`,
      `  ${enrollment.otpauthUri}`,
      '',
    ].join('\n'),
  );
}

export function registerLogin(program: Command, env: CliEnv): void {
  program
    .command('login')
    .description(
      'Masuk sebagai petugas / log in as staff with password and authenticator code (env PULIH_STAFF_PASSWORD, PULIH_STAFF_TOTP); the token is stored in your config directory (mode 0600)',
    )
    .requiredOption('-u, --username <username>', 'staff username')
    .option('--api-url <url>', 'API base URL (env PULIH_API_URL)')
    .option('--json', 'machine-readable output')
    .action(async (options: { username: string; apiUrl?: string; json?: boolean }) => {
      const apiUrl = resolveApiUrl(options.apiUrl, env);
      const password = env.staffPassword ?? (await readSecret('Kata sandi / password: '));
      const client = createApiClient(apiUrl);
      const login = (totpCode?: string) =>
        client.staff.login.mutate({ username: options.username, password, ...(totpCode ? { totpCode } : {}) });
      const write = (text: string) => (options.json ? process.stderr : process.stdout).write(text);

      let reply: LoginReply;
      try {
        try {
          reply = await login(env.staffTotp);
        } catch (error) {
          if (appCodeOf(error) !== 'TOTP_REQUIRED') throw error;
          reply = await login(await askTotpCode());
        }
        if (reply.status === 'enrollment_required') {
          await showEnrollment(reply, write);
          reply = await login(await askTotpCode());
        }
      } catch (error) {
        throw toCliError(error, apiUrl);
      }
      if (reply.status !== 'ok') throw new CliError('TOTP enrollment did not finish; run `pulih login` again');

      const file = saveCredentials(env.configDir, {
        apiUrl,
        token: reply.token,
        username: reply.username,
        role: reply.role,
        expiresAt: reply.expiresAt,
      });
      if (options.json) {
        console.log(JSON.stringify({ username: reply.username, role: reply.role, expiresAt: reply.expiresAt }));
      } else {
        console.log(
          `Masuk sebagai ${reply.fullName} (${reply.role}); berlaku sampai ${reply.expiresAt}. Token: ${file}`,
        );
      }
    });
}
