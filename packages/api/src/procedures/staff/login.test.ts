import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { auditLog, staffUsers } from '../../db/schema.js';
import { DEMO_STAFF_PASSWORD, DEMO_STAFF_TOTP_SECRETS } from '../../demo/demo-accounts.js';
import { totpCode } from '../../security/totp.js';
import { loginStaffWithTotp } from '../../test-support/staff-login.js';
import { createTestServer, type TestServer } from '../../test-support/test-server.js';

const agentSecret = DEMO_STAFF_TOTP_SECRETS['demo.agent'];
const NEW_PASSWORD = 'correct-horse-battery';

async function addStaff(server: TestServer, username: string) {
  const admin = await loginStaffWithTotp(server, 'demo.admin');
  const reply = await server.call(
    'staff.add',
    { username, fullName: 'Staf Baru', role: 'customer_service_agent', password: NEW_PASSWORD },
    { bearer: admin },
  );
  expect(reply.status).toBe(200);
}

describe('staff.login with TOTP', () => {
  it('asks an enrolled user for the code only after the password was right, and issues no token', async () => {
    const server = await createTestServer();
    const reply = await server.call('staff.login', { username: 'demo.agent', password: DEMO_STAFF_PASSWORD });
    expect(reply.status).toBe(401);
    expect(reply.json.error?.data.appCode).toBe('TOTP_REQUIRED');
    expect(reply.text).not.toContain('token');
  });

  it('gives a wrong password the same reply as an unknown username, with or without a code', async () => {
    const server = await createTestServer();
    const code = totpCode(agentSecret, server.clock.now());
    const wrong = await server.call('staff.login', { username: 'demo.agent', password: 'wrong-password' });
    const wrongWithCode = await server.call('staff.login', {
      username: 'demo.agent',
      password: 'wrong-password',
      totpCode: code,
    });
    const unknown = await server.call('staff.login', { username: 'nobody', password: 'wrong-password' });
    expect(wrong.json.error?.data.appCode).toBe('INVALID_CREDENTIALS');
    expect(wrongWithCode.text).toBe(wrong.text);
    expect(unknown.text).toBe(wrong.text);
  });

  it('refuses a wrong code as invalid credentials', async () => {
    const server = await createTestServer();
    const right = totpCode(agentSecret, server.clock.now());
    const wrongCode = right === '000000' ? '111111' : '000000';
    const reply = await server.call('staff.login', {
      username: 'demo.agent',
      password: DEMO_STAFF_PASSWORD,
      totpCode: wrongCode,
    });
    expect(reply.status).toBe(401);
    expect(reply.json.error?.data.appCode).toBe('INVALID_CREDENTIALS');
  });

  it.each([-30_000, 0, 30_000])(
    'issues a working token for the right password and a code %i ms off the server clock',
    async (offset) => {
      const server = await createTestServer();
      const reply = await server.call('staff.login', {
        username: 'demo.agent',
        password: DEMO_STAFF_PASSWORD,
        totpCode: totpCode(agentSecret, new Date(server.clock.now().getTime() + offset)),
      });
      expect(reply.json.result?.data).toMatchObject({ status: 'ok', role: 'call_center_agent' });
      const token = (reply.json.result?.data as { token: string } | undefined)?.token ?? '';
      const shown = await server.call('staff.member.show', { key: '19011111111' }, { method: 'GET', bearer: token });
      expect(shown.status).toBe(200);
    },
  );

  it('refuses a code from 90 seconds ago', async () => {
    const server = await createTestServer();
    const stale = await server.call('staff.login', {
      username: 'demo.agent',
      password: DEMO_STAFF_PASSWORD,
      totpCode: totpCode(agentSecret, new Date(server.clock.now().getTime() - 90_000)),
    });
    expect(stale.json.error?.data.appCode).toBe('INVALID_CREDENTIALS');
  });

  it('accepts a code once: replaying it, or an older one, fails', async () => {
    const server = await createTestServer();
    const code = totpCode(agentSecret, server.clock.now());
    const login = () =>
      server.call('staff.login', { username: 'demo.agent', password: DEMO_STAFF_PASSWORD, totpCode: code });
    expect((await login()).status).toBe(200);
    expect((await login()).json.error?.data.appCode).toBe('INVALID_CREDENTIALS');
    const older = totpCode(agentSecret, new Date(server.clock.now().getTime() - 30_000));
    const olderReply = await server.call('staff.login', {
      username: 'demo.agent',
      password: DEMO_STAFF_PASSWORD,
      totpCode: older,
    });
    expect(olderReply.json.error?.data.appCode).toBe('INVALID_CREDENTIALS');
  });

  it('throttles repeated wrong codes for a username', async () => {
    const server = await createTestServer();
    const wrong = () =>
      server.call('staff.login', { username: 'demo.agent', password: DEMO_STAFF_PASSWORD, totpCode: '000000' });
    for (let i = 0; i < 5; i++) expect((await wrong()).status).toBe(401);
    const throttled = await wrong();
    expect(throttled.json.error?.data).toMatchObject({ appCode: 'RATE_LIMITED', retryAfterSeconds: 30 });
  });

  it('refuses a disabled user with the reply of a wrong password', async () => {
    const server = await createTestServer();
    const wrong = await server.call('staff.login', { username: 'demo.agent', password: 'wrong-password' });
    server.db
      .update(staffUsers)
      .set({ disabledAt: server.clock.now().toISOString() })
      .where(eq(staffUsers.username, 'demo.agent'))
      .run();
    const disabled = await server.call('staff.login', {
      username: 'demo.agent',
      password: DEMO_STAFF_PASSWORD,
      totpCode: totpCode(agentSecret, server.clock.now()),
    });
    expect(disabled.text).toBe(wrong.text);
  });

  it('enrolls a new user: secret and URI without a token first, then a token for a valid code', async () => {
    const server = await createTestServer();
    await addStaff(server, 'rina.cs');
    const first = await server.call('staff.login', { username: 'rina.cs', password: NEW_PASSWORD });
    expect(first.status).toBe(200);
    const enrollment = first.json.result?.data as { status: string; secret: string; otpauthUri: string };
    expect(enrollment).toMatchObject({ status: 'enrollment_required', enrollmentRequired: true });
    expect(enrollment.secret).toMatch(/^[A-Z2-7]{32}$/);
    expect(enrollment.otpauthUri).toBe(`otpauth://totp/Pulih:rina.cs?secret=${enrollment.secret}&issuer=Pulih`);
    expect(first.text).not.toContain('token');

    const stored = server.db.select().from(staffUsers).where(eq(staffUsers.username, 'rina.cs')).get();
    expect(stored?.totpSecretEncrypted).toMatch(/^v2\.[0-9a-f]{8}\./);
    expect(stored?.totpSecretEncrypted).not.toContain(enrollment.secret);
    expect(stored?.totpEnrolledAt).toBeNull();

    // Asking again (the QR code was lost) shows the same pending secret.
    const again = await server.call('staff.login', { username: 'rina.cs', password: NEW_PASSWORD });
    expect((again.json.result?.data as { secret?: string } | undefined)?.secret).toBe(enrollment.secret);

    const code = totpCode(enrollment.secret, server.clock.now());
    const wrongCode = await server.call('staff.login', {
      username: 'rina.cs',
      password: NEW_PASSWORD,
      totpCode: code === '000000' ? '111111' : '000000',
    });
    expect(wrongCode.json.error?.data.appCode).toBe('INVALID_CREDENTIALS');

    const done = await server.call('staff.login', { username: 'rina.cs', password: NEW_PASSWORD, totpCode: code });
    expect(done.json.result?.data).toMatchObject({ status: 'ok', username: 'rina.cs', role: 'customer_service_agent' });
    expect(
      server.db.select().from(staffUsers).where(eq(staffUsers.username, 'rina.cs')).get()?.totpEnrolledAt,
    ).not.toBeNull();

    const withoutCode = await server.call('staff.login', { username: 'rina.cs', password: NEW_PASSWORD });
    expect(withoutCode.json.error?.data.appCode).toBe('TOTP_REQUIRED');
  });

  it('does not start enrollment for a wrong password', async () => {
    const server = await createTestServer();
    await addStaff(server, 'rina.cs');
    const reply = await server.call('staff.login', { username: 'rina.cs', password: 'wrong-password' });
    expect(reply.json.error?.data.appCode).toBe('INVALID_CREDENTIALS');
    expect(
      server.db.select().from(staffUsers).where(eq(staffUsers.username, 'rina.cs')).get()?.totpSecretEncrypted,
    ).toBeNull();
  });

  it('audits every outcome without the password or the code', async () => {
    const server = await createTestServer();
    const code = totpCode(agentSecret, server.clock.now());
    const before = server.db.select().from(auditLog).all().length;
    await server.call('staff.login', { username: 'demo.agent', password: 'wrong-password', totpCode: code });
    await server.call('staff.login', { username: 'demo.agent', password: DEMO_STAFF_PASSWORD });
    await server.call('staff.login', { username: 'demo.agent', password: DEMO_STAFF_PASSWORD, totpCode: '000000' });
    await server.call('staff.login', { username: 'demo.agent', password: DEMO_STAFF_PASSWORD, totpCode: code });
    const entries = server.db.select().from(auditLog).all().slice(before);
    expect(entries.map((e) => [e.action, JSON.parse(e.detail).reason ?? null])).toEqual([
      ['staff.login.failed', 'password'],
      ['staff.login.failed', 'totp_missing'],
      ['staff.login.failed', 'totp_wrong'],
      ['staff.login.succeeded', null],
    ]);
    const all = JSON.stringify(entries.map((e) => e.detail));
    expect(all).not.toContain(DEMO_STAFF_PASSWORD);
    expect(all).not.toContain('wrong-password');
    expect(all).not.toContain(code);
  });
});
