import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createApp } from '../app.js';
import { loadConfig } from '../env.js';
import { DatabaseUnusableError, openDatabase } from './database.js';
import { checkIntegrityInBackground } from './integrity-check.js';

describe('openDatabase', () => {
  it('creates a missing file, applies the migrations and switches on WAL and foreign keys', () => {
    const file = join(mkdtempSync(join(tmpdir(), 'pulih-db-')), 'pulih.sqlite');
    const opened = openDatabase(file);
    const raw = opened.sqlite;
    expect(raw.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(raw.pragma('foreign_keys', { simple: true })).toBe(1);
    const tables = raw.prepare("select name from sqlite_master where type = 'table'").all() as { name: string }[];
    expect(tables.map((t) => t.name)).toEqual(
      expect.arrayContaining([
        'members',
        'member_kpj',
        'member_contacts',
        'accounts',
        'sessions',
        'audit_log',
        'outbox',
      ]),
    );
    opened.close();
    // Opening again applies nothing twice.
    openDatabase(file).close();
  });

  it('refuses a file that is not a SQLite database', () => {
    const file = join(mkdtempSync(join(tmpdir(), 'pulih-db-')), 'pulih.sqlite');
    writeFileSync(file, 'this is not a database, just some text that is long enough to look like a header...');
    expect(() => openDatabase(file)).toThrow(DatabaseUnusableError);
    expect(() => openDatabase(file)).toThrow(/cannot use the database .*pulih\.sqlite: file is not a database/);
  });
});

describe('integrity checks', () => {
  const testConfig = () => {
    const loaded = loadConfig(
      { NODE_ENV: 'test', PULIH_SECRET: 'test-secret-test-secret-test-secret-00', PULIH_DEMO: '1' },
      'start',
    );
    if (!loaded.ok) throw new Error(loaded.message);
    return loaded.config;
  };

  /** A file database with a table of several pages, closed, with one page of that table overwritten. */
  function damagedFile(): string {
    const file = join(mkdtempSync(join(tmpdir(), 'pulih-db-')), 'pulih.sqlite');
    const opened = openDatabase(file);
    const insert = opened.sqlite.prepare('INSERT INTO employers (npp, name) VALUES (?, ?)');
    opened.sqlite.transaction(() => {
      for (let i = 0; i < 3000; i++) insert.run(String(10_000_000 + i), `PT Contoh ${i} ${'x'.repeat(40)}`);
    })();
    const page = opened.sqlite
      .prepare(
        "SELECT pageno FROM dbstat WHERE name = 'employers' AND pagetype = 'leaf' ORDER BY pageno LIMIT 1 OFFSET 5",
      )
      .pluck()
      .get() as number;
    opened.sqlite.pragma('wal_checkpoint(TRUNCATE)');
    opened.close();
    const pageSize = 4096;
    const bytes = readFileSync(file);
    bytes.fill(0xa5, (page - 1) * pageSize + 8, page * pageSize);
    writeFileSync(file, bytes);
    return file;
  }

  it('checks a file up to the limit in full as it opens, and refuses a damaged one', () => {
    const file = damagedFile();
    expect(() => openDatabase(file)).toThrow(DatabaseUnusableError);
    expect(() => openDatabase(file)).toThrow(/integrity check failed|malformed/);
  });

  it('opens a larger file at once and finds the damage in the background, turning /healthz to 503', async () => {
    const file = damagedFile();
    const opened = openDatabase(file, { fullCheckAtOpenUpTo: 0 });
    expect(opened.checkedAtOpen).toBe(false);
    const logged: string[][] = [];
    const check = checkIntegrityInBackground(file, (problems) => logged.push([...problems]));
    expect(check.state()).toEqual({ state: 'checking' });
    const app = createApp({ database: opened, config: testConfig(), integrity: check });
    const during = await app.request('http://localhost/healthz');
    expect(await during.json()).toMatchObject({ ok: true, integrity: 'checking' });
    const found = await check.done;
    expect(found.state).toBe('failed');
    expect(logged).toHaveLength(1);
    const after = await app.request('http://localhost/healthz');
    expect(after.status).toBe(503);
    expect(await after.json()).toMatchObject({ ok: false, database: 'damaged', integrity: 'failed' });
    opened.close();
  });

  it('finds nothing wrong with a sound file, and /healthz says so', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'pulih-db-')), 'pulih.sqlite');
    openDatabase(file).close();
    const opened = openDatabase(file, { fullCheckAtOpenUpTo: 0 });
    expect(opened.checkedAtOpen).toBe(false);
    const check = checkIntegrityInBackground(file);
    expect(await check.done).toEqual({ state: 'ok' });
    const app = createApp({ database: opened, config: testConfig(), integrity: check });
    const reply = await app.request('http://localhost/healthz');
    expect(reply.status).toBe(200);
    expect(await reply.json()).toMatchObject({ ok: true, database: 'ok', integrity: 'ok' });
    opened.close();
  });
});

describe('transactions take the write lock when they begin', () => {
  it('lets a transaction that reads and then writes finish while another connection on the file wanted to write in between', () => {
    const dir = mkdtempSync(join(tmpdir(), 'pulih-lock-'));
    const file = join(dir, 'pulih.sqlite');
    const first = openDatabase(file);
    const second = openDatabase(file);
    second.sqlite.pragma('busy_timeout = 0');
    const at = '2026-11-24T08:00:00.000Z';
    first.sqlite.prepare("INSERT INTO employers (npp, name) VALUES ('12345678', 'PT Awal')").run();
    let refused: unknown = null;
    first.db.transaction(() => {
      const name = first.sqlite.prepare("SELECT name FROM employers WHERE npp = '12345678'").pluck().get();
      // The other process writes between this read and this write: it has to wait its turn.
      try {
        second.sqlite.prepare("UPDATE employers SET name = 'PT Lain' WHERE npp = '12345678'").run();
      } catch (error) {
        refused = error;
      }
      first.sqlite.prepare("UPDATE employers SET name = ? WHERE npp = '12345678'").run(`${String(name)} ${at}`);
    });
    expect(String(refused)).toMatch(/locked|busy/i);
    expect(first.sqlite.prepare("SELECT name FROM employers WHERE npp = '12345678'").pluck().get()).toBe(
      `PT Awal ${at}`,
    );
    // A caller may still ask for a deferred transaction explicitly.
    expect(first.db.transaction(() => 1, { behavior: 'deferred' })).toBe(1);
    first.close();
    second.close();
    rmSync(dir, { recursive: true, force: true });
  });
});
