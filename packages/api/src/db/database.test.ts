import { mkdtempSync, writeFileSync } from 'node:fs';
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
