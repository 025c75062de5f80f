import { describe, expect, it } from 'vitest';
import { auditLog } from '../../db/schema.js';
import { DEMO_MEMBER_PASSWORD } from '../../demo/demo-accounts.js';
import { loginStaffWithTotp } from '../../test-support/staff-login.js';
import { createTestServer, dataOf, type TestServer } from '../../test-support/test-server.js';

const siti = {
  kpj: '19011111111',
  nik: '3273015708900001',
  fullName: 'Siti Rahayu',
  birthDate: '1990-08-17',
  motherName: 'sumarni',
};

interface Shown {
  fullName: string;
  nikMasked: string;
  total: number;
  cards: { kpj: string; balance: number; isActive: boolean }[];
  totalYears: { year: number; closing: number }[];
  membership: { status: string; reason: string; since: string | null };
  caseChannel: string;
}

async function callCenterCase(server: TestServer, facts = siti) {
  const token = await loginStaffWithTotp(server, 'demo.agent');
  const { caseId } = dataOf<{ caseId: string }>(await server.call('case.openCallCenter', facts, { bearer: token }));
  return { token, caseId };
}

const balance = (server: TestServer, token: string, input: { key: string; caseId: string }) =>
  server.call('jht.memberBalance', input, { method: 'GET', bearer: token });

const viewsOfBalances = (server: TestServer) =>
  server.db
    .select()
    .from(auditLog)
    .all()
    .filter((e) => e.action === 'member.viewed' && JSON.parse(e.detail).what === 'jht_balance');

describe('jht.memberBalance (pulih jht balance)', () => {
  it("shows the verified member's statement per KPJ and in total, with the status and its reason", async () => {
    const server = await createTestServer();
    const { token, caseId } = await callCenterCase(server);
    const shown = dataOf<Shown>(await balance(server, token, { key: siti.nik, caseId }));
    expect(shown).toMatchObject({
      fullName: 'SITI RAHAYU',
      nikMasked: '3273********0001',
      caseChannel: 'call_center',
      membership: { status: 'aktif', reason: 'contributing', since: '2018-08-01' },
    });
    expect(shown.cards.map((c) => c.kpj)).toEqual(['19011111111', '20022222222']);
    expect(shown.total).toBe(shown.cards.reduce((sum, c) => sum + c.balance, 0));
    expect(shown.totalYears.at(-1)?.closing).toBe(shown.total);

    // The member's own page shows the same figures.
    const cookie = await server.loginMember('siti.rahayu@example.com', DEMO_MEMBER_PASSWORD);
    const own = dataOf<{ total: number }>(await server.call('jht.kpjBalances', undefined, { method: 'GET', cookie }));
    expect(own.total).toBe(shown.total);
  });

  it('audits each disclosure within the case, and the member sees it in the access history', async () => {
    const server = await createTestServer();
    const { token, caseId } = await callCenterCase(server);
    await balance(server, token, { key: siti.kpj, caseId });
    const [view] = viewsOfBalances(server);
    expect(view?.actorKind).toBe('staff');
    expect(JSON.parse(view?.detail ?? '{}')).toMatchObject({ caseId, caseChannel: 'call_center', lookupKind: 'kpj' });
    const cookie = await server.loginMember('siti.rahayu@example.com', DEMO_MEMBER_PASSWORD);
    const { entries } = dataOf<{ entries: { action: string; staffRole: string | null }[] }>(
      await server.call('member.accessHistory', undefined, { method: 'GET', cookie }),
    );
    expect(entries[0]).toMatchObject({ action: 'member.viewed', staffRole: 'call_center_agent' });
  });

  it('answers a number of another member, an unknown number and a made-up case alike, disclosing nothing', async () => {
    const server = await createTestServer();
    const { token, caseId } = await callCenterCase(server);
    const otherMember = await balance(server, token, { key: '19033333333', caseId });
    const unknown = await balance(server, token, { key: '99999999999', caseId });
    const noCase = await balance(server, token, { key: siti.kpj, caseId: 'not-a-case' });
    expect(otherMember.json.error?.data.appCode).toBe('CASE_NOT_FOUND');
    expect(unknown.text).toBe(otherMember.text);
    expect(noCase.json.error?.data.appCode).toBe('CASE_NOT_FOUND');
    expect(viewsOfBalances(server)).toEqual([]);
  });

  it("refuses another agent's case, a failed check and an expired case", async () => {
    const server = await createTestServer();
    const { caseId } = await callCenterCase(server);
    const branch = await loginStaffWithTotp(server, 'demo.branch');
    expect((await balance(server, branch, { key: siti.kpj, caseId })).json.error?.data.appCode).toBe('CASE_NOT_FOUND');

    const failed = await callCenterCase(server, { ...siti, motherName: 'painem' });
    const byFailed = await balance(server, failed.token, { key: siti.kpj, caseId: failed.caseId });
    expect(byFailed.json.error?.data.appCode).toBe('CASE_NOT_FOUND');

    const { token, caseId: later } = await callCenterCase(server);
    server.clock.advance(31 * 60_000);
    expect((await balance(server, token, { key: siti.kpj, caseId: later })).json.error?.data.appCode).toBe(
      'CASE_EXPIRED',
    );
    expect(viewsOfBalances(server)).toEqual([]);
  });

  it('names the expected format for a malformed KPJ or NIK', async () => {
    const server = await createTestServer();
    const { token, caseId } = await callCenterCase(server);
    const reply = await balance(server, token, { key: '12345', caseId });
    expect(reply.json.error?.data.appCode).toBe('INVALID_INPUT');
    expect(reply.json.error?.message).toBe('Give an 11-digit KPJ number or a valid 16-digit NIK.');
  });
});
