import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type OpenedDatabase, openDatabase } from '../db/database.js';
import { DEMO_MEMBER_PASSWORD } from '../demo/demo-accounts.js';
import { kpjBalancesOf } from '../jht/kpj-balances.js';
import { findMemberIdByLookupKey } from '../repositories/member-repository.js';
import { storeMemberView } from '../repositories/member-view-repository.js';
import { writeIfLockFree } from '../repositories/prepared.js';
import { createTestServer, type TestServer } from '../test-support/test-server.js';
import { MEMBER_VIEWS_VERSION } from './member-views.js';

/**
 * A stored view must always be exactly what the procedure computes from the rows at that
 * moment: after every kind of write to what it shows, whoever writes, and as time passes. Each
 * check reads the member's profile and balances as the portal does (from a stored view where one
 * holds), then deletes every view and reads again (computed from the rows), and compares; the
 * change itself must show in the reply, so that a view left stale would fail the check.
 */

const OLD = '19011111111';
const ACTIVE = '20022222222';
const SITI = 'siti.rahayu@example.com';
const HOUR = 3_600_000;

describe('stored member views', () => {
  let server: TestServer;
  let siti: number;
  let cookie: string;
  const sqlite = () => server.database.sqlite;
  const sql = (text: string, ...params: unknown[]) =>
    sqlite()
      .prepare(text)
      .run(...params);
  const viewsOf = (memberId: number): string[] =>
    sqlite()
      .prepare('SELECT kind FROM member_views WHERE member_id = ? ORDER BY kind')
      .pluck()
      .all(memberId) as string[];

  /** Profile and balances, as the portal reads them (one batch). */
  async function read(): Promise<string> {
    const response = await server.app.request(
      'http://localhost/trpc/member.profile,jht.kpjBalances?batch=1&input=%7B%7D',
      { headers: { cookie } },
    );
    const text = await response.text();
    expect(response.status, text).toBe(200);
    return text;
  }

  /** Reads (storing the views), and returns the reply. */
  async function readStored(): Promise<string> {
    const reply = await read();
    expect(viewsOf(siti)).toEqual(['kpj_balances', 'profile']);
    return reply;
  }

  /**
   * The invariant the triggers rely on: a view is stored only for a record that is not merged,
   * and every card of its person has a stored statement (whose deletion drops the view).
   */
  function expectViewsBackedByStatements(): void {
    const unbacked = sqlite()
      .prepare(
        `SELECT v.member_id, mk.kpj FROM member_views v
         JOIN members m ON m.id = v.member_id OR m.merged_into_member_id = v.member_id
         JOIN member_kpj mk ON mk.member_id = m.id
         LEFT JOIN jht_statements s ON s.kpj = mk.kpj
         WHERE s.kpj IS NULL`,
      )
      .all();
    expect(unbacked).toEqual([]);
    const merged = sqlite()
      .prepare(
        'SELECT v.member_id FROM member_views v JOIN members m ON m.id = v.member_id WHERE m.merged_into_member_id IS NOT NULL',
      )
      .all();
    expect(merged).toEqual([]);
  }

  /** What the views say now equals what the rows give now. */
  async function expectServedEqualsComputed(): Promise<string> {
    const served = await read();
    expectViewsBackedByStatements();
    sql('DELETE FROM member_views');
    const computed = await read();
    expect(served).toBe(computed);
    return served;
  }

  /** `change` drops siti's views and shows in her reply, which then equals what the rows give. */
  async function expectChangeShown(what: string, change: () => unknown): Promise<void> {
    const before = await readStored();
    const result = change();
    if (result && typeof result === 'object' && 'changes' in result) {
      expect((result as { changes: number }).changes, what).toBeGreaterThan(0);
    }
    expect(viewsOf(siti), what).toEqual([]);
    const after = await expectServedEqualsComputed();
    expect(after, what).not.toBe(before);
  }

  /** Another member, with cards and contributions of his own. */
  const budi = () =>
    sqlite()
      .prepare("SELECT member_id FROM member_contacts WHERE email = 'budi.santoso@example.com'")
      .pluck()
      .get() as number;

  /** Moves the clock, logging in again (a session ends after 30 idle minutes). */
  async function advance(ms: number): Promise<void> {
    server.clock.advance(ms);
    cookie = await server.loginMember(SITI, DEMO_MEMBER_PASSWORD);
  }

  beforeAll(async () => {
    server = await createTestServer();
    siti = findMemberIdByLookupKey(server.db, { kind: 'kpj', kpj: ACTIVE }) as number;
    cookie = await server.loginMember(SITI, DEMO_MEMBER_PASSWORD);
  });

  it('are stored on the first read and served unchanged while nothing changes', async () => {
    expect(viewsOf(siti)).toEqual([]);
    const first = await readStored();
    const asOf = sqlite().prepare('SELECT as_of FROM member_views WHERE member_id = ?').pluck().all(siti);
    server.clock.advance(20 * 60_000);
    expect(await read()).toBe(first);
    // Served, not computed again: the rows were not rewritten.
    expect(sqlite().prepare('SELECT as_of FROM member_views WHERE member_id = ?').pluck().all(siti)).toEqual(asOf);
    await expectServedEqualsComputed();
  });

  it("after a change to the member's record, contacts or KPJ cards", async () => {
    await expectChangeShown('name', () =>
      sql("UPDATE members SET full_name = 'SITI RAHAYU NINGSIH' WHERE id = ?", siti),
    );
    await expectChangeShown('phone', () =>
      sql("UPDATE member_contacts SET phone = '0812-0000-1111' WHERE member_id = ?", siti),
    );
    await expectChangeShown('email verified', () =>
      sql('UPDATE member_contacts SET email_verified_at = NULL WHERE member_id = ?', siti),
    );
    await expectChangeShown('a new card', () =>
      sql("INSERT INTO member_kpj (kpj, member_id, registered_at) VALUES ('21033333333', ?, '2026-11-01')", siti),
    );
    await expectChangeShown('a card removed', () => sql("DELETE FROM member_kpj WHERE kpj = '21033333333'"));
  });

  it('after a change to participations, contributions, transfers or paid claims of any card', async () => {
    const npp = sqlite().prepare('SELECT npp FROM contributions WHERE kpj = ? LIMIT 1').pluck().get(ACTIVE) as string;
    await expectChangeShown('a new paid month', () =>
      sql(
        `INSERT INTO contributions (kpj, period, npp, wage, jht_employee, jht_employer, jkk, jkm, jp_employee, jp_employer, jkp, paid_at)
         VALUES (?, '2026-11', ?, 6000000, 120000, 222000, 14400, 18000, 60000, 120000, 27600, '2026-11-20')`,
        ACTIVE,
        npp,
      ),
    );
    await expectChangeShown('an amount', () =>
      sql("UPDATE contributions SET jht_employer = jht_employer + 7 WHERE kpj = ? AND period = '2026-11'", ACTIVE),
    );
    await expectChangeShown('a month removed', () =>
      sql("DELETE FROM contributions WHERE kpj = ? AND period = '2026-11'", ACTIVE),
    );
    await expectChangeShown('a transfer', () =>
      sql(
        `INSERT INTO jht_transfers (id, from_kpj, to_kpj, amount, transferred_on, channel, requested_by, created_at)
         VALUES ('t-test', ?, ?, 1000, '2026-11-20', 'web', 'member', '2026-11-20T00:00:00Z')`,
        OLD,
        ACTIVE,
      ),
    );
    await expectChangeShown('a transfer amount', () =>
      sql("UPDATE jht_transfers SET amount = 900 WHERE id = 't-test'"),
    );
    await expectChangeShown('a transfer removed', () => sql("DELETE FROM jht_transfers WHERE id = 't-test'"));
    await expectChangeShown('a paid claim', () =>
      sql(
        `INSERT INTO jht_claims (id, member_id, kpj, reason, claimant, submitted_via, state, gross, tax, net,
           needs_supervisor, assessment, bank_code, bank_account_encrypted, bank_account_last4, bank_account_holder,
           submitted_at, paid_on, updated_at)
         VALUES ('c-test', ?, ?, 'resignation', 'member', 'web', 'paid', 5000, 0, 5000, 0, '{}', '002', 'x', '0000',
           'Siti', '2026-11-01T00:00:00Z', '2026-11-20', '2026-11-20T00:00:00Z')`,
        siti,
        OLD,
      ),
    );
    await expectChangeShown('a paid claim amount', () => sql("UPDATE jht_claims SET gross = 4000 WHERE id = 'c-test'"));
    await expectChangeShown('a paid claim removed', () => sql("DELETE FROM jht_claims WHERE id = 'c-test'"));
    await expectChangeShown('employment ended', () =>
      sql(
        "UPDATE participations SET ended_on = '2026-11-01', end_reason = 'resigned' WHERE kpj = ? AND ended_on IS NULL",
        ACTIVE,
      ),
    );
  });

  it('after a yield rate changes: every view', async () => {
    const all = () => sqlite().prepare('SELECT count(*) FROM member_views').pluck().get();
    await expectChangeShown('a yield rate', () => {
      const changed = sql('UPDATE jht_yield_rates SET rate_basis_points = rate_basis_points + 25 WHERE year = 2020');
      expect(all()).toBe(0);
      return changed;
    });
  });

  it("after a record is merged into the member's person, and unmerged", async () => {
    const other = budi();
    await expectChangeShown('merged in', () =>
      sql('UPDATE members SET merged_into_member_id = ? WHERE id = ?', siti, other),
    );
    await expectChangeShown('unmerged', () =>
      sql('UPDATE members SET merged_into_member_id = NULL WHERE id = ?', other),
    );
    await expectChangeShown("a card of the merged record's", () => {
      sql('UPDATE members SET merged_into_member_id = ? WHERE id = ?', siti, other);
      // Views read in between, so that the next change is the card's alone.
      return null;
    });
    await readStored();
    await expectChangeShown('its contribution', () =>
      sql(
        `UPDATE contributions SET jht_employee = jht_employee + 11
         WHERE kpj = (SELECT kpj FROM member_kpj WHERE member_id = ? LIMIT 1)`,
        other,
      ),
    );
    sql('UPDATE members SET merged_into_member_id = NULL WHERE id = ?', other);
  });

  it("are kept when another person's rows change", async () => {
    const other = budi();
    await readStored();
    sql("UPDATE members SET full_name = 'BUDI S' WHERE id = ?", other);
    sql("UPDATE member_contacts SET phone = '0813-1111-2222' WHERE member_id = ?", other);
    expect(viewsOf(siti)).toEqual(['kpj_balances', 'profile']);
    await expectServedEqualsComputed();
  });

  it('are computed again at midnight UTC and when the contacts fall due for reconfirmation', async () => {
    const now = server.clock.now();
    // Confirmed a year ago less two hours: due in two hours, before midnight.
    const confirmed = new Date(now.getTime() + 2 * HOUR);
    confirmed.setUTCFullYear(confirmed.getUTCFullYear() - 1);
    sql('UPDATE member_contacts SET confirmed_at = ? WHERE member_id = ?', confirmed.toISOString(), siti);
    const before = await readStored();
    const until = () =>
      sqlite().prepare('SELECT kind, valid_until FROM member_views WHERE member_id = ? ORDER BY kind').all(siti);
    const midnight = new Date(now.getTime());
    midnight.setUTCHours(24, 0, 0, 0);
    expect(until()).toEqual([
      { kind: 'kpj_balances', valid_until: midnight.toISOString() },
      { kind: 'profile', valid_until: new Date(now.getTime() + 2 * HOUR).toISOString() },
    ]);
    expect(JSON.parse(before)[0].result.data.contactsNeedReconfirmation).toBe(false);
    await advance(2 * HOUR);
    const due = await expectServedEqualsComputed();
    expect(JSON.parse(due)[0].result.data.contactsNeedReconfirmation).toBe(true);
    await readStored();
    await advance(midnight.getTime() - server.clock.now().getTime());
    await read();
    expect(sqlite().prepare('SELECT DISTINCT as_of FROM member_views WHERE member_id = ?').pluck().all(siti)).toEqual([
      midnight.toISOString(),
    ]);
    await expectServedEqualsComputed();
  });

  it('are computed again when stored by a build with another version', async () => {
    const reply = await readStored();
    sql(
      'UPDATE member_views SET version = ?, body = \'{"stale":true}\' WHERE member_id = ?',
      MEMBER_VIEWS_VERSION - 1,
      siti,
    );
    expect(await read()).toBe(reply);
    expect(sqlite().prepare('SELECT DISTINCT version FROM member_views WHERE member_id = ?').pluck().all(siti)).toEqual(
      [MEMBER_VIEWS_VERSION],
    );
  });

  it('are served to no one once the session ends', async () => {
    await readStored();
    const logout = await server.call('auth.logout', undefined, { cookie });
    expect(logout.status).toBe(200);
    const response = await server.app.request('http://localhost/trpc/member.profile', { headers: { cookie } });
    expect(response.status).toBe(401);
    expect(await response.text()).not.toContain('SITI');
    cookie = await server.loginMember(SITI, DEMO_MEMBER_PASSWORD);
  });

  it('are swept once they no longer hold', async () => {
    const { sweepExpiredMemberViews } = await import('../repositories/member-view-repository.js');
    await readStored();
    expect(sweepExpiredMemberViews(server.db, server.clock.now())).toBe(0);
    server.clock.advance(24 * HOUR);
    expect(sweepExpiredMemberViews(server.db, server.clock.now())).toBeGreaterThan(0);
    expect(viewsOf(siti)).toEqual([]);
  });
});

