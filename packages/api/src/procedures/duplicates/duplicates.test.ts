import { asc } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { auditLog, duplicateCandidates, memberKpj, members, outbox } from '../../db/schema.js';
import { DEMO_MEMBER_PASSWORD } from '../../demo/demo-accounts.js';
import { findScan, insertScan } from '../../repositories/duplicate-repository.js';
import { latestMessage } from '../../test-support/outbox.js';
import { loginStaffWithTotp } from '../../test-support/staff-login.js';
import { createTestServer, dataOf, type TestServer } from '../../test-support/test-server.js';

interface Item {
  id: number;
  decision: string;
  state: string;
  left: { memberId: number; fullName: string };
  right: { memberId: number; fullName: string };
  reasons: { code: string; text: string; weight: number }[];
}

async function supervisor(server: TestServer) {
  return loginStaffWithTotp(server, 'demo.supervisor');
}

async function rudiItem(server: TestServer, token: string, state = 'open'): Promise<Item> {
  const { items } = dataOf<{ items: Item[] }>(
    await server.call('duplicates.list', { state }, { method: 'GET', bearer: token }),
  );
  const item = items.find((i) => [i.left.fullName, i.right.fullName].includes('RUDY HARTONO'));
  if (!item) throw new Error(`no item for Rudi among ${JSON.stringify(items)}`);
  return item;
}

const snapshot = (server: TestServer) => ({
  kpj: server.db.select().from(memberKpj).orderBy(asc(memberKpj.kpj)).all(),
  members: server.db.select().from(members).orderBy(asc(members.id)).all(),
});

