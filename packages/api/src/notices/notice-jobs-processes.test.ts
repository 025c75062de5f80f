/**
 * Several server processes on one database file run the six-hourly JHT notice jobs at the same
 * moment (docs/SCALING.md, "Scheduled jobs"). Each job reads its pages in the IMMEDIATE
 * transaction that handles them, so the processes take turns: every payer, every due person and
 * every range of participations is handled by exactly one of them, none fails on a stale
 * snapshot, and nobody is told anything twice. Real processes run the built code
 * (`dist/test-support/notice-jobs-child.js`).
 */
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../db/database.js';
import { seedDemo } from '../demo/seed-demo.js';
import { builtChild, runBuiltChild } from '../test-support/built-child.js';
import type { JhtNoticeJobsRun } from './jht-notice-jobs.js';

const { path: CHILD, built: BUILT, title } = builtChild('test-support/notice-jobs-child.js');
const NOW = new Date('2026-11-24T08:00:00Z');
const dir = mkdtempSync(join(tmpdir(), 'pulih-notice-jobs-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const runChild = async (file: string): Promise<JhtNoticeJobsRun> =>
  JSON.parse(await runBuiltChild(CHILD, [file, NOW.toISOString()])) as JhtNoticeJobsRun;

describe.skipIf(!BUILT)(title('JHT notice jobs run by three processes at once'), () => {
  it('handles every payer, due person and participation once, and tells nobody twice', async () => {
    const file = join(dir, 'pulih.sqlite');
    const opened = openDatabase(file);
    await seedDemo(opened.db, randomBytes(32), 1_500, NOW);
    // Every generated member employed since 2020 (the triggers make each one due), and every
    // card queued as a contributions import queues its payers.
    opened.sqlite.exec(`
        INSERT INTO participations (kpj, npp, segment, started_on)
          SELECT kpj, '10000001', 'PU', '2020-01-01' FROM member_kpj WHERE kpj NOT IN (SELECT kpj FROM participations);
        INSERT INTO jht_notices_pending (kpj, queued_at) SELECT kpj, '${NOW.toISOString()}' FROM member_kpj;`);
    const count = (sql: string) => (opened.sqlite.prepare(sql).pluck().get() as number) ?? 0;
    const payers = count('SELECT count(*) FROM jht_notices_pending');
    const lastParticipation = count('SELECT max(id) FROM participations');
    opened.close();

    const runs = await Promise.all([runChild(file), runChild(file), runChild(file)]);

    const reopened = openDatabase(file);
    try {
      const after = (sql: string) => reopened.sqlite.prepare(sql).pluck().get() as number;
      const persons = after('SELECT count(*) FROM membership_checks');
      expect(payers).toBeGreaterThan(1_000);
      expect(after('SELECT count(*) FROM jht_notices_pending')).toBe(0);
      // Each due person checked by exactly one process (a payer's page and a due person's page
      // are read under the write lock): the checks add up to the persons, never more.
      expect(runs.reduce((n, r) => n + r.checks.checked, 0)).toBe(persons);
      expect(runs.every((r) => r.checks.failed === 0)).toBe(true);
      expect(after("SELECT count(*) FROM membership_checks WHERE due_on <= '2026-11-24'")).toBe(0);
      // The participations read once between them, and the month finished.
      expect(runs.reduce((n, r) => n + r.missing.scanned, 0)).toBe(lastParticipation);
      expect(after('SELECT count(*) FROM missing_contribution_scans WHERE finished_at IS NOT NULL')).toBe(1);
      // Nobody told the same thing twice.
      expect(
        after(
          'SELECT count(*) FROM (SELECT recipient, template, subject FROM outbox GROUP BY 1, 2, 3 HAVING count(*) > 1)',
        ),
      ).toBe(0);
      expect(after('SELECT count(*) FROM outbox')).toBeGreaterThan(0);
    } finally {
      reopened.close();
    }
  }, 120_000);
});
