import { DEMO_STAFF_PASSWORD, DEMO_STAFF_TOTP_SECRETS, type DemoStaffUsername } from '../demo/demo-accounts.js';
import { totpCode } from '../security/totp.js';
import type { TestServer } from './test-server.js';

/**
 * Logs a TOTP-enrolled staff user in (password + the code of the server's clock) and returns
 * the bearer token. Demo staff need only their username.
 */
export async function loginStaffWithTotp(
  server: Pick<TestServer, 'call' | 'clock'>,
  username: DemoStaffUsername | (string & {}),
  options: { password?: string; secret?: string } = {},
): Promise<string> {
  const secret = options.secret ?? DEMO_STAFF_TOTP_SECRETS[username as DemoStaffUsername];
  if (!secret) throw new Error(`no TOTP secret known for ${username}`);
  // A TOTP code is accepted once: step to the next 30-second window, as a person would wait.
  server.clock.advance(30_000);
  const reply = await server.call('staff.login', {
    username,
    password: options.password ?? DEMO_STAFF_PASSWORD,
    totpCode: totpCode(secret, server.clock.now()),
  });
  const data = reply.json.result?.data as { status: string; token: string } | undefined;
  if (reply.status !== 200 || data?.status !== 'ok') throw new Error(`staff login failed: ${reply.text}`);
  return data.token;
}
