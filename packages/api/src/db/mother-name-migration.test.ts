import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import { drizzle } from 'drizzle-orm/better-sqlite3';
import { migrate } from 'drizzle-orm/better-sqlite3/migrator';
import { afterEach, describe, expect, it } from 'vitest';
import { motherNameDigest } from '../security/identity-digest.js';
import { deriveSecretBoxKey, openSecret, sealSecret } from '../security/secret-box.js';
import { DatabaseUnusableError, openDatabase } from './database.js';

const migrations = fileURLToPath(new URL('../../drizzle', import.meta.url));
const identityKey = deriveSecretBoxKey('migration-test-secret-migration-test-secret', 'pulih:identity-digests');
const documentKey = deriveSecretBoxKey('migration-test-secret-migration-test-secret', 'pulih:claim-documents');
const keys = { identityKey, documentKeys: [documentKey] };
const dirs: string[] = [];

afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/**
 * A database as the version before 0007 left it: mothers' names in clear, and a pending
 * correction of one whose stated value is sealed in clear form.
 */
function databaseOfTheOldVersion(): string {
  const dir = mkdtempSync(join(tmpdir(), 'pulih-migration-'));
  dirs.push(dir);
  const folder = join(dir, 'drizzle');
  cpSync(migrations, folder, { recursive: true });
  const journalFile = join(folder, 'meta', '_journal.json');
  const journal = JSON.parse(readFileSync(journalFile, 'utf8')) as { entries: { idx: number }[] };
  journal.entries = journal.entries.filter((entry) => entry.idx <= 6);
  writeFileSync(journalFile, JSON.stringify(journal));
  const file = join(dir, 'pulih.sqlite');
  const sqlite = new Database(file);
  migrate(drizzle(sqlite), { migrationsFolder: folder });
  const at = '2026-11-01T00:00:00.000Z';
  const member = sqlite.prepare(
    'INSERT INTO members (nik, full_name, birth_date, sex, mother_name, status, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)',
  );
  member.run('3273015708900001', 'SITI RAHAYU', '1990-08-17', 'P', 'Hj. Soemarni Prawirodirdjo', 'aktif', at);
  member.run('3174051203850002', 'BUDI SANTOSO', '1985-03-12', 'L', null, 'aktif', at);
  sqlite
    .prepare(
      `INSERT INTO jht_claim_documents (id, member_id, kind, content_type, size_bytes, sha256, storage_key, uploaded_by, uploaded_at, retain_until)
       VALUES ('doc-1', 1, 'correction_kk', 'application/pdf', 10, 'x', 'doc-1', 'member:1', ?, '2036-01-01')`,
    )
    .run(at);
  sqlite
    .prepare(
      `INSERT INTO correction_requests (id, member_id, field, requested_value_encrypted, evidence_kind, evidence_document_id, state, open_key, requested_at, due_at)
       VALUES ('KOR-AAAA-BBBB', 1, 'mother_name', ?, 'kk', 'doc-1', 'pending', '1:mother_name', ?, ?)`,
    )
    .run(sealSecret(documentKey, 'SUMARNI WATI PRAWIRODIRDJO'), at, at);
  sqlite.close();
  return file;
}

describe("migration 0007/0008: mothers' names leave the database in clear", () => {
  it("turns every mother's name into its keyed digest, re-seals pending corrections, and drops the clear column", () => {
    const file = databaseOfTheOldVersion();
    const opened = openDatabase(file, { keys });
    const columns = opened.sqlite.prepare('SELECT name FROM pragma_table_info(?)').pluck().all('members');
    expect(columns).not.toContain('mother_name');
    const rows = opened.sqlite.prepare('SELECT nik, mother_name_digest AS digest FROM members ORDER BY id').all();
    expect(rows).toEqual([
      { nik: '3273015708900001', digest: motherNameDigest(identityKey, 'SUMARNI PRAWIRODIRDJO') },
      { nik: '3174051203850002', digest: null },
    ]);
    const sealed = opened.sqlite
      .prepare('SELECT requested_value_encrypted FROM correction_requests')
      .pluck()
      .get() as string;
    expect(openSecret(documentKey, sealed)).toBe(motherNameDigest(identityKey, 'SUMARNI WATI PRAWIRODIRDJO'));
    opened.close();
    // Nothing of the names is left in the file, not even in freed pages.
    expect(readFileSync(file).includes('PRAWIRODIRDJO')).toBe(false);
    expect(readFileSync(file).includes('Prawirodirdjo')).toBe(false);
  });

  it('refuses to migrate such a database without the keys, and leaves it as it was', () => {
    const file = databaseOfTheOldVersion();
    expect(() => openDatabase(file)).toThrow(DatabaseUnusableError);
    expect(() => openDatabase(file)).toThrow(/PULIH_IDENTITY_KEY/);
    const sqlite = new Database(file);
    expect(sqlite.prepare('SELECT mother_name FROM members WHERE id = 1').pluck().get()).toBe(
      'Hj. Soemarni Prawirodirdjo',
    );
    sqlite.close();
    const opened = openDatabase(file, { keys });
    expect(
      opened.sqlite.prepare('SELECT count(*) FROM members WHERE mother_name_digest IS NOT NULL').pluck().get(),
    ).toBe(1);
    opened.close();
  });

  it('migrates a fresh database without any key', () => {
    const opened = openDatabase(':memory:');
    expect(opened.sqlite.prepare('SELECT count(*) FROM members').pluck().get()).toBe(0);
    opened.close();
  });
});
