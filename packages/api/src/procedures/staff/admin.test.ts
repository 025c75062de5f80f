import { eq } from 'drizzle-orm';
import { beforeEach, describe, expect, it } from 'vitest';
import { auditLog, staffUsers } from '../../db/schema.js';
import { loginStaffWithTotp } from '../../test-support/staff-login.js';
import { createTestServer, type TestServer } from '../../test-support/test-server.js';

let server: TestServer;
let admin: string;

beforeEach(async () => {
  server = await createTestServer();
  admin = await loginStaffWithTotp(server, 'demo.admin');
});

const data = <T>(reply: { json: { result?: { data: unknown } } }) => reply.json.result?.data as T;
const lastAudit = () => server.db.select().from(auditLog).all().at(-1);
const adminId = () =>
  String(server.db.select().from(staffUsers).where(eq(staffUsers.username, 'demo.admin')).get()?.id);

describe('staff.add', () => {
  it('adds a user who must enroll TOTP at first login, audited with the acting admin', async () => {
    const reply = await server.call(
      'staff.add',
      { username: 'Rina.CS', fullName: 'Rina', role: 'customer_service_agent', password: 'twelve-chars' },
      { bearer: admin },
    );
    expect(data(reply)).toEqual({
      staffId: expect.any(Number),
      username: 'rina.cs',
      fullName: 'Rina',
      role: 'customer_service_agent',
      totpEnrolled: false,
    });
    expect(lastAudit()).toMatchObject({ action: 'staff.added', actorKind: 'staff', actorId: adminId() });
    expect(JSON.parse(lastAudit()?.detail ?? '{}')).toEqual({
      role: 'customer_service_agent',
      targetStaffId: expect.any(Number),
      targetUsername: 'rina.cs',
    });
    expect(lastAudit()?.detail).not.toContain('twelve-chars');
    const login = await server.call('staff.login', { username: 'rina.cs', password: 'twelve-chars' });
    expect(data(login)).toMatchObject({ status: 'enrollment_required' });
  });

  it('refuses a password shorter than 12 characters and a taken username', async () => {
    const short = await server.call(
      'staff.add',
      { username: 'rina.cs', fullName: 'Rina', role: 'customer_service_agent', password: 'eleven-char' },
      { bearer: admin },
    );
    expect(short.json.error?.data.appCode).toBe('INVALID_INPUT');
    expect(short.json.error?.message).toContain('12');
    const taken = await server.call(
      'staff.add',
      { username: 'demo.agent', fullName: 'X', role: 'admin', password: 'twelve-chars' },
      { bearer: admin },
    );
    expect(taken.status).toBe(409);
    expect(taken.json.error?.data.appCode).toBe('CONFLICT');
  });
});

describe('staff.list', () => {
  it('lists every staff user with role, TOTP state and live tokens, and no secrets', async () => {
    await loginStaffWithTotp(server, 'demo.agent');
    const reply = await server.call('staff.list', undefined, { method: 'GET', bearer: admin });
    const list = data<{ username: string; role: string; totpEnrolled: boolean; activeTokens: number }[]>(reply);
    expect(list.map((s) => s.username)).toEqual(['demo.admin', 'demo.agent', 'demo.branch', 'demo.supervisor']);
    expect(list.find((s) => s.username === 'demo.agent')).toMatchObject({
      role: 'call_center_agent',
      totpEnrolled: true,
      activeTokens: 1,
    });
    expect(reply.text).not.toMatch(/passwordHash|totpSecret|argon2|demo:|PULIHDEMO/);
  });
});

describe('staff.disable', () => {
  it('disables the user and revokes their tokens at once', async () => {
    const agent = await loginStaffWithTotp(server, 'demo.agent');
    const reply = await server.call('staff.disable', { username: 'demo.agent' }, { bearer: admin });
    expect(data(reply)).toMatchObject({ username: 'demo.agent', alreadyDisabled: false, revokedTokens: 1 });
    const asAgent = await server.call('staff.member.show', { key: '19011111111' }, { method: 'GET', bearer: agent });
    expect(asAgent.status).toBe(401);
    expect(lastAudit()).toMatchObject({ action: 'staff.disabled', actorId: adminId() });
    await expect(loginStaffWithTotp(server, 'demo.agent')).rejects.toThrow(/INVALID_CREDENTIALS/);
  });

  it('refuses an admin disabling themselves, and names an unknown username', async () => {
    const self = await server.call('staff.disable', { username: 'demo.admin' }, { bearer: admin });
    expect(self.json.error?.data.appCode).toBe('CONFLICT');
    const unknown = await server.call('staff.disable', { username: 'nobody' }, { bearer: admin });
    expect(unknown.json.error?.message).toBe('No staff user is called "nobody".');
  });
});

describe('staff.setRole', () => {
  it('changes the role, effective for tokens already issued', async () => {
    const agent = await loginStaffWithTotp(server, 'demo.agent');
    const before = await server.call('audit.verify', undefined, { method: 'GET', bearer: agent });
    expect(before.status).toBe(403);
    const reply = await server.call('staff.setRole', { username: 'demo.agent', role: 'supervisor' }, { bearer: admin });
    expect(data(reply)).toEqual({ username: 'demo.agent', role: 'supervisor', previousRole: 'call_center_agent' });
    const after = await server.call('audit.verify', undefined, { method: 'GET', bearer: agent });
    expect(after.status).toBe(200);
    expect(lastAudit()).toMatchObject({ action: 'staff.role_changed', actorId: adminId() });
    expect(JSON.parse(lastAudit()?.detail ?? '{}')).toMatchObject({ from: 'call_center_agent', to: 'supervisor' });
  });

  it('refuses an admin changing their own role', async () => {
    const reply = await server.call('staff.setRole', { username: 'demo.admin', role: 'supervisor' }, { bearer: admin });
    expect(reply.json.error?.data.appCode).toBe('CONFLICT');
  });
});

describe('staff.revokeTokens', () => {
  it('ends every live token of the user, who can still log in again', async () => {
    const first = await loginStaffWithTotp(server, 'demo.agent');
    const second = await loginStaffWithTotp(server, 'demo.agent');
    const reply = await server.call('staff.revokeTokens', { username: 'demo.agent' }, { bearer: admin });
    expect(data(reply)).toEqual({ username: 'demo.agent', revokedTokens: 2 });
    for (const token of [first, second]) {
      const shown = await server.call('staff.member.show', { key: '19011111111' }, { method: 'GET', bearer: token });
      expect(shown.status).toBe(401);
    }
    expect(lastAudit()).toMatchObject({ action: 'staff.tokens_revoked', actorId: adminId() });
    const fresh = await loginStaffWithTotp(server, 'demo.agent');
    const shown = await server.call('staff.member.show', { key: '19011111111' }, { method: 'GET', bearer: fresh });
    expect(shown.status).toBe(200);
  });
});
