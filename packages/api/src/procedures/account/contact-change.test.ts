import { describe, expect, it } from 'vitest';
import { DEMO_MEMBER_PASSWORD } from '../../demo/demo-accounts.js';
import { codeIn, latestMessage, tokenIn } from '../../test-support/outbox.js';
import { createTestServer } from '../../test-support/test-server.js';

describe('changing the registered email or phone', () => {
  it('asks for the password again after 10 minutes, verifies the new email, and warns the old one', async () => {
    const server = await createTestServer();
    const cookie = await server.loginMember('siti.rahayu@example.com', DEMO_MEMBER_PASSWORD);
    server.clock.advance(11 * 60_000);
    const stale = await server.call(
      'account.requestContactChange',
      { kind: 'email', value: 'siti.baru@example.com' },
      { cookie },
    );
    expect(stale.json.error?.data.appCode).toBe('REAUTH_REQUIRED');
    expect((await server.call('account.reauthenticate', { password: DEMO_MEMBER_PASSWORD }, { cookie })).status).toBe(
      200,
    );
    expect(
      (await server.call('account.requestContactChange', { kind: 'email', value: 'Siti.Baru@example.com' }, { cookie }))
        .status,
    ).toBe(200);
    const code = codeIn(latestMessage(server.db, 'siti.baru@example.com', 'contact_change_code'));
    expect((await server.call('account.confirmContactChange', { kind: 'email', code }, { cookie })).status).toBe(200);
    const profile = await server.call('member.profile', undefined, { method: 'GET', cookie });
    expect(profile.json.result?.data).toMatchObject({ email: 'siti.baru@example.com', emailVerified: true });
    const notice = latestMessage(server.db, 'siti.rahayu@example.com', 'contact_changed_notice');
    expect(notice?.body).toContain('s***u@example.com');
    expect(notice?.body).not.toContain('siti.baru@example.com');
  });

  it('freezes the account when the old address says "this was not me"', async () => {
    const server = await createTestServer();
    const cookie = await server.loginMember('siti.rahayu@example.com', DEMO_MEMBER_PASSWORD);
    await server.call('account.requestContactChange', { kind: 'email', value: 'pembajak@example.com' }, { cookie });
    const code = codeIn(latestMessage(server.db, 'pembajak@example.com', 'contact_change_code'));
    await server.call('account.confirmContactChange', { kind: 'email', code }, { cookie });
    const token = tokenIn(latestMessage(server.db, 'siti.rahayu@example.com', 'contact_changed_notice'));
    expect((await server.call('account.reportNotMe', { token })).status).toBe(200);
    expect((await server.call('member.profile', undefined, { method: 'GET', cookie })).status).toBe(401);
    const login = await server.call('auth.login', { identifier: '19011111111', password: DEMO_MEMBER_PASSWORD });
    expect(login.json.error?.data.appCode).toBe('ACCOUNT_FROZEN');
    expect(latestMessage(server.db, '+6281234567890', 'account_frozen_notice')).not.toBeNull();
  });

  it('changes the phone with a code sent by SMS to the new number', async () => {
    const server = await createTestServer();
    const cookie = await server.loginMember('siti.rahayu@example.com', DEMO_MEMBER_PASSWORD);
    await server.call('account.requestContactChange', { kind: 'phone', value: '0857 9999 8888' }, { cookie });
    const sms = latestMessage(server.db, '+6285799998888', 'contact_change_code');
    expect(sms?.channel).toBe('sms');
    await server.call('account.confirmContactChange', { kind: 'phone', code: codeIn(sms) }, { cookie });
    const profile = await server.call('member.profile', undefined, { method: 'GET', cookie });
    expect(profile.json.result?.data).toMatchObject({ phone: '0857-9999-8888', phoneVerified: true });
    expect(latestMessage(server.db, '+6281234567890', 'contact_changed_notice')?.channel).toBe('sms');
  });

  it('does not let a wrong code change anything', async () => {
    const server = await createTestServer();
    const cookie = await server.loginMember('siti.rahayu@example.com', DEMO_MEMBER_PASSWORD);
    await server.call('account.requestContactChange', { kind: 'email', value: 'siti.baru@example.com' }, { cookie });
    const code = codeIn(latestMessage(server.db, 'siti.baru@example.com', 'contact_change_code'));
    const wrong = code === '123456' ? '654321' : '123456';
    const reply = await server.call('account.confirmContactChange', { kind: 'email', code: wrong }, { cookie });
    expect(reply.json.error?.data.appCode).toBe('CODE_INVALID');
    const profile = await server.call('member.profile', undefined, { method: 'GET', cookie });
    expect(profile.json.result?.data).toMatchObject({ email: 'siti.rahayu@example.com' });
  });
});

describe('password change, sessions and contact confirmation', () => {
  it('changes the password with the current one and ends the other sessions only', async () => {
    const server = await createTestServer();
    const mine = await server.loginMember('siti.rahayu@example.com', DEMO_MEMBER_PASSWORD);
    const other = await server.loginMember('19011111111', DEMO_MEMBER_PASSWORD);
    const wrong = await server.call(
      'account.changePassword',
      { currentPassword: 'salah-sekali', newPassword: 'nasi-goreng-kampung' },
      { cookie: mine },
    );
    expect(wrong.json.error?.data.appCode).toBe('INVALID_CREDENTIALS');
    const ok = await server.call(
      'account.changePassword',
      { currentPassword: DEMO_MEMBER_PASSWORD, newPassword: 'nasi-goreng-kampung' },
      { cookie: mine },
    );
    expect(ok.status).toBe(200);
    expect((await server.call('member.profile', undefined, { method: 'GET', cookie: mine })).status).toBe(200);
    expect((await server.call('member.profile', undefined, { method: 'GET', cookie: other })).status).toBe(401);
  });

  it('lists sessions and logs out the others', async () => {
    const server = await createTestServer();
    const mine = await server.loginMember('siti.rahayu@example.com', DEMO_MEMBER_PASSWORD);
    await server.loginMember('19011111111', DEMO_MEMBER_PASSWORD);
    const listed = await server.call('account.sessions', undefined, { method: 'GET', cookie: mine });
    const sessions = (listed.json.result?.data as { sessions: { current: boolean }[] } | undefined)?.sessions ?? [];
    expect(sessions).toHaveLength(2);
    expect(sessions.filter((s) => s.current)).toHaveLength(1);
    const revoked = await server.call('account.revokeOtherSessions', undefined, { cookie: mine });
    expect(revoked.json.result?.data).toEqual({ revoked: 1 });
  });

  it('asks for reconfirmation of contacts last confirmed over a year ago, until confirmed', async () => {
    const server = await createTestServer();
    const cookie = await server.loginMember('budi.santoso@example.com', DEMO_MEMBER_PASSWORD);
    const before = await server.call('member.profile', undefined, { method: 'GET', cookie });
    expect(before.json.result?.data).toMatchObject({ contactsNeedReconfirmation: true });
    await server.call('account.confirmContacts', undefined, { cookie });
    const after = await server.call('member.profile', undefined, { method: 'GET', cookie });
    expect(after.json.result?.data).toMatchObject({ contactsNeedReconfirmation: false });
  });
});
