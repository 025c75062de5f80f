/**
 * Issue #8, suite 5: concurrency. 50 simultaneous uses of one thing — one code, one claim
 * submission, one person merge (`duplicates.merge`), one balance merge (`jht.mergeBalances`) —
 * and exactly one wins; the others get the documented refusal (never a 500), and the database
 * holds one result.
 *
 * Two ways: in one process (one event loop, one connection: how the procedure tests run, here
 * with 50 where they had fewer or none), and across two server processes of the built API on
 * one SQLite file, the 50 requests sent over HTTP to both at once: two connections, two event
 * loops on two cores, so that transactions really overlap and SQLite's locking decides.
 */
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import { drizzle } from 'drizzle-orm/better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyAuditChain } from '../audit/audit-chain.js';
import { type ServerProcess, startDemoServer } from '../bench/server-process.js';
import * as schema from '../db/schema.js';
import { DEMO_MEMBER_PASSWORD, DEMO_STAFF_PASSWORD, DEMO_STAFF_TOTP_SECRETS } from '../demo/demo-accounts.js';
import { totpCode } from '../security/totp.js';
import { loginStaffWithTotp } from '../test-support/staff-login.js';
import { createTestServer, dataOf, type TestServer } from '../test-support/test-server.js';

const AT_ONCE = 50;
/** Rounds of 50 merges then 50 unmerges across the two processes (`CONCURRENCY_ROUNDS` for a soak). */
const MERGE_ROUNDS = Number(process.env.CONCURRENCY_ROUNDS ?? 3);
const MAIN_JS = fileURLToPath(new URL('../../dist/main.js', import.meta.url));
const BUILT = existsSync(MAIN_JS);

const SITI = 'siti.rahayu@example.com';
const SITI_OLD_KPJ = '19011111111';
const SITI_ACTIVE_KPJ = '20022222222';
const AGUS = 'agus.setiawan@example.com';
const BANK = { bankCode: '002', accountNumber: '0123-01-000456-50-7', holderName: 'Agus Setiawan' };
const PDF_BASE64 = Buffer.from(
  '%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n',
).toString('base64');
const RINA = {
  nik: '3201014506920001',
  kpj: '19055555555',
  fullName: 'Rina Wulandari',
  birthDate: '1992-06-05',
  email: 'rina.w@example.com',
  phone: '0813-1111-2222',
  password: 'kopi-tubruk-di-pagi-hari',
  locale: 'id',
};
const RUDI = ['RUDI HARTONO', 'RUDY HARTONO'];

interface Reply {
  readonly status: number;
  readonly appCode: string | undefined;
  readonly message: string | undefined;
  readonly data: unknown;
}

