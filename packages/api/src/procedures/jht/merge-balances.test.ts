import { describe, expect, it } from 'vitest';
import { jhtTransfers } from '../../db/schema.js';
import { DEMO_MEMBER_PASSWORD } from '../../demo/demo-accounts.js';
import { paidJhtContributionTotal } from '../../repositories/jht-repository.js';
import { loginStaffWithTotp } from '../../test-support/staff-login.js';
import { createTestServer, dataOf, type TestServer } from '../../test-support/test-server.js';

interface Card {
  kpj: string;
  balance: number;
  isActive: boolean;
  mergedIntoKpj: string | null;
  years: { year: number; transfersIn: number; transfersOut: number; closing: number }[];
}

const OLD = '19011111111';
const ACTIVE = '20022222222';

async function cardsOf(server: TestServer, cookie: string) {
  return dataOf<{ cards: Card[]; total: number }>(
    await server.call('jht.kpjBalances', undefined, { method: 'GET', cookie }),
  );
}

describe('merging KPJ balances ("penggabungan saldo")', () => {
  it("moves the old card's balance into the active one with a line on both sides; the total stays", async () => {
    const server = await createTestServer();
    const cookie = await server.loginMember('siti.rahayu@example.com', DEMO_MEMBER_PASSWORD);
    const before = await cardsOf(server, cookie);
    const old = before.cards.find((c) => c.kpj === OLD);
    expect(before.cards.find((c) => c.kpj === ACTIVE)?.isActive).toBe(true);
    expect(old?.balance).toBeGreaterThan(10_000_000);
    const contributionsBefore = paidJhtContributionTotal(server.db, [OLD, ACTIVE]);

    const merged = dataOf<{ moves: { fromKpj: string; amount: number }[] }>(
      await server.call('jht.mergeBalances', { intoKpj: ACTIVE }, { cookie }),
    );
    expect(merged.moves).toEqual([{ fromKpj: OLD, amount: old?.balance }]);

    const after = await cardsOf(server, cookie);
    expect(after.total).toBe(before.total);
    expect(paidJhtContributionTotal(server.db, [OLD, ACTIVE])).toBe(contributionsBefore);
    const closed = after.cards.find((c) => c.kpj === OLD);
    const active = after.cards.find((c) => c.kpj === ACTIVE);
    expect(closed).toMatchObject({ balance: 0, mergedIntoKpj: ACTIVE, isActive: false });
    expect(active?.balance).toBe(before.total);
    const thisYear = server.clock.now().getUTCFullYear();
    expect(closed?.years.find((y) => y.year === thisYear)?.transfersOut).toBe(old?.balance);
    expect(active?.years.find((y) => y.year === thisYear)?.transfersIn).toBe(old?.balance);
  });

  it('moves a balance once when the same request arrives many times at once', async () => {
    const server = await createTestServer();
    const cookie = await server.loginMember('siti.rahayu@example.com', DEMO_MEMBER_PASSWORD);
    const before = await cardsOf(server, cookie);
    await Promise.all(
      Array.from({ length: 20 }, () => server.call('jht.mergeBalances', { intoKpj: ACTIVE }, { cookie })),
    );
    expect(server.db.select().from(jhtTransfers).all()).toHaveLength(1);
    expect((await cardsOf(server, cookie)).total).toBe(before.total);
  });

  it("refuses a KPJ that is not the member's own and moves nothing", async () => {
    const server = await createTestServer();
    const cookie = await server.loginMember('siti.rahayu@example.com', DEMO_MEMBER_PASSWORD);
    const reply = await server.call('jht.mergeBalances', { intoKpj: '19033333333' }, { cookie });
    expect(reply.json.error?.data.appCode).toBe('INVALID_INPUT');
    expect(server.db.select().from(jhtTransfers).all()).toEqual([]);
  });

  it('asks for the password again when the login is older than ten minutes', async () => {
    const server = await createTestServer();
    const cookie = await server.loginMember('siti.rahayu@example.com', DEMO_MEMBER_PASSWORD);
    server.clock.advance(11 * 60_000);
    const reply = await server.call('jht.mergeBalances', { intoKpj: ACTIVE }, { cookie });
    expect(reply.json.error?.data.appCode).toBe('REAUTH_REQUIRED');
  });

  it('lets a branch officer merge within an in-person case, not within a call-center case', async () => {
    const server = await createTestServer();
    const agent = await loginStaffWithTotp(server, 'demo.agent');
    const phoneCase = dataOf<{ caseId: string }>(
      await server.call(
        'case.openCallCenter',
        { kpj: OLD, nik: '3273015708900001', fullName: 'Siti Rahayu', birthDate: '1990-08-17', motherName: 'sumarni' },
        { bearer: agent },
      ),
    );
    // A supervisor may act on any case, but a phone check is not enough to move money.
    const supervisor = await loginStaffWithTotp(server, 'demo.supervisor');
    const byPhone = await server.call(
      'jht.mergeBalancesAtBranch',
      { caseId: phoneCase.caseId, intoKpj: ACTIVE },
      { bearer: supervisor },
    );
    expect(byPhone.json.error?.data.appCode).toBe('FORBIDDEN');
    expect(server.db.select().from(jhtTransfers).all()).toEqual([]);
    const branch = await loginStaffWithTotp(server, 'demo.branch');
    const counter = dataOf<{ caseId: string }>(
      await server.call(
        'case.openBranch',
        {
          kpj: OLD,
          nik: '3273015708900001',
          documents: ['ktp', 'kpj_card'],
          photoMatches: true,
          reason: 'gabung saldo',
        },
        { bearer: branch },
      ),
    );
    const done = dataOf<{ moves: { fromKpj: string }[] }>(
      await server.call('jht.mergeBalancesAtBranch', { caseId: counter.caseId, intoKpj: ACTIVE }, { bearer: branch }),
    );
    expect(done.moves.map((m) => m.fromKpj)).toEqual([OLD]);
  });
});
