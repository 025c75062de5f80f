/**
 * Issue #8, suite 6: access control beyond the role × procedure matrix (`rbac.test.ts`).
 *
 * A member changing ids in requests, a kiosk credential on staff and member procedures, an
 * expired staff token, a disabled staff user's live token. Cases already proven elsewhere are
 * named in docs/ASSURANCE.md and not repeated here: another member's KPJ in `jht.mergeBalances`
 * (`procedures/jht/merge-balances.test.ts`), other members' account ids in the account-control
 * procedures (`procedures/account/duplicate-accounts.test.ts`), a case hidden from other staff
 * (`procedures/case/case.test.ts`), a role change and a disable with token revocation applying
 * at once (`procedures/staff/admin.test.ts`).
 */
import { eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { auditLog, jhtClaimDocuments, jhtClaims, staffUsers } from '../db/schema.js';
import { DEMO_BRANCH_CODE } from '../demo/demo-accounts.js';
import { STAFF_TOKEN_MS } from '../repositories/session-repository.js';
import { appRouter } from '../router.js';
import { createTestServer, dataOf, type TestServer } from '../test-support/test-server.js';
import type { ProcedureMeta } from '../trpc.js';
import { accountIdOf, type Callers, makeCallers, memberCookie, serverFromSnapshot } from './support.js';

const SITI = 'siti.rahayu@example.com';
const RUDI = 'rudi.hartono@example.com';
const BUDI = 'budi.santoso@example.com';
const AGUS = 'agus.setiawan@example.com';
const PDF = Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n');
const AGUS_BANK = { bankCode: '002', accountNumber: '0123-01-000456-50-7', holderName: 'Agus Setiawan' };

let base: TestServer;
let snapshot: Buffer;
let callers: Callers;

beforeAll(async () => {
  base = await createTestServer();
  callers = makeCallers(base, 'access');
  snapshot = base.database.sqlite.serialize();
});

/** A fresh copy of the seeded server, with the callers of `makeCallers`. */
const fresh = () => serverFromSnapshot(base, snapshot, base.clock.now());
const cookieOf = (server: TestServer, email: string) => memberCookie(server, accountIdOf(server, email));
const auditCount = (server: TestServer) => server.db.select().from(auditLog).all().length;

describe('a member changing ids in requests', () => {
  it("cannot cancel another member's appointment: the reply is that of a number that does not exist", async () => {
    const server = fresh();
    const siti = cookieOf(server, SITI);
    const budi = cookieOf(server, BUDI);
    const { days } = dataOf<{ days: string[] }>(
      await server.call('appointments.options', {}, { method: 'GET', cookie: siti }),
    );
    const booked = dataOf<{ id: string }>(
      await server.call(
        'appointments.book',
        { branchCode: DEMO_BRANCH_CODE, day: days[0], slot: '08:00', reason: 'partial_10' },
        { cookie: siti },
      ),
    );
    const audits = auditCount(server);
    const theirs = await server.call('appointments.cancel', { appointmentId: booked.id }, { cookie: budi });
    const unknown = await server.call('appointments.cancel', { appointmentId: 'JDW-0000-0000' }, { cookie: budi });
    expect(theirs.status).toBe(404);
    expect(theirs.json.error?.data.appCode).toBe('APPOINTMENT_NOT_FOUND');
    expect(theirs.text).toBe(unknown.text);
    // Lower case is the same number to the schema: no way around the owner check either.
    const lower = await server.call(
      'appointments.cancel',
      { appointmentId: ` ${booked.id.toLowerCase()} ` },
      { cookie: budi },
    );
    expect(lower.text).toBe(unknown.text);
    expect(auditCount(server)).toBe(audits);
    // Budi does not see it; Siti's visit is still booked and hers to cancel.
    const budiMine = dataOf<{ appointments: { id: string }[] }>(
      await server.call('appointments.mine', undefined, { method: 'GET', cookie: budi }),
    );
    expect(budiMine.appointments.map((a) => a.id)).not.toContain(booked.id);
    dataOf(await server.call('appointments.cancel', { appointmentId: booked.id }, { cookie: siti }));
  });

  it("cannot put another member's uploaded document into their own claim", async () => {
    const server = fresh();
    const siti = cookieOf(server, SITI);
    const agus = cookieOf(server, AGUS);
    const sitiDocument = dataOf<{ id: string }>(
      await server.call(
        'claims.uploadDocument',
        { kind: 'ktp', contentBase64: PDF.toString('base64') },
        { cookie: siti },
      ),
    ).id;
    const { documents } = dataOf<{ documents: string[] }>(
      await server.call('claims.assess', { reason: 'resignation' }, { method: 'GET', cookie: agus }),
    );
    const own = new Map<string, string>();
    for (const kind of documents) {
      const { id } = dataOf<{ id: string }>(
        await server.call('claims.uploadDocument', { kind, contentBase64: PDF.toString('base64') }, { cookie: agus }),
      );
      own.set(kind, id);
    }
    // Agus swaps his KTP for Siti's.
    const swapped = documents.map((kind) => (kind === 'ktp' ? sitiDocument : (own.get(kind) as string)));
    const refused = await server.call(
      'claims.submit',
      { reason: 'resignation', bank: AGUS_BANK, documentIds: swapped },
      { cookie: agus },
    );
    expect(refused.json.error?.data.appCode).toBe('DOCUMENT_NOT_FOUND');
    expect(server.db.select().from(jhtClaims).all()).toHaveLength(0);
    const document = server.db.select().from(jhtClaimDocuments).where(eq(jhtClaimDocuments.id, sitiDocument)).get();
    expect(document?.claimId).toBeNull();
    // With his own documents the same claim goes through: the refusal was the swapped id.
    const claim = dataOf<{ id: string }>(
      await server.call(
        'claims.submit',
        { reason: 'resignation', bank: AGUS_BANK, documentIds: [...own.values()] },
        { cookie: agus },
      ),
    );
    expect((await server.call('claims.mine', undefined, { method: 'GET', cookie: siti })).json).toEqual({
      result: { data: { claims: [] } },
    });

    // The staff reads of that claim and its documents refuse a member's session, with real ids, and log no read.
    const audits = auditCount(server);
    for (const [path, input] of [
      ['claims.show', { claimId: claim.id }],
      ['claims.document', { claimId: claim.id, documentId: own.get('ktp') }],
    ] as const) {
      for (const cookie of [agus, siti]) {
        const reply = await server.call(path, input, { method: 'GET', cookie });
        expect(reply.status, path).toBe(401);
        expect(reply.text).not.toContain('Agus');
      }
    }
    expect(auditCount(server)).toBe(audits);
  });

  it("sees only their own correction requests, and cannot read another's with its number", async () => {
    const server = fresh();
    const siti = cookieOf(server, SITI);
    const budi = cookieOf(server, BUDI);
    const requested = dataOf<{ id: string }>(
      await server.call(
        'corrections.request',
        { field: 'birth_date', value: '1990-08-18', evidenceKind: 'ktp', evidenceBase64: PDF.toString('base64') },
        { cookie: siti },
      ),
    );
    const budiMine = await server.call('corrections.mine', undefined, { method: 'GET', cookie: budi });
    expect(budiMine.text).not.toContain(requested.id);
    for (const path of ['corrections.show', 'corrections.evidence']) {
      const reply = await server.call(path, { id: requested.id }, { method: 'GET', cookie: budi });
      expect(reply.status, path).toBe(401);
      expect(reply.text).not.toContain('1990');
    }
  });

  it("cannot keep another member's account when closing duplicates, nor close their account", async () => {
    const server = fresh();
    const siti = cookieOf(server, SITI);
    const rudiAccount = accountIdOf(server, RUDI);
    const sitiAccount = accountIdOf(server, SITI);
    const before = server.database.sqlite.prepare('select id, state, closed_at from accounts order by id').all();
    for (const keepAccountId of [rudiAccount, rudiAccount + 1000]) {
      const reply = await server.call('account.closeDuplicateAccounts', { keepAccountId }, { cookie: siti });
      expect(reply.json.error?.data.appCode).toBe('ACCOUNT_NOT_FOUND');
    }
    // Her own account as the one to keep: nothing of hers is linked, so nothing to close, and nobody else's.
    const own = await server.call('account.closeDuplicateAccounts', { keepAccountId: sitiAccount }, { cookie: siti });
    expect(own.status).toBeLessThan(500);
    expect(server.database.sqlite.prepare('select id, state, closed_at from accounts order by id').all()).toEqual(
      before,
    );
  });
});

interface ProcedureDef {
  readonly _def: { readonly type: string; readonly meta?: ProcedureMeta };
}
const procedures = Object.entries(appRouter._def.procedures as unknown as Record<string, ProcedureDef>)
  .filter(([, p]) => p._def.type !== 'subscription')
  .map(([path, p]) => ({
    path,
    method: p._def.type === 'query' ? ('GET' as const) : ('POST' as const),
    staff: p._def.meta?.staffRoles,
  }));

describe('a kiosk credential', () => {
  let server: TestServer;
  beforeAll(() => {
    server = fresh();
  });

  it('opens no staff procedure: every one answers 401 as to nobody', async () => {
    const staffOnly = procedures.filter((p) => p.staff);
    expect(staffOnly.length).toBeGreaterThan(60);
    for (const { path, method } of staffOnly) {
      const reply = await server.call(path, undefined, { method, headers: { cookie: callers.kioskCookie } });
      expect(reply.status, path).toBe(401);
      expect(reply.json.error?.data.appCode, path).toBe('UNAUTHENTICATED');
    }
  });

  it('opens no member procedure: it gets no further than no credential at all', async () => {
    for (const { path, method } of procedures.filter((p) => !p.staff && !p.path.startsWith('kiosk.'))) {
      const anonymous = await server.call(path, undefined, { method });
      const asKiosk = await server.call(path, undefined, { method, headers: { cookie: callers.kioskCookie } });
      if (anonymous.status === 401) expect(asKiosk.status, path).toBe(401);
    }
  });

  it('is not taken from a bearer header or a session cookie, and a member or staff credential is no kiosk', async () => {
    const token = callers.kioskCookie.split('=')[1] as string;
    const member = cookieOf(server, SITI);
    const attempts = [
      { bearer: token },
      { cookie: `pulih_session=${token}` },
      { cookie: member },
      { bearer: callers.staff.branch_officer },
    ];
    for (const auth of attempts) {
      const reply = await server.call('kiosk.issueTicket', { intent: 'other' }, auth);
      expect(reply.status, JSON.stringify(auth)).toBe(401);
    }
    expect((await server.call('kiosk.issueTicket', { intent: 'other' }, { cookie: callers.kioskCookie })).status).toBe(
      200,
    );
  });
});

describe('staff tokens', () => {
  const show = (server: TestServer, bearer: string) =>
    server.call('staff.member.show', { key: '19011111111' }, { method: 'GET', bearer });

  it('expire after one working day, to the millisecond, on the server clock', async () => {
    const server = fresh();
    const token = callers.staff.call_center_agent;
    server.clock.advance(STAFF_TOKEN_MS - 1);
    expect((await show(server, token)).status).toBe(200);
    server.clock.advance(1);
    const expired = await show(server, token);
    expect(expired.status).toBe(401);
    expect(expired.json.error?.data.appCode).toBe('UNAUTHENTICATED');
    // And the expired token is no better on any other staff procedure.
    const audits = await server.call('audit.verify', undefined, { method: 'GET', bearer: callers.staff.admin });
    expect(audits.status).toBe(401);
  });

  it('stop at once when the user is disabled, before any token is revoked (the user is read on every request)', async () => {
    const server = fresh();
    const token = callers.staff.supervisor;
    expect((await show(server, token)).status).toBe(200);
    server.db
      .update(staffUsers)
      .set({ disabledAt: server.clock.now().toISOString() })
      .where(eq(staffUsers.id, callers.staffIds.supervisor))
      .run();
    for (const { path, method } of procedures.filter((p) => p.staff?.includes('supervisor'))) {
      const reply = await server.call(path, undefined, { method, bearer: token });
      expect(reply.status, path).toBe(401);
    }
  });

  it('are not member sessions, and a member session is no staff token (also when sent as a bearer)', async () => {
    const server = fresh();
    const member = cookieOf(server, SITI).split('=')[1] as string;
    expect((await show(server, member)).status).toBe(401);
    const asCookie = await server.call('member.profile', undefined, {
      method: 'GET',
      headers: { cookie: `pulih_session=${callers.staff.admin}` },
    });
    expect(asCookie.status).toBe(401);
  });
});
