import { describe, expect, it } from 'vitest';
import { auditLog } from '../../db/schema.js';
import { DEMO_MEMBER_PASSWORD } from '../../demo/demo-accounts.js';
import { codeIn, latestMessage, messagesTo } from '../../test-support/outbox.js';
import { loginStaffWithTotp } from '../../test-support/staff-login.js';
import { createTestServer, dataOf } from '../../test-support/test-server.js';

const sitiPhone = '0812-3456-7890';

describe('recovery.start ("lupa email/akun")', () => {
  it('texts a code to the registered phone when NIK or KPJ and phone match', async () => {
    const server = await createTestServer();
    const reply = await server.call('recovery.start', {
      identifier: '3273015708900001',
      phone: sitiPhone,
      locale: 'id',
    });
    expect(reply.status).toBe(200);
    const sms = latestMessage(server.db, '+6281234567890', 'recovery_code');
    expect(sms?.channel).toBe('sms');
    expect(sms?.body).toMatch(/\d{6}/);
  });

  it('answers a wrong phone, an unknown NIK and an unknown KPJ exactly like a match, and texts nobody', async () => {
    const server = await createTestServer();
    const shape = (text: string) => text.replace(/"requestId":"[^"]+"/, '"requestId":"…"');
    const match = await server.call('recovery.start', { identifier: '19011111111', phone: sitiPhone, locale: 'id' });
    const wrongPhone = await server.call('recovery.start', {
      identifier: '19033333333',
      phone: '0812-0000-1111',
      locale: 'id',
    });
    const unknownNik = await server.call('recovery.start', {
      identifier: '3174051708990009',
      phone: sitiPhone,
      locale: 'id',
    });
    const unknownKpj = await server.call('recovery.start', {
      identifier: '99999999999',
      phone: '0813-2222-3333',
      locale: 'id',
    });
    for (const reply of [wrongPhone, unknownNik, unknownKpj]) {
      expect(reply.status).toBe(match.status);
      expect(shape(reply.text)).toBe(shape(match.text));
    }
    expect(messagesTo(server.db, '+6281200001111')).toHaveLength(0);
    expect(messagesTo(server.db, '+6281322223333')).toHaveLength(0);
    expect(messagesTo(server.db, '+6285712345678')).toHaveLength(0); // Budi's real phone is never texted
  });

  it('closes the path for the day after three attempts, for known and unknown identifiers alike', async () => {
    const server = await createTestServer();
    const attempt = (identifier: string) =>
      server.call('recovery.start', { identifier, phone: '0812-9999-0000', locale: 'id' });
    for (let i = 0; i < 3; i++) {
      await attempt('19033333333');
      await attempt('99999999999');
    }
    const known = await attempt('19033333333');
    const unknown = await attempt('99999999999');
    expect(known.status).toBe(429);
    expect(unknown.text).toBe(known.text);
  });

  it('names the format it expects for a malformed identifier or phone', async () => {
    const server = await createTestServer();
    const identifier = await server.call('recovery.start', { identifier: '12345', phone: sitiPhone, locale: 'id' });
    expect(identifier.json.error?.message).toBe('Enter your 16-digit NIK or your 11-digit KPJ number.');
    const phone = await server.call('recovery.start', { identifier: '19011111111', phone: '021-555', locale: 'id' });
    expect(phone.json.error?.data.appCode).toBe('INVALID_INPUT');
  });
});

