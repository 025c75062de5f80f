import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DatabaseUnusableError, openDatabase } from './database.js';

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
