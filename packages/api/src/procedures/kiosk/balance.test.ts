import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { auditLog, jhtClaims, members } from '../../db/schema.js';
import { codeIn, latestMessage, messagesTo } from '../../test-support/outbox.js';
import { loginStaffWithTotp } from '../../test-support/staff-login.js';
import { createTestServer, dataOf, type TestServer } from '../../test-support/test-server.js';

const siti = { nik: '3273015708900001', kpj: '19011111111', phone: '+6281234567890' };
const budi = { nik: '3174051203850002', kpj: '19033333333', phone: '+6285712345678' };
const dewi = { nik: '3578044211790003', kpj: '19044444444', phone: '+6281398765432' };

interface Shown {
  fullName: string;
  total: number;
  cards: { kpj: string; balance: number }[];
  membership: { status: string; reason: string; since: string | null };
  claims: { reason: string; state: string }[];
}

async function pairKiosk(server: TestServer, label = 'Kios lobi 1'): Promise<string> {
  const officer = await loginStaffWithTotp(server, 'demo.branch');
  const { pairingCode } = dataOf<{ pairingCode: string }>(
    await server.call('kiosk.pair', { label }, { bearer: officer }),
  );
  const reply = await server.call('kiosk.completePairing', { pairingCode });
  return (reply.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
}

const start = (server: TestServer, cookie: string, who: { nik: string; kpj: string }) =>
  server.call('kiosk.balanceStart', { nik: who.nik, kpj: who.kpj, locale: 'id' }, { cookie });

async function checkBalance(server: TestServer, cookie: string, who: typeof siti) {
  const { requestId } = dataOf<{ requestId: string }>(await start(server, cookie, who));
  const code = codeIn(latestMessage(server.db, who.phone, 'kiosk_balance_code'));
  return server.call('kiosk.balanceVerify', { requestId, code }, { cookie });
}

function insertClaim(
  server: TestServer,
  memberId: number,
  kpj: string,
  claim: { id: string; state: string; open: boolean },
) {
  const at = server.clock.now().toISOString();
  server.db
    .insert(jhtClaims)
    .values({
      id: claim.id,
      memberId,
      kpj,
      reason: 'resignation',
      claimant: 'member',
      submittedVia: 'web',
      state: claim.state as 'submitted',
      openKey: claim.open ? `${memberId}:resignation:${claim.id}` : null,
      gross: 1,
      tax: 0,
      net: 1,
      needsSupervisor: false,
      assessment: '{}',
      bankCode: '002',
      bankAccountEncrypted: 'x',
      bankAccountLast4: '1234',
      bankAccountHolder: 'X',
      submittedAt: at,
      updatedAt: at,
    })
    .run();
}

const memberIdOf = (server: TestServer, nik: string): number =>
  server.db.select({ id: members.id }).from(members).where(eq(members.nik, nik)).get()?.id ?? 0;

describe('"Cek saldo & status" at the kiosk', () => {
  it('texts a code to the registered phone and then shows the balance per KPJ and in total, and the status', async () => {
    const server = await createTestServer();
    const cookie = await pairKiosk(server);
    const { requestId } = dataOf<{ requestId: string }>(await start(server, cookie, siti));
    const sms = latestMessage(server.db, siti.phone, 'kiosk_balance_code');
    expect(sms?.channel).toBe('sms');
    expect(sms?.body).toContain('saldo JHT');
    const shown = dataOf<Shown>(await server.call('kiosk.balanceVerify', { requestId, code: codeIn(sms) }, { cookie }));
    expect(shown).toMatchObject({
      fullName: 'SITI RAHAYU',
      membership: { status: 'aktif', reason: 'contributing' },
      claims: [],
    });
    expect(shown.cards.map((c) => c.kpj)).toEqual(['19011111111', '20022222222']);
    expect(shown.total).toBe(shown.cards.reduce((sum, c) => sum + c.balance, 0));
    expect(shown.total).toBeGreaterThan(0);
  });

  it('shows a non-aktif member the reason', async () => {
    const server = await createTestServer();
    const cookie = await pairKiosk(server);
    const shown = dataOf<Shown>(await checkBalance(server, cookie, dewi));
    expect(shown.membership).toEqual({ status: 'non_aktif', reason: 'no_contribution_3_months', since: '2026-10-01' });
  });

  it('shows the claims in progress, not the finished ones', async () => {
    const server = await createTestServer();
    const cookie = await pairKiosk(server);
    const memberId = memberIdOf(server, siti.nik);
    insertClaim(server, memberId, siti.kpj, { id: 'claim-paid', state: 'paid', open: false });
    insertClaim(server, memberId, siti.kpj, { id: 'claim-open', state: 'verifying', open: true });
    const shown = dataOf<Shown>(await checkBalance(server, cookie, siti));
    expect(shown.claims).toEqual([expect.objectContaining({ reason: 'resignation', state: 'verifying' })]);
  });

  it('answers a NIK of another member, an unknown KPJ and an unknown NIK exactly like a match, texting nobody else', async () => {
    const server = await createTestServer();
    const cookie = await pairKiosk(server);
    const shape = (text: string) => text.replace(/"requestId":"[^"]+"/, '"requestId":"…"');
    const match = await start(server, cookie, siti);
    const mismatch = await start(server, cookie, { nik: siti.nik, kpj: budi.kpj });
    const unknownKpj = await start(server, cookie, { nik: budi.nik, kpj: '99999999999' });
    const unknownNik = await start(server, cookie, { nik: '3174051708990009', kpj: dewi.kpj });
    for (const reply of [mismatch, unknownKpj, unknownNik]) {
      expect(reply.status).toBe(match.status);
      expect(shape(reply.text)).toBe(shape(match.text));
    }
    expect(messagesTo(server.db, budi.phone)).toEqual([]);
    expect(messagesTo(server.db, dewi.phone)).toEqual([]);
    expect(messagesTo(server.db, '+620000000000')).toEqual([]);
    // A made-up request id with any code gets the same refusal as a wrong code.
    const { requestId } = dataOf<{ requestId: string }>(mismatch);
    const wrong = await server.call('kiosk.balanceVerify', { requestId, code: '123456' }, { cookie });
    expect(wrong.json.error?.data.appCode).toBe('CODE_INVALID');
  });

  it('refuses a wrong code, a reused code, and a code started at another kiosk', async () => {
    const server = await createTestServer();
    const cookie = await pairKiosk(server);
    const other = await pairKiosk(server, 'Kios lobi 2');
    const { requestId } = dataOf<{ requestId: string }>(await start(server, cookie, siti));
    const code = codeIn(latestMessage(server.db, siti.phone, 'kiosk_balance_code'));
    const atOther = await server.call('kiosk.balanceVerify', { requestId, code }, { cookie: other });
    expect(atOther.json.error?.data.appCode).toBe('CODE_INVALID');

    server.clock.advance(1000);
    const again = dataOf<{ requestId: string }>(await start(server, cookie, siti));
    const fresh = codeIn(latestMessage(server.db, siti.phone, 'kiosk_balance_code'));
    const wrong = await server.call(
      'kiosk.balanceVerify',
      { requestId: again.requestId, code: fresh === '000000' ? '111111' : '000000' },
      { cookie },
    );
    expect(wrong.json.error?.data.appCode).toBe('CODE_INVALID');
    expect(
      (await server.call('kiosk.balanceVerify', { requestId: again.requestId, code: fresh }, { cookie })).status,
    ).toBe(200);
    const reused = await server.call('kiosk.balanceVerify', { requestId: again.requestId, code: fresh }, { cookie });
    expect(reused.text).toBe(wrong.text);
  });

  it('does not open with a "lupa akun" code, whose check was NIK or KPJ alone', async () => {
    const server = await createTestServer();
    const cookie = await pairKiosk(server);
    const started = await server.call(
      'recovery.start',
      { identifier: siti.kpj, phone: '0812-3456-7890', locale: 'id' },
      { cookie },
    );
    const { requestId } = dataOf<{ requestId: string }>(started);
    const code = codeIn(latestMessage(server.db, siti.phone, 'recovery_code'));
    const reply = await server.call('kiosk.balanceVerify', { requestId, code }, { cookie });
    expect(reply.json.error?.data.appCode).toBe('CODE_INVALID');
  });

  it('works only on a paired kiosk', async () => {
    const server = await createTestServer();
    const reply = await start(server, '', siti);
    expect(reply.json.error?.data.appCode).toBe('UNAUTHENTICATED');
    expect(messagesTo(server.db, siti.phone)).toEqual([]);
  });

  it('counts the starts per KPJ and per NIK whether they exist or not, and shares the limit of "lupa akun"', async () => {
    const server = await createTestServer();
    const cookie = await pairKiosk(server);
    const unknown = { nik: '3174051708990009', kpj: '99999999999' };
    for (let i = 0; i < 3; i++) {
      expect((await start(server, cookie, budi)).status).toBe(200);
      expect((await start(server, cookie, unknown)).status).toBe(200);
    }
    const known = await start(server, cookie, budi);
    const notKnown = await start(server, cookie, unknown);
    expect(known.status).toBe(429);
    expect(notKnown.text).toBe(known.text);
    const recovery = await server.call(
      'recovery.start',
      { identifier: budi.kpj, phone: '0857-1234-5678', locale: 'id' },
      { cookie },
    );
    expect(recovery.status).toBe(429);
  });

  it('audits the disclosure with the evidence, never the figures', async () => {
    const server = await createTestServer();
    const cookie = await pairKiosk(server);
    const shown = dataOf<Shown>(await checkBalance(server, cookie, siti));
    const entries = server.db.select().from(auditLog).all();
    expect(entries.map((e) => e.action)).toEqual(
      expect.arrayContaining(['jht.balance_code_sent', 'jht.balance_disclosed']),
    );
    const disclosed = entries.find((e) => e.action === 'jht.balance_disclosed');
    expect(disclosed).toMatchObject({ memberId: memberIdOf(server, siti.nik), channel: 'kiosk' });
    expect(JSON.parse(disclosed?.detail ?? '{}')).toMatchObject({
      evidence: 'code_to_registered_phone+nik+kpj',
      reasons: 'POSSESSION_OF_REGISTERED_PHONE',
    });
    expect(disclosed?.detail).not.toContain(String(shown.total));
  });
});
