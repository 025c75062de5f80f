import { describe, expect, it } from 'vitest';
import { auditLog } from '../../db/schema.js';
import { DEMO_MEMBER_PASSWORD } from '../../demo/demo-accounts.js';
import { loginStaffWithTotp } from '../../test-support/staff-login.js';
import { createTestServer } from '../../test-support/test-server.js';

describe('staff.member.show', () => {
  it('shows an agent the member found by KPJ with masked email and phone', async () => {
    const server = await createTestServer();
    const token = await loginStaffWithTotp(server, 'demo.agent');
    const reply = await server.call('staff.member.show', { key: '20022222222' }, { method: 'GET', bearer: token });
    expect(reply.status).toBe(200);
    expect(reply.json.result?.data).toMatchObject({
      fullName: 'SITI RAHAYU',
      nikMasked: '3273********0001',
      kpjNumbers: ['19011111111', '20022222222'],
      email: 's***u@example.com',
      phone: '0812-****-**90',
      disclosure: 'masked',
      hasOnlineAccount: true,
    });
    expect(reply.text).not.toContain('siti.rahayu@example.com');
    expect(reply.text).not.toContain('3456');
  });

  it('finds the same member by NIK', async () => {
    const server = await createTestServer();
    const token = await loginStaffWithTotp(server, 'demo.agent');
    const reply = await server.call('staff.member.show', { key: '3273015708900001' }, { method: 'GET', bearer: token });
    expect(reply.json.result?.data).toMatchObject({ fullName: 'SITI RAHAYU' });
  });

  it('records who looked the member up, and at which disclosure level', async () => {
    const server = await createTestServer();
    const token = await loginStaffWithTotp(server, 'demo.agent');
    await server.call('staff.member.show', { key: '19011111111' }, { method: 'GET', bearer: token });
    const entry = server.db.select().from(auditLog).all().at(-1);
    expect(entry).toMatchObject({ actorKind: 'staff', action: 'member.viewed', channel: 'cli' });
    expect(JSON.parse(entry?.detail ?? '{}')).toEqual({ disclosure: 'masked', lookupKind: 'kpj' });
  });

  it('explains a malformed key and an unknown member with distinct codes', async () => {
    const server = await createTestServer();
    const token = await loginStaffWithTotp(server, 'demo.agent');
    const malformed = await server.call(
      'staff.member.show',
      { key: '9974051708900003' },
      { method: 'GET', bearer: token },
    );
    expect(malformed.json.error?.data.appCode).toBe('INVALID_INPUT');
    const unknown = await server.call('staff.member.show', { key: '99999999999' }, { method: 'GET', bearer: token });
    expect(unknown.status).toBe(404);
    expect(unknown.json.error?.data.appCode).toBe('MEMBER_NOT_FOUND');
  });

  it('refuses callers without a staff token, including a logged-in member', async () => {
    const server = await createTestServer();
    const cookie = await server.loginMember('siti.rahayu@example.com', DEMO_MEMBER_PASSWORD);
    const asMember = await server.call('staff.member.show', { key: '19011111111' }, { method: 'GET', cookie });
    expect(asMember.status).toBe(401);
    const forged = await server.call('staff.member.show', { key: '19011111111' }, { method: 'GET', bearer: 'forged' });
    expect(forged.status).toBe(401);
  });

  it('refuses a staff token after its working day is over', async () => {
    const server = await createTestServer();
    const token = await loginStaffWithTotp(server, 'demo.agent');
    server.clock.advance(10 * 60 * 60_000);
    const reply = await server.call('staff.member.show', { key: '19011111111' }, { method: 'GET', bearer: token });
    expect(reply.status).toBe(401);
  });

  it('refuses a wrong staff password with the same reply as an unknown username', async () => {
    const server = await createTestServer();
    const wrong = await server.call('staff.login', { username: 'demo.agent', password: 'wrong-password' });
    const unknown = await server.call('staff.login', { username: 'nobody', password: 'wrong-password' });
    expect(wrong.status).toBe(401);
    expect(unknown.text).toBe(wrong.text);
  });
});
