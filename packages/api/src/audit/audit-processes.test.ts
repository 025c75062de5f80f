/**
 * Several server processes on one database file append to the audit chain at once
 * (docs/SCALING.md, "Several API processes on one database"). Each entry links to the hash of
 * the one before it, so reading the head and writing the next entry must not interleave with
 * another process doing the same: a fork (two entries after one head) would make
 * `pulih audit verify` report a broken chain although nobody tampered with it. Real processes
 * run the built code (`dist/test-support/audit-append-child.js`).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../db/database.js';
import { builtChild, runBuiltChild } from '../test-support/built-child.js';
import { verifyAuditChain } from './audit-chain.js';

const { path: CHILD, built: BUILT, title } = builtChild('test-support/audit-append-child.js');
const dir = mkdtempSync(join(tmpdir(), 'pulih-audit-processes-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const PER_PROCESS = 400;

describe.skipIf(!BUILT)(title('the audit chain appended by three processes at once'), () => {
  it('stays one unbroken chain holding every entry of every process', async () => {
    const file = join(dir, 'pulih.sqlite');
    openDatabase(file).close();

    await Promise.all(['a', 'b', 'c'].map((label) => runBuiltChild(CHILD, [file, String(PER_PROCESS), label])));

    const opened = openDatabase(file);
    try {
      const perProcess = opened.sqlite
        .prepare("SELECT actor_id, count(*) AS n FROM audit_log WHERE action = 'test.appended' GROUP BY 1 ORDER BY 1")
        .all();
      expect(perProcess).toEqual([
        { actor_id: 'a', n: PER_PROCESS },
        { actor_id: 'b', n: PER_PROCESS },
        { actor_id: 'c', n: PER_PROCESS },
      ]);
      expect(opened.sqlite.prepare('SELECT count(*) - count(DISTINCT prev_hash) FROM audit_log').pluck().get()).toBe(0);
      expect(verifyAuditChain(opened.db)).toEqual({ ok: true, entries: 3 * PER_PROCESS });
    } finally {
      opened.close();
    }
  }, 60_000);
});