describe('stored member views with several processes on one file', () => {
  let opened: OpenedDatabase;
  let other: Database.Database;
  beforeAll(() => {
    const file = join(mkdtempSync(join(tmpdir(), 'pulih-views-')), 'pulih.sqlite');
    opened = openDatabase(file);
    other = new Database(file);
    other.pragma('busy_timeout = 5000');
  });
  afterAll(() => {
    other.close();
    opened.close();
  });

  it("drops a person's views when another process writes to their rows", () => {
    opened.sqlite.exec(`
      INSERT INTO members (id, full_name, status, created_at) VALUES (1, 'Dewi', 'aktif', '2020-01-01'), (2, 'Eko', 'aktif', '2020-01-01');
      INSERT INTO member_kpj (kpj, member_id, registered_at) VALUES ('30000000001', 1, '2020-01-01'), ('30000000002', 2, '2020-01-01');
      INSERT INTO employers (npp, name) VALUES ('10000001', 'PT Satu');`);
    opened.sqlite.exec('INSERT INTO jht_yield_rates (year, rate_basis_points) VALUES (2026, 500)');
    const store = (memberId: number) => {
      // As a read stores a view: with the statements of the person's cards.
      writeIfLockFree(opened.db, () => kpjBalancesOf(opened.db, memberId, '2026-11-24'));
      for (const kind of ['profile', 'kpj_balances'] as const) {
        storeMemberView(opened.db, memberId, kind, {
          asOf: '2026-11-24T00:00:00.000Z',
          validUntil: '2026-11-25T00:00:00.000Z',
          version: MEMBER_VIEWS_VERSION,
          body: '{}',
        });
      }
    };
    const views = () => opened.sqlite.prepare('SELECT member_id, kind FROM member_views ORDER BY 1, 2').all();
    store(1);
    store(2);
    other
      .prepare(
        `INSERT INTO contributions (kpj, period, npp, wage, jht_employee, jht_employer, jkk, jkm, jp_employee, jp_employer, jkp, paid_at)
         VALUES ('30000000001', '2026-10', '10000001', 5000000, 100000, 185000, 12000, 15000, 50000, 100000, 23000, '2026-11-15')`,
      )
      .run();
    expect(views()).toEqual([
      { member_id: 2, kind: 'kpj_balances' },
      { member_id: 2, kind: 'profile' },
    ]);
    other
      .prepare(
        "INSERT INTO participations (kpj, npp, segment, started_on) VALUES ('30000000002', '10000001', 'PU', '2020-01-01')",
      )
      .run();
    expect(views()).toEqual([]);
  });
});
