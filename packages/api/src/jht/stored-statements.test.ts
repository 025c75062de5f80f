import { createHash } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { computeJhtStatement, JHT_STATEMENT_RULES_VERSION, membershipStatusOn } from '@pulih/domain';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Db, openDatabase } from '../db/database.js';
import { DEMO_MEMBER_PASSWORD } from '../demo/demo-accounts.js';
import { memberIdsOfPerson, personIdOf } from '../repositories/duplicate-repository.js';
import { jhtContributionsOf, kpjCardsOf, participationsOf } from '../repositories/jht-repository.js';
import { findMemberIdByLookupKey, getMemberRecord } from '../repositories/member-repository.js';
import { loginStaffWithTotp } from '../test-support/staff-login.js';
import { createTestServer, dataOf, type TestServer } from '../test-support/test-server.js';
import { kpjBalancesOf } from './kpj-balances.js';
import { membershipStatusOf } from './membership-status-of.js';
import { statementInputOf } from './stored-statements.js';

/**
 * A stored statement must always be exactly what the domain computes from the rows: after every
 * kind of write (an import, a payment, a balance merge, a claim payout, a yield change, a repair by
 * hand) and as days and years pass. Each check reads through the stored rows, compares with the
 * statement and status computed from the raw rows as before they were stored, then reads again
 * (now from the stored rows) and compares once more.
 */

const OLD = '19011111111';
const ACTIVE = '20022222222';
const AGUS = 'agus.setiawan@example.com';
const AGUS_KPJ = '19099999999';
const BANK = { bankCode: '002', accountNumber: '0123-01-000456-50-7', holderName: 'Agus Setiawan' };
const PDF = Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n');
const CONTRIBUTIONS_HEADER =
  'kpj,npp,period,wage,jht_employee,jht_employer,jkk,jkm,jp_employee,jp_employer,jkp,paid_at';

/** The balances and the status computed from the raw rows, as the shell did before stored statements. */
function computedFromRows(db: Db, memberId: number, asOf: string) {
  const personId = personIdOf(db, memberId);
  const cards = kpjCardsOf(db, memberIdsOfPerson(db, personId));
  const kpjs = cards.map((c) => c.kpj);
  const paid = new Set<string>();
  for (const kpj of kpjs) {
    for (const c of jhtContributionsOf(db, kpj)) if (c.paidAt !== null && c.paidAt <= asOf) paid.add(c.period);
  }
  const status = membershipStatusOn(
    {
      birthDate: getMemberRecord(db, personId)?.birthDate ?? null,
      diedOn: null,
      dataMismatch: false,
      participations: participationsOf(db, kpjs).map((p) => ({ ...p, npp: p.npp ?? '' })),
      paidPeriods: [...paid].sort(),
    },
    asOf,
  );
  return {
    cards: cards.map((c) => ({ kpj: c.kpj, statement: computeJhtStatement(statementInputOf(db, c.kpj, asOf)) })),
    status,
  };
}

const readThroughStore = (db: Db, memberId: number, asOf: string) => ({
  cards: kpjBalancesOf(db, memberId, asOf).map((b) => ({ kpj: b.kpj, statement: b.statement })),
  status: membershipStatusOf(db, memberId, asOf),
});

const storedKpjs = (db: Db): string[] =>
  (
    (db as unknown as { $client: Database.Database }).$client
      .prepare('SELECT kpj FROM jht_statements ORDER BY kpj')
      .all() as { kpj: string }[]
  ).map((r) => r.kpj);

/** Reads (storing), compares with the rows, reads the stored rows and compares again. */
function expectStoredEqualsComputed(db: Db, memberId: number, asOf: string): void {
  const expected = computedFromRows(db, memberId, asOf);
  expect(expected.cards.length).toBeGreaterThan(0);
  expect(readThroughStore(db, memberId, asOf)).toEqual(expected);
  expect(storedKpjs(db)).toEqual(expect.arrayContaining(expected.cards.map((c) => c.kpj)));
  expect(readThroughStore(db, memberId, asOf)).toEqual(expected);
}

const dayOf = (server: TestServer) => server.clock.now().toISOString().slice(0, 10);

