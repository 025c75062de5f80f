import { describe, expect, it } from 'vitest';
import { DEMO_BRANCH_CODE } from '../../demo/demo-accounts.js';
import { codeIn, latestMessage } from '../../test-support/outbox.js';
import { loginStaffWithTotp } from '../../test-support/staff-login.js';
import { createTestServer, dataOf, type TestServer } from '../../test-support/test-server.js';

/** Pairs a kiosk the way a branch officer does; returns the kiosk's cookie. */
async function pairKiosk(server: TestServer): Promise<string> {
  const officer = await loginStaffWithTotp(server, 'demo.branch');
  const { pairingCode } = dataOf<{ pairingCode: string }>(
    await server.call('kiosk.pair', { label: 'Kios lobi 1' }, { bearer: officer }),
  );
  const reply = await server.call('kiosk.completePairing', { pairingCode: pairingCode.toLowerCase() });
  expect(dataOf(reply)).toEqual({ branchCode: DEMO_BRANCH_CODE, label: 'Kios lobi 1' });
  const cookie = reply.headers.get('set-cookie') ?? '';
  expect(cookie).toMatch(/^pulih_kiosk=[\w-]{40,};.*HttpOnly/);
  return cookie.split(';')[0] ?? '';
}

describe('kiosk pairing', () => {
  it("pairs a kiosk to the officer's branch with a one-time code in an httpOnly cookie", async () => {
    const server = await createTestServer();
    const cookie = await pairKiosk(server);
    const status = await server.call('kiosk.status', undefined, { method: 'GET', cookie });
    expect(dataOf(status)).toEqual({ paired: true, branchCode: DEMO_BRANCH_CODE, label: 'Kios lobi 1' });
  });

  it('accepts a pairing code once, and not from a staff member of no branch', async () => {
    const server = await createTestServer();
    const officer = await loginStaffWithTotp(server, 'demo.branch');
    const { pairingCode } = dataOf<{ pairingCode: string }>(
      await server.call('kiosk.pair', { label: 'Kios 2' }, { bearer: officer }),
    );
    expect((await server.call('kiosk.completePairing', { pairingCode })).status).toBe(200);
    expect((await server.call('kiosk.completePairing', { pairingCode })).json.error?.data.appCode).toBe('CODE_INVALID');
    const agent = await loginStaffWithTotp(server, 'demo.agent');
    expect((await server.call('kiosk.pair', { label: 'x' }, { bearer: agent })).status).toBe(403);
  });

  it('stops a revoked kiosk at once', async () => {
    const server = await createTestServer();
    const cookie = await pairKiosk(server);
    const officer = await loginStaffWithTotp(server, 'demo.branch');
    const { kiosks } = dataOf<{ kiosks: { id: string }[] }>(
      await server.call('kiosk.list', undefined, { method: 'GET', bearer: officer }),
    );
    await server.call('kiosk.revoke', { kioskId: kiosks[0]?.id }, { bearer: officer });
    const ticket = await server.call('kiosk.issueTicket', { intent: 'change_contact' }, { cookie });
    expect(ticket.status).toBe(401);
  });
});

describe('queue tickets from the kiosk to the counter', () => {
  it('numbers tickets per intent and day, and the counter calls them oldest first', async () => {
    const server = await createTestServer();
    const cookie = await pairKiosk(server);
    const first = dataOf<{ number: string; waitingBefore: number }>(
      await server.call('kiosk.issueTicket', { intent: 'change_contact' }, { cookie }),
    );
    server.clock.advance(1000);
    const second = dataOf<{ number: string; waitingBefore: number }>(
      await server.call('kiosk.issueTicket', { intent: 'lost_phone' }, { cookie }),
    );
    server.clock.advance(1000);
    const third = dataOf<{ number: string; waitingBefore: number }>(
      await server.call('kiosk.issueTicket', { intent: 'change_contact' }, { cookie }),
    );
    expect([first.number, second.number, third.number]).toEqual(['K-001', 'H-001', 'K-002']);
    expect(third.waitingBefore).toBe(2);

    const officer = await loginStaffWithTotp(server, 'demo.branch');
    const called = dataOf<{ ticket: { id: string; number: string } }>(
      await server.call('queue.next', undefined, { bearer: officer }),
    );
    expect(called.ticket.number).toBe('K-001');
    await server.call('queue.done', { ticketId: called.ticket.id }, { bearer: officer });
    const { tickets } = dataOf<{ tickets: { number: string; status: string }[] }>(
      await server.call('queue.list', undefined, { method: 'GET', bearer: officer }),
    );
    expect(tickets.map((t) => `${t.number}:${t.status}`)).toEqual(['H-001:waiting', 'K-002:waiting']);
  });

  it('refuses tickets from a browser that is not a paired kiosk', async () => {
    const server = await createTestServer();
    const reply = await server.call('kiosk.issueTicket', { intent: 'other' });
    expect(reply.status).toBe(401);
  });
});

describe('recovery at a kiosk', () => {
  it('records the kiosk channel and limits each kiosk on its own', async () => {
    const server = await createTestServer();
    const cookie = await pairKiosk(server);
    const started = await server.call(
      'recovery.start',
      { identifier: '19011111111', phone: '081234567890', locale: 'id' },
      { cookie },
    );
    const { requestId } = dataOf<{ requestId: string }>(started);
    const code = codeIn(latestMessage(server.db, '+6281234567890', 'recovery_code'));
    const verified = dataOf<{ email: string }>(
      await server.call('recovery.verifyCode', { requestId, code }, { cookie }),
    );
    expect(verified.email).toBe('siti.rahayu@example.com');
    const notice = latestMessage(server.db, '+6281234567890', 'recovery_disclosure_notice');
    expect(notice?.body).toContain('kiosk');
  });
});
