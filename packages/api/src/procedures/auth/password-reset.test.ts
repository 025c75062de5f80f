import { describe, expect, it } from 'vitest';
import { DEMO_MEMBER_PASSWORD } from '../../demo/demo-accounts.js';
import { codeIn, latestMessage, messagesTo, tokenIn } from '../../test-support/outbox.js';
import { createTestServer } from '../../test-support/test-server.js';

const NEW_PASSWORD = 'sate-ayam-madura-pedas';

describe('auth.forgotPassword and auth.resetPassword', () => {
  it('gives the same reply for a known and an unknown identifier, and mails only the known one', async () => {
    const server = await createTestServer();
    const known = await server.call('auth.forgotPassword', { identifier: 'siti.rahayu@example.com', locale: 'id' });
    const unknown = await server.call('auth.forgotPassword', { identifier: 'tidak.ada@example.com', locale: 'id' });
    const unknownKpj = await server.call('auth.forgotPassword', { identifier: '99999999999', locale: 'id' });
    expect(known.status).toBe(200);
    expect(unknown.text).toBe(known.text);
    expect(unknownKpj.text).toBe(known.text);
    expect(latestMessage(server.db, 'siti.rahayu@example.com', 'password_reset')).not.toBeNull();
    expect(messagesTo(server.db, 'tidak.ada@example.com')).toHaveLength(0);
  });

  it('resets with the link: the new password works, the old does not, sessions end, contacts are told', async () => {
    const server = await createTestServer();
    const cookie = await server.loginMember('siti.rahayu@example.com', DEMO_MEMBER_PASSWORD);
    await server.call('auth.forgotPassword', { identifier: '19011111111', locale: 'id' });
    const token = tokenIn(latestMessage(server.db, 'siti.rahayu@example.com', 'password_reset'));
    expect((await server.call('auth.resetPassword', { token, newPassword: NEW_PASSWORD })).status).toBe(200);
    expect((await server.call('member.profile', undefined, { method: 'GET', cookie })).status).toBe(401);
    expect(
      (await server.call('auth.login', { identifier: '19011111111', password: DEMO_MEMBER_PASSWORD })).status,
    ).toBe(401);
    await server.loginMember('19011111111', NEW_PASSWORD);
    expect(latestMessage(server.db, 'siti.rahayu@example.com', 'password_changed_notice')).not.toBeNull();
    expect(latestMessage(server.db, '+6281234567890', 'password_changed_notice')).not.toBeNull();
    expect(
      (await server.call('auth.resetPassword', { token, newPassword: NEW_PASSWORD })).json.error?.data.appCode,
    ).toBe('CODE_INVALID');
  });

  it('resets with the 6-digit code and the identifier', async () => {
    const server = await createTestServer();
    await server.call('auth.forgotPassword', { identifier: 'siti.rahayu@example.com', locale: 'en' });
    const code = codeIn(latestMessage(server.db, 'siti.rahayu@example.com', 'password_reset'));
    const reply = await server.call('auth.resetPassword', {
      identifier: 'siti.rahayu@example.com',
      code,
      newPassword: NEW_PASSWORD,
    });
    expect(reply.status).toBe(200);
    await server.loginMember('siti.rahayu@example.com', NEW_PASSWORD);
  });

  it('keeps the link 30 minutes and the code 10', async () => {
    const server = await createTestServer();
    await server.call('auth.forgotPassword', { identifier: 'siti.rahayu@example.com', locale: 'id' });
    const message = latestMessage(server.db, 'siti.rahayu@example.com', 'password_reset');
    server.clock.advance(11 * 60_000);
    const byCode = await server.call('auth.resetPassword', {
      identifier: 'siti.rahayu@example.com',
      code: codeIn(message),
      newPassword: NEW_PASSWORD,
    });
    expect(byCode.json.error?.data.appCode).toBe('CODE_INVALID');
    server.clock.advance(20 * 60_000);
    const byLink = await server.call('auth.resetPassword', { token: tokenIn(message), newPassword: NEW_PASSWORD });
    expect(byLink.json.error?.data.appCode).toBe('CODE_INVALID');
  });

  it('refuses a weak new password and leaves the link usable', async () => {
    const server = await createTestServer();
    await server.call('auth.forgotPassword', { identifier: 'siti.rahayu@example.com', locale: 'id' });
    const token = tokenIn(latestMessage(server.db, 'siti.rahayu@example.com', 'password_reset'));
    const weak = await server.call('auth.resetPassword', { token, newPassword: 'siti.rahayu-1990-08-17' });
    expect(weak.json.error?.data).toMatchObject({ appCode: 'PASSWORD_REJECTED' });
    expect((await server.call('auth.resetPassword', { token, newPassword: NEW_PASSWORD })).status).toBe(200);
  });

  it('limits requests to 3 an hour per identifier, identically for unknown ones', async () => {
    const server = await createTestServer();
    const ask = (identifier: string) => server.call('auth.forgotPassword', { identifier, locale: 'id' });
    for (let i = 0; i < 3; i++) {
      expect((await ask('siti.rahayu@example.com')).status).toBe(200);
      expect((await ask('tidak.ada@example.com')).status).toBe(200);
    }
    const known = await ask('siti.rahayu@example.com');
    const unknown = await ask('tidak.ada@example.com');
    expect(known.status).toBe(429);
    expect(unknown.text).toBe(known.text);
    expect(known.json.error?.data.retryAfterSeconds).toBe(3600);
  });
});

describe('auth.login throttling and lockout', () => {
  it('makes the sixth failure within 15 minutes wait, the same for an unknown identifier', async () => {
    const server = await createTestServer();
    const fail = (identifier: string) => server.call('auth.login', { identifier, password: 'bukan-kata-sandinya' });
    for (let i = 0; i < 5; i++) {
      expect((await fail('siti.rahayu@example.com')).status).toBe(401);
      expect((await fail('tidak.ada@example.com')).status).toBe(401);
    }
    const known = await fail('siti.rahayu@example.com');
    const unknown = await fail('tidak.ada@example.com');
    expect(known.status).toBe(429);
    expect(unknown.text).toBe(known.text);
    server.clock.advance(31_000);
    await server.loginMember('siti.rahayu@example.com', DEMO_MEMBER_PASSWORD);
  });

  it('locks an account after 100 consecutive failures until the password is reset', async () => {
    const server = await createTestServer();
    for (let i = 0; i < 100; i++) {
      await server.call('auth.login', { identifier: '19044444444', password: `salah-${i}` });
      server.clock.advance(16 * 60_000); // past every throttle window
    }
    const locked = await server.call('auth.login', { identifier: '19044444444', password: DEMO_MEMBER_PASSWORD });
    expect(locked.json.error?.data.appCode).toBe('ACCOUNT_LOCKED');
    await server.call('auth.forgotPassword', { identifier: '19044444444', locale: 'id' });
    const token = tokenIn(latestMessage(server.db, 'dewi.lestari@example.com', 'password_reset'));
    await server.call('auth.resetPassword', { token, newPassword: NEW_PASSWORD });
    await server.loginMember('19044444444', NEW_PASSWORD);
  }, 60_000); // 101 argon2id hashes, one at a time by design: room for a busy CI machine
});