/** Status, appCode and message of each reply, counted: what the 49 losers got. */
function tally(replies: readonly Reply[]) {
  const counts = new Map<string, number>();
  for (const r of replies) {
    const key = `${r.status} ${r.appCode ?? 'ok'}${r.message && r.status !== 200 ? `: ${r.message}` : ''}`;
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  return Object.fromEntries([...counts].sort());
}

interface RudiItem {
  id: number;
  left: { memberId: number; fullName: string };
  right: { memberId: number; fullName: string };
}
const isRudi = (i: RudiItem) => RUDI.includes(i.left.fullName) && RUDI.includes(i.right.fullName);

describe('50 at once in one process (one event loop, one connection)', () => {
  const toReply = (r: Awaited<ReturnType<TestServer['call']>>): Reply => ({
    status: r.status,
    appCode: r.json.error?.data.appCode,
    message: r.json.error?.message,
    data: r.json.result?.data,
  });

  it('merges one person once, and undoes it once, when each is sent 50 times at once', async () => {
    const server = await createTestServer();
    const token = await loginStaffWithTotp(server, 'demo.supervisor');
    const { items } = dataOf<{ items: RudiItem[] }>(
      await server.call('duplicates.list', { state: 'open', limit: 500 }, { method: 'GET', bearer: token }),
    );
    const item = items.find(isRudi);
    if (!item) throw new Error("no review item for Rudi's two registrations");
    const replies = (
      await Promise.all(
        Array.from({ length: AT_ONCE }, (_, i) =>
          server.call(
            'duplicates.merge',
            { id: item.id, keep: i % 2 === 0 ? 'left' : 'right', reason: 'KTP diperiksa' },
            { bearer: token },
          ),
        ),
      )
    ).map(toReply);
    expect(tally(replies)).toEqual({
      '200 ok': 1,
      '409 CONFLICT: This item is already merged.': AT_ONCE - 1,
    });
    const sqlite = server.database.sqlite;
    expect(sqlite.prepare('SELECT count(*) FROM person_merges WHERE candidate_id = ?').pluck().get(item.id)).toBe(1);
    expect(sqlite.prepare("SELECT count(*) FROM audit_log WHERE action = 'duplicates.merged'").pluck().get()).toBe(2);

    // And its undo, 50 times at once: undone once.
    const undone = (
      await Promise.all(
        Array.from({ length: AT_ONCE }, () =>
          server.call('duplicates.unmerge', { id: item.id, reason: 'salah gabung' }, { bearer: token }),
        ),
      )
    ).map(toReply);
    expect(tally(undone)).toEqual({ '200 ok': 1, '409 CONFLICT: This item is not merged.': AT_ONCE - 1 });
    expect(sqlite.prepare("SELECT count(*) FROM audit_log WHERE action = 'duplicates.unmerged'").pluck().get()).toBe(2);
  });

  it('moves a balance once when the same balance merge is sent 50 times at once', async () => {
    const server = await createTestServer();
    const cookie = await server.loginMember(SITI, DEMO_MEMBER_PASSWORD);
    const before = dataOf<{ total: number }>(
      await server.call('jht.kpjBalances', undefined, { method: 'GET', cookie }),
    );
    const replies = (
      await Promise.all(
        Array.from({ length: AT_ONCE }, () =>
          server.call('jht.mergeBalances', { intoKpj: SITI_ACTIVE_KPJ }, { cookie }),
        ),
      )
    ).map(toReply);
    const moved = replies.filter((r) => (r.data as { moves?: unknown[] } | undefined)?.moves?.length);
    // The documented answer of the others: nothing (left) to move, not an error.
    expect(tally(replies)).toEqual({ '200 ok': AT_ONCE });
    expect(moved).toHaveLength(1);
    const sqlite = server.database.sqlite;
    expect(sqlite.prepare('SELECT count(*) FROM jht_transfers').pluck().get()).toBe(1);
    const after = dataOf<{ total: number }>(await server.call('jht.kpjBalances', undefined, { method: 'GET', cookie }));
    expect(after.total).toBe(before.total);
  });
});

// --- two server processes, one SQLite file ------------------------------------------------------
describe.skipIf(!BUILT)(
  BUILT
    ? '50 at once across two server processes on one SQLite file'
    : `50 at once across two server processes (skipped: ${MAIN_JS} is not built; run pnpm --filter @pulih/api build)`,
  () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'pulih-concurrency-'));
    let servers: ServerProcess[] = [];
    const results: Record<string, unknown>[] = [];

    beforeAll(async () => {
      const env = { PULIH_DEMO_MEMBERS: '20', PULIH_DATA_DIR: dataDir };
      // One after the other: the first seeds the file, the second finds it seeded.
      const first = await startDemoServer(env, 'pipe');
      servers.push(first);
      servers.push(await startDemoServer(env, 'pipe'));
    }, 60_000);

    afterAll(async () => {
      await Promise.all(servers.map((s) => s.stop()));
      servers = [];
      rmSync(dataDir, { recursive: true, force: true });
      if (results.length > 0)
        console.log(`concurrency across two processes:\n${results.map((r) => JSON.stringify(r)).join('\n')}`);
    });

    async function call(
      server: number,
      path: string,
      input: unknown,
      auth: { cookie?: string; bearer?: string } = {},
      method: 'GET' | 'POST' = 'POST',
    ): Promise<Reply & { setCookie: string | null }> {
      const url = (servers[server] as ServerProcess).url;
      const headers: Record<string, string> = { 'content-type': 'application/json' };
      if (auth.cookie) headers.cookie = auth.cookie;
      if (auth.bearer) headers.authorization = `Bearer ${auth.bearer}`;
      const response = await fetch(
        method === 'GET'
          ? `${url}/trpc/${path}?input=${encodeURIComponent(JSON.stringify(input))}`
          : `${url}/trpc/${path}`,
        { method, headers, ...(method === 'POST' ? { body: JSON.stringify(input) } : {}) },
      );
      const json = (await response.json()) as {
        result?: { data: unknown };
        error?: { message: string; data: { appCode: string } };
      };
      return {
        status: response.status,
        appCode: json.error?.data.appCode,
        message: json.error?.message,
        data: json.result?.data,
        setCookie: response.headers.get('set-cookie'),
      };
    }

    /** `AT_ONCE` requests, alternately to each server, all sent before any answer is read. */
    async function storm(request: (server: number, i: number) => Promise<Reply>): Promise<Reply[]> {
      return Promise.all(Array.from({ length: AT_ONCE }, (_, i) => request(i % 2, i)));
    }

    function inFile<T>(read: (sqlite: Database.Database) => T): T {
      const sqlite = new Database(join(dataDir, 'pulih.sqlite'), { readonly: true });
      try {
        return read(sqlite);
      } finally {
        sqlite.close();
      }
    }

    async function loginMember(email: string, password = DEMO_MEMBER_PASSWORD): Promise<string> {
      const reply = await call(0, 'auth.login', { identifier: email, password });
      if (reply.status !== 200 || !reply.setCookie) throw new Error(`login failed: ${JSON.stringify(reply)}`);
      return reply.setCookie.split(';')[0] ?? '';
    }

    /** One token for the file's tests: a TOTP code is accepted once, so a second login would wait 30 s. */
    let supervisorToken: string | null = null;
    async function loginSupervisor(): Promise<string> {
      if (supervisorToken) return supervisorToken;
      const reply = await call(1, 'staff.login', {
        username: 'demo.supervisor',
        password: DEMO_STAFF_PASSWORD,
        totpCode: totpCode(DEMO_STAFF_TOTP_SECRETS['demo.supervisor'], new Date()),
      });
      const data = reply.data as { status: string; token: string } | undefined;
      if (data?.status !== 'ok') throw new Error(`staff login failed: ${JSON.stringify(reply)}`);
      supervisorToken = data.token;
      return data.token;
    }

    const auditChainOk = () => inFile((sqlite) => verifyAuditChain(drizzle(sqlite, { schema })).ok);

    it('lets exactly one of 50 uses of one code succeed', async () => {
      const registered = await call(0, 'account.register', RINA);
      expect(registered.status).toBe(200);
      const body = inFile(
        (sqlite) =>
          sqlite
            .prepare(
              "SELECT body FROM outbox WHERE recipient = ? AND template = 'registration_code' ORDER BY created_at DESC LIMIT 1",
            )
            .pluck()
            .get(RINA.email) as string,
      );
      const code = /\b(\d{6})\b/.exec(body)?.[1];
      const started = performance.now();
      const replies = await storm((server) => call(server, 'account.verifyEmail', { email: RINA.email, code }));
      results.push({ what: 'code', ms: Math.round(performance.now() - started), replies: tally(replies) });
      expect(tally(replies)).toEqual({
        '200 ok': 1,
        '400 CODE_INVALID: The code or link is wrong, expired or already used.': AT_ONCE - 1,
      });
      const cookie = await loginMember(RINA.email, RINA.password);
      expect(cookie).toMatch(/^pulih_session=/);
      expect(auditChainOk()).toBe(true);
    });

    it('lands one claim when the same submission is sent 50 times at once', async () => {
      const cookie = await loginMember(AGUS);
      const assessment = (await call(0, 'claims.assess', { reason: 'resignation' }, { cookie }, 'GET')).data as {
        documents: string[];
        eligible: boolean;
      };
      expect(assessment.eligible).toBe(true);
      const documentIds: string[] = [];
      for (const kind of assessment.documents) {
        const uploaded = await call(0, 'claims.uploadDocument', { kind, contentBase64: PDF_BASE64 }, { cookie });
        documentIds.push((uploaded.data as { id: string }).id);
      }
      const started = performance.now();
      const replies = await storm((server) =>
        call(server, 'claims.submit', { reason: 'resignation', bank: BANK, documentIds }, { cookie }),
      );
      results.push({ what: 'claim', ms: Math.round(performance.now() - started), replies: tally(replies) });
      expect(tally(replies)).toEqual({
        '200 ok': 1,
        '409 CLAIM_IN_PROGRESS: A claim for this reason is already in progress.': AT_ONCE - 1,
      });
      const claimId = (replies.find((r) => r.status === 200)?.data as { id: string } | undefined)?.id;
      inFile((sqlite) => {
        expect(sqlite.prepare('SELECT id FROM jht_claims').pluck().all()).toEqual([claimId]);
        expect(sqlite.prepare('SELECT count(*) FROM jht_claim_events WHERE claim_id = ?').pluck().get(claimId)).toBe(1);
        expect(sqlite.prepare('SELECT count(*) FROM jht_claim_documents WHERE claim_id = ?').pluck().get(claimId)).toBe(
          documentIds.length,
        );
      });
      expect(auditChainOk()).toBe(true);
    });

    it(`merges one person once, and undoes it once, when each is sent 50 times at once (${MERGE_ROUNDS} rounds)`, async () => {
      const token = await loginSupervisor();
      const { items } = (await call(0, 'duplicates.list', { state: 'open', limit: 500 }, { bearer: token }, 'GET'))
        .data as { items: RudiItem[] };
      const item = items.find(isRudi);
      if (!item) throw new Error("no review item for Rudi's two registrations");
      const mergedRecords = () =>
        inFile((sqlite) => ({
          merges: sqlite.prepare('SELECT count(*) FROM person_merges WHERE candidate_id = ?').pluck().get(item.id),
          undone: sqlite
            .prepare('SELECT count(*) FROM person_merges WHERE candidate_id = ? AND unmerged_at IS NOT NULL')
            .pluck()
            .get(item.id),
          mergedAudit: sqlite
            .prepare("SELECT count(*) FROM audit_log WHERE action = 'duplicates.merged'")
            .pluck()
            .get(),
          unmergedAudit: sqlite
            .prepare("SELECT count(*) FROM audit_log WHERE action = 'duplicates.unmerged'")
            .pluck()
            .get(),
          recordsMerged: sqlite
            .prepare('SELECT count(*) FROM members WHERE id IN (?, ?) AND merged_into_member_id IS NOT NULL')
            .pluck()
            .get(item.left.memberId, item.right.memberId),
        }));
      // Each round a storm of merges (half keeping each record), then a storm of unmerges.
      for (let round = 1; round <= MERGE_ROUNDS; round++) {
        let started = performance.now();
        const merged = await storm((server, i) =>
          call(
            server,
            'duplicates.merge',
            { id: item.id, keep: i % 4 < 2 ? 'left' : 'right', reason: 'KTP diperiksa' },
            { bearer: token },
          ),
        );
        results.push({
          what: `person merge, round ${round}`,
          ms: Math.round(performance.now() - started),
          replies: tally(merged),
        });
        expect(tally(merged)).toEqual({ '200 ok': 1, '409 CONFLICT: This item is already merged.': AT_ONCE - 1 });
        expect(mergedRecords()).toEqual({
          merges: round,
          undone: round - 1,
          mergedAudit: 2 * round,
          unmergedAudit: 2 * (round - 1),
          recordsMerged: 1,
        });

        started = performance.now();
        const undone = await storm((server) =>
          call(server, 'duplicates.unmerge', { id: item.id, reason: 'salah gabung' }, { bearer: token }),
        );
        results.push({
          what: `person unmerge, round ${round}`,
          ms: Math.round(performance.now() - started),
          replies: tally(undone),
        });
        expect(tally(undone)).toEqual({ '200 ok': 1, '409 CONFLICT: This item is not merged.': AT_ONCE - 1 });
        expect(mergedRecords()).toEqual({
          merges: round,
          undone: round,
          mergedAudit: 2 * round,
          unmergedAudit: 2 * round,
          recordsMerged: 0,
        });
      }
      expect(auditChainOk()).toBe(true);
    });

    it('moves a balance once when the same balance merge is sent 50 times at once', async () => {
      const cookie = await loginMember(SITI);
      const before = (await call(0, 'jht.kpjBalances', undefined, { cookie }, 'GET')).data as { total: number };
      const started = performance.now();
      const replies = await storm((server) =>
        call(server, 'jht.mergeBalances', { intoKpj: SITI_ACTIVE_KPJ }, { cookie }),
      );
      results.push({ what: 'balance merge', ms: Math.round(performance.now() - started), replies: tally(replies) });
      // The documented answer of the others: nothing (left) to move, not an error.
      expect(tally(replies)).toEqual({ '200 ok': AT_ONCE });
      expect(replies.filter((r) => (r.data as { moves: unknown[] }).moves.length > 0)).toHaveLength(1);
      inFile((sqlite) => {
        expect(sqlite.prepare('SELECT from_kpj, to_kpj FROM jht_transfers').all()).toEqual([
          { from_kpj: SITI_OLD_KPJ, to_kpj: SITI_ACTIVE_KPJ },
        ]);
      });
      const after = (await call(1, 'jht.kpjBalances', undefined, { cookie }, 'GET')).data as { total: number };
      expect(after.total).toBe(before.total);
      expect(auditChainOk()).toBe(true);
    });
  },
);