async function waitForScan(server: TestServer, token: string, scanId: string) {
  for (let i = 0; i < 200; i++) {
    const status = dataOf<{ state: string; phase: string; candidatesFound: number }>(
      await server.call('duplicates.scanStatus', { scanId }, { method: 'GET', bearer: token }),
    );
    if (status.state !== 'running') return status;
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  throw new Error('the scan did not finish');
}

describe('duplicate persons in the registry', () => {
  it("finds Rudi's two registrations as one person, with reasons a supervisor can read", async () => {
    const server = await createTestServer();
    const token = await supervisor(server);
    const item = await rudiItem(server, token);
    expect(item.decision).toBe('match');
    expect(item.reasons.map((r) => r.code)).toEqual(expect.arrayContaining(['NIK_TRANSPOSED']));
    const shown = dataOf<{
      left: { emailMasked: string; nik: string; accountId: number };
      right: { emailMasked: string; nik: string };
    }>(await server.call('duplicates.show', { id: item.id }, { method: 'GET', bearer: token }));
    expect([shown.left.nik, shown.right.nik].sort()).toEqual(['3171021506880007', '3171201506880007']);
    expect(JSON.stringify(shown)).not.toContain('rudi.hartono@example.com');
    expect(JSON.stringify(shown)).not.toContain('SUKINAH');
    const viewed = server.db
      .select()
      .from(auditLog)
      .all()
      .filter((e) => e.action === 'duplicates.viewed');
    expect(viewed).toHaveLength(2);
  });

  it('runs a registry scan as a job that reports its progress, one scan at a time', async () => {
    const server = await createTestServer();
    const token = await supervisor(server);
    const started = dataOf<{ scanId: string; total: number }>(
      await server.call('duplicates.startScan', {}, { bearer: token }),
    );
    const second = await server.call('duplicates.startScan', {}, { bearer: token });
    expect(second.json.error?.data.appCode).toBe('CONFLICT');
    const done = await waitForScan(server, token, started.scanId);
    expect(done).toMatchObject({ state: 'done', phase: 'done' });
    // The demo scan already recorded every pair: a second scan refreshes them, it adds none.
    expect(done.candidatesFound).toBe(0);
    expect(started.total).toBeGreaterThan(20);
  });

  it('lets a new scan start when the one left running shows no progress for 10 minutes (its process stopped)', async () => {
    const server = await createTestServer();
    const token = await supervisor(server);
    // A scan whose process was killed: registered, never finished, its heartbeat frozen.
    insertScan(server.db, 'killed-scan', 1, 0, server.clock.now());
    server.clock.advance(9 * 60_000);
    const early = await server.call('duplicates.startScan', {}, { bearer: token });
    expect(early.json.error?.data.appCode).toBe('CONFLICT');
    server.clock.advance(60_000);
    const started = dataOf<{ scanId: string }>(await server.call('duplicates.startScan', {}, { bearer: token }));
    expect(findScan(server.db, 'killed-scan')).toMatchObject({
      state: 'failed',
      error: expect.stringMatching(/^abandoned: no progress for 10 minutes/),
    });
    expect((await waitForScan(server, token, started.scanId)).state).toBe('done');
    expect(findScan(server.db, started.scanId)?.heartbeatAt).toBe(server.clock.now().toISOString());
  });

  it('merges the records into one person and unmerge puts back exactly what was there', async () => {
    const server = await createTestServer();
    const token = await supervisor(server);
    const before = snapshot(server);
    const item = await rudiItem(server, token);
    const keep = item.left.fullName === 'RUDI HARTONO' ? 'left' : 'right';
    const merged = dataOf<{ keptMemberId: number; mergedMemberId: number; movedKpjs: string[] }>(
      await server.call(
        'duplicates.merge',
        { id: item.id, keep, reason: 'KTP diperiksa di cabang' },
        { bearer: token },
      ),
    );
    expect(merged.movedKpjs).toEqual(['19077777777']);
    const after = snapshot(server);
    expect(after.kpj.find((k) => k.kpj === '19077777777')?.memberId).toBe(merged.keptMemberId);
    expect(after.members.find((m) => m.id === merged.mergedMemberId)?.mergedIntoMemberId).toBe(merged.keptMemberId);
    const again = await server.call('duplicates.merge', { id: item.id, reason: 'sekali lagi' }, { bearer: token });
    expect(again.json.error?.data.appCode).toBe('CONFLICT');

    dataOf(await server.call('duplicates.unmerge', { id: item.id, reason: 'salah gabung' }, { bearer: token }));
    expect(snapshot(server)).toEqual(before);
    expect((await rudiItem(server, token)).state).toBe('open');
    const actions = server.db
      .select()
      .from(auditLog)
      .all()
      .map((e) => e.action);
    expect(actions.filter((a) => a === 'duplicates.merged')).toHaveLength(2);
    expect(actions.filter((a) => a === 'duplicates.unmerged')).toHaveLength(2);
  });

  it('tells Rudi on every contact of both records which KPJ numbers are now his, masked, and again on unmerge', async () => {
    const server = await createTestServer();
    const token = await supervisor(server);
    const item = await rudiItem(server, token);
    const keep = item.left.fullName === 'RUDI HARTONO' ? 'left' : 'right';
    dataOf(await server.call('duplicates.merge', { id: item.id, keep, reason: 'KTP diperiksa' }, { bearer: token }));
    const contacts = ['rudi.hartono@example.com', '+6281311112222', 'rudi.h.lama@example.com', '+6285611112222'];
    for (const recipient of contacts) {
      const message = latestMessage(server.db, recipient, 'person_records_merged');
      expect(message, recipient).not.toBeNull();
      expect(message?.channel).toBe(recipient.startsWith('+') ? 'sms' : 'email');
      const text = message?.body ?? '';
      expect(text).not.toMatch(/19088888888|19077777777/);
      if (message?.channel === 'email') {
        expect(message.subject).toBe('Data kepesertaan Anda telah digabungkan');
        expect(text).toContain('    - *******7777\n    - *******8888\n');
        expect(text).toContain('tidak ada saldo yang hilang');
        expect(text).toMatch(/Call Center BPJS Ketenagakerjaan 175 atau datang ke kantor cabang/);
      } else {
        expect(text).toContain('KPJ *7777, *8888 kini satu data. Saldo tetap utuh.');
        expect(text).toContain('175');
      }
    }
    // Each contact hears once, and no one else hears of it.
    const merged = server.db
      .select()
      .from(outbox)
      .all()
      .filter((m) => m.template === 'person_records_merged');
    expect(merged.map((m) => m.recipient).sort()).toEqual([...contacts].sort());

    dataOf(await server.call('duplicates.unmerge', { id: item.id, reason: 'salah gabung' }, { bearer: token }));
    const kept = latestMessage(server.db, 'rudi.hartono@example.com', 'person_records_unmerged');
    const old = latestMessage(server.db, 'rudi.h.lama@example.com', 'person_records_unmerged');
    expect(kept?.subject).toBe('Penggabungan data kepesertaan Anda dibatalkan');
    expect(kept?.body).toContain('    - *******8888\n\n');
    expect(kept?.body).not.toContain('7777');
    expect(old?.body).toContain('    - *******7777\n\n');
    expect(old?.body).not.toContain('8888');
    expect(latestMessage(server.db, '+6285611112222', 'person_records_unmerged')?.body).toContain(
      'KPJ di data ini: *7777.',
    );
  });

  it('writes no notice when a merge fails, neither for a refused merge nor for one that breaks half-way', async () => {
    const server = await createTestServer();
    const token = await supervisor(server);
    const item = await rudiItem(server, token);
    const noticesOfMerges = () =>
      server.db
        .select()
        .from(outbox)
        .all()
        .filter((m) => m.template === 'person_records_merged');
    const before = snapshot(server);
    // The audit log refuses the merge's entry: the merge fails after its notices were queued.
    server.database.sqlite.exec(
      `CREATE TRIGGER test_refuse_merge_audit BEFORE INSERT ON audit_log WHEN NEW.action = 'duplicates.merged'
       BEGIN SELECT RAISE(ABORT, 'audit log unavailable'); END;`,
    );
    const broken = await server.call('duplicates.merge', { id: item.id, reason: 'KTP diperiksa' }, { bearer: token });
    expect(broken.status).toBe(500);
    expect(noticesOfMerges()).toEqual([]);
    expect(snapshot(server)).toEqual(before);
    server.database.sqlite.exec('DROP TRIGGER test_refuse_merge_audit;');

    dataOf(
      await server.call('duplicates.dismiss', { id: item.id, reason: 'kembar, orang berbeda' }, { bearer: token }),
    );
    const refused = await server.call('duplicates.merge', { id: item.id, reason: 'KTP diperiksa' }, { bearer: token });
    expect(refused.json.error?.data.appCode).toBe('CONFLICT');
    expect(noticesOfMerges()).toEqual([]);
  });

  it("refuses to unmerge once a moved KPJ's balance was merged into another card", async () => {
    const server = await createTestServer();
    const token = await supervisor(server);
    const item = await rudiItem(server, token);
    const keep = item.left.fullName === 'RUDI HARTONO' ? 'left' : 'right';
    dataOf(
      await server.call(
        'duplicates.merge',
        { id: item.id, keep, reason: 'KTP diperiksa di cabang' },
        { bearer: token },
      ),
    );
    const rudi = await server.loginMember('rudi.hartono@example.com', DEMO_MEMBER_PASSWORD);
    const moved = dataOf<{ moves: { fromKpj: string }[] }>(
      await server.call('jht.mergeBalances', { intoKpj: '19088888888' }, { cookie: rudi }),
    );
    expect(moved.moves.map((m) => m.fromKpj)).toEqual(['19077777777']);
    const before = snapshot(server);
    const reply = await server.call('duplicates.unmerge', { id: item.id, reason: 'salah gabung' }, { bearer: token });
    expect(reply.json.error?.data.appCode).toBe('CONFLICT');
    expect(snapshot(server)).toEqual(before);
  });

  it('keeps a dismissed pair dismissed when the registry is scanned again', async () => {
    const server = await createTestServer();
    const token = await supervisor(server);
    const item = await rudiItem(server, token);
    dataOf(
      await server.call('duplicates.dismiss', { id: item.id, reason: 'kembar, orang berbeda' }, { bearer: token }),
    );
    const started = dataOf<{ scanId: string }>(await server.call('duplicates.startScan', {}, { bearer: token }));
    await waitForScan(server, token, started.scanId);
    const rows = server.db.select().from(duplicateCandidates).all();
    expect(rows.filter((r) => r.id === item.id).map((r) => r.state)).toEqual(['dismissed']);
    expect((await rudiItem(server, token, 'dismissed')).id).toBe(item.id);
  });

  it('refuses a merge or dismissal without a reason, and changes nothing', async () => {
    const server = await createTestServer();
    const token = await supervisor(server);
    const item = await rudiItem(server, token);
    const before = snapshot(server);
    const reply = await server.call('duplicates.merge', { id: item.id, reason: '' }, { bearer: token });
    expect(reply.status).toBe(400);
    expect(snapshot(server)).toEqual(before);
  });

  it('lets a supervisor, not a call-center agent, close an account with a reason; it then no longer logs in', async () => {
    const server = await createTestServer();
    const token = await loginStaffWithTotp(server, 'demo.agent');
    const supervisorToken = await supervisor(server);
    const item = await rudiItem(server, supervisorToken);
    const shown = dataOf<{
      left: { accountId: number; fullName: string };
      right: { accountId: number; fullName: string };
    }>(await server.call('duplicates.show', { id: item.id }, { method: 'GET', bearer: supervisorToken }));
    const old = shown.left.fullName === 'RUDY HARTONO' ? shown.left : shown.right;
    const agentReply = await server.call(
      'duplicates.closeAccount',
      { accountId: old.accountId, reason: 'permintaan peserta via email' },
      { bearer: token },
    );
    expect(agentReply.json.error?.data.appCode).toBe('FORBIDDEN');
    dataOf(
      await server.call(
        'duplicates.closeAccount',
        { accountId: old.accountId, reason: 'permintaan peserta via email' },
        { bearer: supervisorToken },
      ),
    );
    const login = await server.call('auth.login', {
      identifier: 'rudi.h.lama@example.com',
      password: DEMO_MEMBER_PASSWORD,
    });
    expect(login.json.error?.data.appCode).toBe('ACCOUNT_CLOSED');
  });
});
