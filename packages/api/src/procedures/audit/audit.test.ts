import { describe, expect, it } from 'vitest';
import { auditLog } from '../../db/schema.js';
import { loginStaffWithTotp } from '../../test-support/staff-login.js';
import { asFileTamperer } from '../../test-support/tamper.js';
import { createTestServer } from '../../test-support/test-server.js';

describe('audit.verify', () => {
  it('reports the chain intact, then names the entry tampered with in SQLite', async () => {
    const server = await createTestServer();
    const supervisor = await loginStaffWithTotp(server, 'demo.supervisor');
    const intact = await server.call('audit.verify', undefined, { method: 'GET', bearer: supervisor });
    const entries = server.db.select().from(auditLog).all();
    expect(intact.json.result?.data).toEqual({ ok: true, entries: entries.length });

    const victim = entries[0]?.id ?? 0;
    asFileTamperer(server.database.sqlite)
      .prepare(`UPDATE audit_log SET actor_id = 'someone-else' WHERE id = ?`)
      .run(victim);
    const broken = await server.call('audit.verify', undefined, { method: 'GET', bearer: supervisor });
    expect(broken.json.result?.data).toEqual({ ok: false, firstBrokenId: victim, entries: entries.length });
  });
});

describe('audit.log', () => {
  it('lists the entries about a member found by KPJ or NIK, newest first, and audits the reading', async () => {
    const server = await createTestServer();
    const agent = await loginStaffWithTotp(server, 'demo.agent');
    await server.call('staff.member.show', { key: '19011111111' }, { method: 'GET', bearer: agent });
    await server.call('staff.member.show', { key: '19033333333' }, { method: 'GET', bearer: agent });
    await server.call('staff.member.show', { key: '20022222222' }, { method: 'GET', bearer: agent });
    const admin = await loginStaffWithTotp(server, 'demo.admin');

    const byNik = await server.call(
      'audit.log',
      { memberKey: '3273015708900001', limit: 10 },
      { method: 'GET', bearer: admin },
    );
    const listed = byNik.json.result?.data as { id: number; action: string; actorKind: string; detail: object }[];
    expect(listed.map((e) => e.action)).toEqual(['member.viewed', 'member.viewed']);
    expect(listed[0]?.id).toBeGreaterThan(listed[1]?.id ?? Number.POSITIVE_INFINITY);
    expect(listed[0]).toMatchObject({ actorKind: 'staff', channel: 'cli', detail: { lookupKind: 'kpj' } });
    expect(byNik.text).not.toContain('hash');
    expect(server.db.select().from(auditLog).all().at(-1)).toMatchObject({ action: 'audit.member_log_viewed' });

    const byKpj = await server.call('audit.log', { memberKey: '20022222222' }, { method: 'GET', bearer: admin });
    expect(((byKpj.json.result?.data ?? []) as { action: string }[]).map((e) => e.action)).toEqual([
      'audit.member_log_viewed',
      'member.viewed',
      'member.viewed',
    ]);
  });

  it('lists the whole log newest first up to the limit, which may not exceed 500', async () => {
    const server = await createTestServer();
    const admin = await loginStaffWithTotp(server, 'demo.admin');
    const reply = await server.call('audit.log', { limit: 1 }, { method: 'GET', bearer: admin });
    expect(reply.json.result?.data).toEqual([expect.objectContaining({ action: 'staff.login.succeeded' })]);
    const all = await server.call('audit.log', undefined, { method: 'GET', bearer: admin });
    expect(((all.json.result?.data ?? []) as unknown[]).length).toBe(server.db.select().from(auditLog).all().length);
    const tooMany = await server.call('audit.log', { limit: 501 }, { method: 'GET', bearer: admin });
    expect(tooMany.json.error?.data.appCode).toBe('INVALID_INPUT');
  });

  it('tells a malformed member key from an unknown member', async () => {
    const server = await createTestServer();
    const admin = await loginStaffWithTotp(server, 'demo.admin');
    const malformed = await server.call('audit.log', { memberKey: '123' }, { method: 'GET', bearer: admin });
    expect(malformed.json.error?.data.appCode).toBe('INVALID_INPUT');
    const unknown = await server.call('audit.log', { memberKey: '99999999999' }, { method: 'GET', bearer: admin });
    expect(unknown.json.error?.data.appCode).toBe('MEMBER_NOT_FOUND');
  });
});