describe('stored JHT statements', () => {
  let server: TestServer;
  let siti: number;
  let admin: string;
  const sql = (text: string, ...params: unknown[]) => server.database.sqlite.prepare(text).run(...params);

  beforeAll(async () => {
    server = await createTestServer();
    siti = findMemberIdByLookupKey(server.db, { kind: 'kpj', kpj: ACTIVE }) as number;
    admin = await loginStaffWithTotp(server, 'demo.admin');
  });

  async function importContributions(rows: readonly string[]): Promise<void> {
    const text = `${[CONTRIBUTIONS_HEADER, ...rows].join('\n')}\n`;
    const started = dataOf<{ jobId: string }>(
      await server.call(
        'imports.start',
        {
          kind: 'contributions',
          fileName: 'c.csv',
          fileSha256: createHash('sha256').update(text).digest('hex'),
        },
        { bearer: admin },
      ),
    );
    const response = await server.app.request(`http://localhost/api/imports/${started.jobId}`, {
      method: 'POST',
      headers: {
        authorization: `Bearer ${admin}`,
        'content-type': 'text/csv',
        'content-length': String(Buffer.byteLength(text)),
      },
      body: text,
    });
    const outcome = (await response.json()) as { state: string };
    expect(outcome.state, JSON.stringify(outcome)).toBe('completed');
  }

  it('hold what the rows give for the demo members, and are stored on the first read', () => {
    expect(storedKpjs(server.db)).toEqual([]);
    expectStoredEqualsComputed(server.db, siti, dayOf(server));
    expect(storedKpjs(server.db)).toEqual([OLD, ACTIVE]);
  });

  it('after a contributions import (a new month, then its payment)', async () => {
    const npp = activeNpp();
    await importContributions([`${ACTIVE},${npp},2026-11,6000000,120000,222000,14400,18000,60000,120000,27600,`]);
    expect(storedKpjs(server.db)).not.toContain(ACTIVE);
    expectStoredEqualsComputed(server.db, siti, dayOf(server));
    await importContributions([
      `${ACTIVE},${npp},2026-11,6000000,120000,222000,14400,18000,60000,120000,27600,${dayOf(server)}`,
    ]);
    expect(storedKpjs(server.db)).not.toContain(ACTIVE);
    expectStoredEqualsComputed(server.db, siti, dayOf(server));
  });

  function activeNpp(): string {
    const row = server.database.sqlite.prepare('SELECT npp FROM contributions WHERE kpj = ? LIMIT 1').get(ACTIVE) as {
      npp: string;
    };
    return row.npp;
  }

  it('after a balance merge, on both cards', async () => {
    const cookie = await server.loginMember('siti.rahayu@example.com', DEMO_MEMBER_PASSWORD);
    expectStoredEqualsComputed(server.db, siti, dayOf(server));
    const merged = await server.call('jht.mergeBalances', { intoKpj: ACTIVE }, { cookie });
    expect(merged.status, merged.text).toBe(200);
    expect(storedKpjs(server.db)).not.toContain(OLD);
    expect(storedKpjs(server.db)).not.toContain(ACTIVE);
    expectStoredEqualsComputed(server.db, siti, dayOf(server));
  });

  it('after a claim is paid out', async () => {
    const agus = findMemberIdByLookupKey(server.db, { kind: 'kpj', kpj: AGUS_KPJ }) as number;
    expectStoredEqualsComputed(server.db, agus, dayOf(server));
    const cookie = await server.loginMember(AGUS, DEMO_MEMBER_PASSWORD);
    const { documents } = dataOf<{ documents: string[] }>(
      await server.call('claims.assess', { reason: 'resignation' }, { method: 'GET', cookie }),
    );
    const documentIds: string[] = [];
    for (const kind of documents) {
      const uploaded = await server.call(
        'claims.uploadDocument',
        { kind, contentBase64: PDF.toString('base64') },
        { cookie },
      );
      documentIds.push(dataOf<{ id: string }>(uploaded).id);
    }
    const claim = dataOf<{ id: string }>(
      await server.call('claims.submit', { reason: 'resignation', bank: BANK, documentIds }, { cookie }),
    );
    const officer = await loginStaffWithTotp(server, 'demo.branch');
    for (const [action, input] of [
      ['claims.verify', { claimId: claim.id }],
      ['claims.approve', { claimId: claim.id }],
    ] as const) {
      expect((await server.call(action, input, { bearer: officer })).status).toBe(200);
    }
    // Claims that are not paid do not touch the statement.
    expect(storedKpjs(server.db)).toContain(AGUS_KPJ);
    const paid = await server.call('claims.pay', { claimId: claim.id, reference: 'X-1' }, { bearer: officer });
    expect(paid.status, paid.text).toBe(200);
    expect(storedKpjs(server.db)).not.toContain(AGUS_KPJ);
    expectStoredEqualsComputed(server.db, agus, dayOf(server));
    expect(kpjBalancesOf(server.db, agus, dayOf(server)).find((b) => b.kpj === AGUS_KPJ)?.statement.balance).toBe(0);
  });

  it('after a yield rate is added, changed or removed: every stored statement', () => {
    for (const change of [
      () => sql('INSERT INTO jht_yield_rates (year, rate_basis_points) VALUES (1999, 650)'),
      () => sql('UPDATE jht_yield_rates SET rate_basis_points = rate_basis_points + 1 WHERE year = 2020'),
      () => sql('DELETE FROM jht_yield_rates WHERE year = 2021'),
    ]) {
      expectStoredEqualsComputed(server.db, siti, dayOf(server));
      expect(storedKpjs(server.db).length).toBeGreaterThan(0);
      change();
      expect(storedKpjs(server.db)).toEqual([]);
      expectStoredEqualsComputed(server.db, siti, dayOf(server));
    }
  });

  it('after any writer changes a contribution, a transfer or a paid claim by hand', () => {
    const changes: [string, () => unknown][] = [
      [
        'a contribution amount',
        () => sql('UPDATE contributions SET jht_employer = jht_employer + 7 WHERE kpj = ?', OLD),
      ],
      [
        'a payment date',
        () => sql("UPDATE contributions SET paid_at = '2019-01-02' WHERE kpj = ? AND period = '2018-06'", OLD),
      ],
      ['a contribution removed', () => sql("DELETE FROM contributions WHERE kpj = ? AND period = '2018-05'", OLD)],
      ['a transfer amount', () => sql('UPDATE jht_transfers SET amount = amount - 5 WHERE from_kpj = ?', OLD)],
      ['a transfer removed', () => sql('DELETE FROM jht_transfers WHERE from_kpj = ?', OLD)],
      ['a paid claim amount', () => sql("UPDATE jht_claims SET gross = gross + 3 WHERE state = 'paid'")],
    ];
    const agus = findMemberIdByLookupKey(server.db, { kind: 'kpj', kpj: AGUS_KPJ }) as number;
    for (const [what, change] of changes) {
      expectStoredEqualsComputed(server.db, siti, dayOf(server));
      expectStoredEqualsComputed(server.db, agus, dayOf(server));
      const before = storedKpjs(server.db);
      expect((change() as { changes: number }).changes, what).toBeGreaterThan(0);
      expect(storedKpjs(server.db).length, what).toBeLessThan(before.length);
      expectStoredEqualsComputed(server.db, siti, dayOf(server));
      expectStoredEqualsComputed(server.db, agus, dayOf(server));
    }
  });

  it('are computed again when a later payment date comes, and when the year turns', () => {
    const today = dayOf(server);
    sql("UPDATE contributions SET paid_at = '2026-12-03' WHERE kpj = ? AND period = '2026-11'", ACTIVE);
    expectStoredEqualsComputed(server.db, siti, today);
    const validUntil = (kpj: string) =>
      (
        server.database.sqlite.prepare('SELECT valid_until FROM jht_statements WHERE kpj = ?').get(kpj) as {
          valid_until: string;
        }
      ).valid_until;
    expect(validUntil(ACTIVE)).toBe('2026-12-03');
    expect(validUntil(OLD)).toBe('2027-01-01');
    for (const day of ['2026-12-02', '2026-12-03', '2026-12-31', '2027-01-01', '2027-03-15']) {
      expectStoredEqualsComputed(server.db, siti, day);
    }
    expect(validUntil(ACTIVE)).toBe('2028-01-01');
    // An earlier day than the stored one is computed from the rows too.
    expectStoredEqualsComputed(server.db, siti, today);
  });

  it('are computed again when stored under other statement rules (a build with changed rules)', () => {
    expectStoredEqualsComputed(server.db, siti, dayOf(server));
    const stored = () =>
      server.database.sqlite.prepare('SELECT statement FROM jht_statements WHERE kpj = ?').get(ACTIVE) as {
        statement: string;
      };
    const current = stored().statement;
    expect(current.startsWith(`[${JHT_STATEMENT_RULES_VERSION},`)).toBe(true);
    // The same row as an older build would have left it, with a balance its rules gave.
    const older = current.replace(/^\[\d+,\d+/, `[${JHT_STATEMENT_RULES_VERSION - 1},1`);
    sql('UPDATE jht_statements SET statement = ? WHERE kpj = ?', older, ACTIVE);
    expectStoredEqualsComputed(server.db, siti, dayOf(server));
    expect(stored().statement).toBe(current);
  });

  it('are read, but not stored, inside a transaction of the caller', () => {
    sql('DELETE FROM jht_yield_rates WHERE year = 1999');
    expect(storedKpjs(server.db)).toEqual([]);
    server.db.transaction((tx) => {
      const expected = computedFromRows(tx, siti, dayOf(server));
      expect(readThroughStore(tx, siti, dayOf(server))).toEqual(expected);
    });
    expect(storedKpjs(server.db)).toEqual([]);
  });
});

describe('stored JHT statements with several processes on one file', () => {
  const file = join(mkdtempSync(join(tmpdir(), 'pulih-stored-')), 'pulih.sqlite');
  const opened = openDatabase(file);
  const other = new Database(file);
  other.pragma('busy_timeout = 5000');
  afterAll(() => {
    other.close();
    opened.close();
  });

  beforeAll(() => {
    const s = opened.sqlite;
    s.prepare(
      "INSERT INTO members (id, full_name, status, created_at) VALUES (1, 'Dewi', 'aktif', '2020-01-01')",
    ).run();
    s.prepare("INSERT INTO member_kpj (kpj, member_id, registered_at) VALUES ('30000000001', 1, '2020-01-01')").run();
    s.prepare("INSERT INTO employers (npp, name) VALUES ('10000001', 'PT Satu')").run();
    s.prepare(
      "INSERT INTO participations (kpj, npp, segment, started_on) VALUES ('30000000001', '10000001', 'PU', '2020-01-01')",
    ).run();
    s.prepare('INSERT INTO jht_yield_rates (year, rate_basis_points) VALUES (2020, 500), (2021, 550)').run();
    const insert = s.prepare(
      `INSERT INTO contributions (kpj, period, npp, wage, jht_employee, jht_employer, jkk, jkm, jp_employee, jp_employer, jkp, paid_at)
       VALUES ('30000000001', ?, '10000001', 5000000, 100000, 185000, 12000, 15000, 50000, 100000, 23000, ?)`,
    );
    for (let m = 1; m <= 24; m++) {
      const year = 2020 + Math.floor((m - 1) / 12);
      const month = String(((m - 1) % 12) + 1).padStart(2, '0');
      insert.run(`${year}-${month}`, `${year}-${month}-15`);
    }
  });

  it('computes without storing, and without waiting, while another process holds the write lock', () => {
    other.exec('BEGIN IMMEDIATE');
    try {
      expect(readThroughStore(opened.db, 1, '2022-03-01')).toEqual(computedFromRows(opened.db, 1, '2022-03-01'));
    } finally {
      other.exec('ROLLBACK');
    }
    // It tried the lock without waiting, and left the connection's busy timeout as it was.
    expect(opened.sqlite.pragma('busy_timeout', { simple: true })).toBe(5000);
    expect(storedKpjs(opened.db)).toEqual([]);
    expectStoredEqualsComputed(opened.db, 1, '2022-03-01');
  });

  it('drops a stored statement when another process writes a contribution', () => {
    expectStoredEqualsComputed(opened.db, 1, '2022-03-01');
    other
      .prepare(
        `INSERT INTO contributions (kpj, period, npp, wage, jht_employee, jht_employer, jkk, jkm, jp_employee, jp_employer, jkp, paid_at)
         VALUES ('30000000001', '2022-01', '10000001', 5000000, 100000, 185000, 12000, 15000, 50000, 100000, 23000, '2022-02-01')`,
      )
      .run();
    expect(storedKpjs(opened.db)).toEqual([]);
    expectStoredEqualsComputed(opened.db, 1, '2022-03-01');
  });
});