describe('recovery.verifyCode', () => {
  it('shows the registered email in full after the SMS code, audits it, and offers a password reset', async () => {
    const server = await createTestServer();
    const started = await server.call('recovery.start', { identifier: '19011111111', phone: sitiPhone, locale: 'id' });
    const { requestId } = dataOf<{ requestId: string }>(started);
    const code = codeIn(latestMessage(server.db, '+6281234567890', 'recovery_code'));
    const reply = await server.call('recovery.verifyCode', { requestId, code });
    expect(reply.json.result?.data).toMatchObject({
      email: 'siti.rahayu@example.com',
      disclosure: 'full',
      hasOnlineAccount: true,
      resetToken: expect.stringMatching(/^[\w-]{40,}$/),
    });
    const { resetToken } = dataOf<{ resetToken: string }>(reply);
    expect(
      (await server.call('auth.resetPassword', { token: resetToken, newPassword: 'gado-gado-siram-kacang' })).status,
    ).toBe(200);
    await server.loginMember('siti.rahayu@example.com', 'gado-gado-siram-kacang');

    const disclosure = server.db
      .select()
      .from(auditLog)
      .all()
      .find((e) => e.action === 'contact.disclosed');
    expect(JSON.parse(disclosure?.detail ?? '{}')).toMatchObject({ contact: 'email', level: 'full', via: 'recovery' });
    expect(disclosure?.detail).not.toContain('siti.rahayu@example.com');
    expect(latestMessage(server.db, 'siti.rahayu@example.com', 'recovery_disclosure_notice')).not.toBeNull();
  });

  it('refuses a wrong code, a reused code and a made-up request id alike', async () => {
    const server = await createTestServer();
    const started = await server.call('recovery.start', { identifier: '19011111111', phone: sitiPhone, locale: 'id' });
    const { requestId } = dataOf<{ requestId: string }>(started);
    const code = codeIn(latestMessage(server.db, '+6281234567890', 'recovery_code'));
    const wrong = await server.call('recovery.verifyCode', {
      requestId,
      code: code === '000000' ? '111111' : '000000',
    });
    expect(wrong.json.error?.data.appCode).toBe('CODE_INVALID');
    expect((await server.call('recovery.verifyCode', { requestId, code })).status).toBe(200);
    const reused = await server.call('recovery.verifyCode', { requestId, code });
    const madeUp = await server.call('recovery.verifyCode', { requestId: 'not-a-request', code });
    expect(reused.text).toBe(wrong.text);
    expect(madeUp.text).toBe(wrong.text);
  });
});

describe('member.accessHistory', () => {
  it('lists the recovery disclosure and a staff look-up with the role, newest first, without logins', async () => {
    const server = await createTestServer();
    const started = await server.call('recovery.start', { identifier: '19011111111', phone: sitiPhone, locale: 'id' });
    const { requestId } = dataOf<{ requestId: string }>(started);
    await server.call('recovery.verifyCode', {
      requestId,
      code: codeIn(latestMessage(server.db, '+6281234567890', 'recovery_code')),
    });
    const token = await loginStaffWithTotp(server, 'demo.agent');
    await server.call('staff.member.show', { key: '19011111111' }, { method: 'GET', bearer: token });

    const cookie = await server.loginMember('siti.rahayu@example.com', DEMO_MEMBER_PASSWORD);
    const reply = await server.call('member.accessHistory', undefined, { method: 'GET', cookie });
    const { entries } = dataOf<{
      entries: { action: string; staffRole: string | null; disclosure: string | null }[];
    }>(reply);
    expect(entries.map((e) => e.action)).toEqual(['member.viewed', 'contact.disclosed', 'recovery.code_sent']);
    expect(entries[0]).toMatchObject({ staffRole: 'call_center_agent', staffBranch: null, disclosure: 'masked' });
    expect(entries[1]).toMatchObject({ disclosure: 'full', staffRole: null });
  });

  it('shows a member nothing of another member', async () => {
    const server = await createTestServer();
    const token = await loginStaffWithTotp(server, 'demo.agent');
    await server.call('staff.member.show', { key: '19033333333' }, { method: 'GET', bearer: token });
    const cookie = await server.loginMember('siti.rahayu@example.com', DEMO_MEMBER_PASSWORD);
    const reply = await server.call('member.accessHistory', undefined, { method: 'GET', cookie });
    expect(dataOf<{ entries: unknown[] }>(reply).entries).toEqual([]);
  });
});
