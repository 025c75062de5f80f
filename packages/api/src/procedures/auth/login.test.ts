import { count } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { auditLog, memberContacts, members } from '../../db/schema.js';
import { DEMO_MEMBER_PASSWORD } from '../../demo/demo-accounts.js';
import { createTestServer } from '../../test-support/test-server.js';

describe('auth.login', () => {
  it('logs a member in with the registered email and sets an httpOnly, SameSite=Lax session cookie', async () => {
    const server = await createTestServer();
    const reply = await server.call('auth.login', {
      identifier: 'Siti.Rahayu@example.com',
      password: DEMO_MEMBER_PASSWORD,
    });
    expect(reply.status).toBe(200);
    const cookie = reply.headers.get('set-cookie') ?? '';
    expect(cookie).toMatch(/^pulih_session=[\w-]{40,};/);
    expect(cookie).toContain('HttpOnly');
    expect(cookie).toContain('SameSite=Lax');
  });

  it('marks the cookie Secure behind HTTPS, and gives every login a new session id', async () => {
    const server = await createTestServer();
    const overHttps = await server.call(
      'auth.login',
      { identifier: 'siti.rahayu@example.com', password: DEMO_MEMBER_PASSWORD },
      { headers: { 'x-forwarded-proto': 'https' } },
    );
    expect(overHttps.headers.get('set-cookie')).toContain('Secure');
    const again = await server.call('auth.login', {
      identifier: 'siti.rahayu@example.com',
      password: DEMO_MEMBER_PASSWORD,
    });
    expect(again.headers.get('set-cookie')).not.toContain('Secure');
    const idOf = (cookie: string | null) => cookie?.split(';')[0];
    expect(idOf(again.headers.get('set-cookie'))).not.toBe(idOf(overHttps.headers.get('set-cookie')));
  });

  it('logs a member in with either of their KPJ numbers', async () => {
    const server = await createTestServer();
    for (const kpj of ['19011111111', '2002 2222 222']) {
      const reply = await server.call('auth.login', { identifier: kpj, password: DEMO_MEMBER_PASSWORD });
      expect(reply.status).toBe(200);
    }
  });

  it('gives a wrong password and an unknown email the very same reply', async () => {
    const server = await createTestServer();
    const wrongPassword = await server.call('auth.login', {
      identifier: 'siti.rahayu@example.com',
      password: 'not-the-password',
    });
    const unknownEmail = await server.call('auth.login', {
      identifier: 'nobody@example.com',
      password: 'not-the-password',
    });
    const unknownKpj = await server.call('auth.login', { identifier: '99999999999', password: 'not-the-password' });
    expect(wrongPassword.status).toBe(401);
    expect(unknownEmail.status).toBe(wrongPassword.status);
    expect(unknownKpj.status).toBe(wrongPassword.status);
    expect(unknownEmail.text).toBe(wrongPassword.text);
    expect(unknownKpj.text).toBe(wrongPassword.text);
    expect(wrongPassword.json.error?.data.appCode).toBe('INVALID_CREDENTIALS');
    expect(wrongPassword.headers.get('set-cookie')).toBeNull();
  });

  it('answers a malformed KPJ with a clear INVALID_INPUT message and changes no member data', async () => {
    const server = await createTestServer();
    const before = [
      server.db.select({ n: count() }).from(members).get(),
      server.db.select({ n: count() }).from(memberContacts).get(),
    ];
    const reply = await server.call('auth.login', { identifier: '12345', password: 'whatever-it-is' });
    expect(reply.status).toBe(400);
    expect(reply.json.error?.data.appCode).toBe('INVALID_INPUT');
    expect(reply.json.error?.message).toBe('Enter your email or your 11-digit KPJ number.');
    expect([
      server.db.select({ n: count() }).from(members).get(),
      server.db.select({ n: count() }).from(memberContacts).get(),
    ]).toEqual(before);
  });

  it.each([
    [{}, 'missing fields'],
    [{ identifier: 'a'.repeat(5000), password: 'x' }, 'a huge identifier'],
    [{ identifier: 'siti.rahayu@example.com', password: 123 }, 'a number as password'],
    ["'; drop table members; --", 'an SQL fragment instead of an object'],
  ] as [unknown, string][])('rejects %j (%s) with 400 and no stack trace', async (input) => {
    const server = await createTestServer();
    const reply = await server.call('auth.login', input);
    expect(reply.status).toBe(400);
    expect(reply.json.error?.data.appCode).toBe('INVALID_INPUT');
    expect(reply.text).not.toMatch(/stack|at Object|node_modules|\.ts:\d+/);
  });

  it('records failed and successful logins in the audit log without the password or the identifier', async () => {
    const server = await createTestServer();
    await server.call('auth.login', { identifier: 'siti.rahayu@example.com', password: 'wrong-password-1' });
    await server.loginMember('siti.rahayu@example.com', DEMO_MEMBER_PASSWORD);
    const entries = server.db.select().from(auditLog).all();
    expect(entries.map((e) => e.action)).toEqual(['login.failed', 'login.succeeded']);
    const serialized = JSON.stringify(entries);
    expect(serialized).not.toContain('wrong-password-1');
    expect(serialized).not.toContain(DEMO_MEMBER_PASSWORD);
    expect(serialized).not.toContain('siti.rahayu@example.com');
  });
});

describe('auth.logout', () => {
  it('ends the session so the cookie no longer opens the profile', async () => {
    const server = await createTestServer();
    const cookie = await server.loginMember('19011111111', DEMO_MEMBER_PASSWORD);
    expect((await server.call('member.profile', undefined, { method: 'GET', cookie })).status).toBe(200);
    await server.call('auth.logout', undefined, { cookie });
    const after = await server.call('member.profile', undefined, { method: 'GET', cookie });
    expect(after.status).toBe(401);
    expect(after.json.error?.data.appCode).toBe('UNAUTHENTICATED');
  });
});
