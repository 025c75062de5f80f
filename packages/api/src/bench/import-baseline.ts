/**
 * The baseline of `pnpm bench:import`: the same members file, read with the same CSV splitter
 * and row checks, inserted into the same tables and indexes of a fresh database (the real
 * migrations, the import's page cache) by a plain loop of prepared statements in large
 * transactions: no HTTP, no job, no report, no resumability. Prints one JSON line: rows, seconds, peak RSS.
 *
 *   node packages/api/dist/bench/import-baseline.js MEMBERS.csv DATABASE.sqlite
 */
import { createReadStream } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { locateColumns, MEMBER_CSV_COLUMNS } from '@pulih/domain';
import { openDatabase } from '../db/database.js';
import { Utf8CsvSplitter } from '../imports/csv-records.js';
import { IMPORT_CACHE_KIB } from '../imports/import-cache.js';
import { checkMemberRow, type MemberRow, NIK_NEEDS_CORRECTION } from '../imports/member-row.js';
import { deriveSecretBoxKey } from '../security/secret-box.js';

const [file, databaseFile] = process.argv.slice(2);
if (!file || !databaseFile) {
  console.error('usage: import-baseline.js MEMBERS.csv DATABASE.sqlite');
  process.exit(2);
}

const TRANSACTION_ROWS = 50_000;
/** The import under test digests mothers' names with the server's key; the baseline does the same work. */
const IDENTITY_KEY = deriveSecretBoxKey('pulih-bench-import-baseline-secret-0000', 'pulih:identity-digests');
const database = openDatabase(databaseFile);
const { sqlite } = database;
sqlite.pragma(`cache_size = -${IMPORT_CACHE_KIB}`);
const insertMember = sqlite.prepare(
  `INSERT INTO members (nik, full_name, birth_date, sex, mother_name_digest, status, status_reason, created_at)
   VALUES (?, ?, ?, ?, ?, 'aktif', ?, ?) ON CONFLICT (nik) DO NOTHING`,
);
const memberByNik = sqlite.prepare<[string], { id: number }>('SELECT id FROM members WHERE nik = ?');
const insertKpj = sqlite.prepare('INSERT OR IGNORE INTO member_kpj (kpj, member_id, registered_at) VALUES (?, ?, ?)');
const insertContacts = sqlite.prepare(
  'INSERT OR IGNORE INTO member_contacts (member_id, email, phone, updated_at) VALUES (?, ?, ?, ?)',
);

const started = performance.now();
const now = new Date().toISOString();
const today = now.slice(0, 10);
let rows = 0;
let pending: MemberRow[] = [];
const write = sqlite.transaction((batch: MemberRow[]) => {
  for (const row of batch) {
    const inserted = insertMember.run(
      row.nik,
      row.fullName,
      row.birthDate,
      row.sex,
      row.motherNameDigest,
      row.nik === null ? NIK_NEEDS_CORRECTION : null,
      now,
    );
    const memberId =
      inserted.changes === 1 ? Number(inserted.lastInsertRowid) : (memberByNik.get(row.nik as string)?.id ?? 0);
    insertKpj.run(row.kpj, memberId, today);
    if (row.phone !== null || row.email !== null) insertContacts.run(memberId, row.email, row.phone, now);
  }
});
let at: readonly number[] | null = null;
const fields: string[] = [];
const splitter = new Utf8CsvSplitter({
  record(raw) {
    if (at === null) {
      const located = locateColumns(raw, MEMBER_CSV_COLUMNS);
      if (!located.ok) throw new Error(`bad header: ${located.missing.join(',')}`);
      at = located.at;
      return;
    }
    rows++;
    for (let i = 0; i < at.length; i++) fields[i] = raw[at[i] as number] ?? '';
    const check = checkMemberRow(fields, IDENTITY_KEY);
    if (!check.ok) return;
    pending.push(check.row);
    if (pending.length >= TRANSACTION_ROWS) {
      write(pending);
      pending = [];
    }
  },
  broken() {},
});
for await (const chunk of createReadStream(file, { highWaterMark: 1 << 20 }) as AsyncIterable<Buffer>)
  splitter.push(chunk);
splitter.end();
write(pending);
const seconds = (performance.now() - started) / 1000;
const kpjs = (sqlite.prepare('SELECT count(*) AS n FROM member_kpj').get() as { n: number }).n;
database.close();
const usage = process.resourceUsage();
const cpuSeconds = (usage.userCPUTime + usage.systemCPUTime) / 1e6;
console.log(JSON.stringify({ rows, kpjs, seconds, cpuSeconds, peakRssMb: usage.maxRSS / 1024 }));
