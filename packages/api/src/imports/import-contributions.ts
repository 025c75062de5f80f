import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import type Database from 'better-sqlite3';
import type { Clock } from '../clock.js';
import type { Db, OpenedDatabase } from '../db/database.js';
import { CONTRIBUTION_COLUMNS, type ContributionRowCheck, checkContributionRow } from './contribution-row.js';
import { findJob, type ImportJobRow } from './import-job-store.js';
import {
  DEFAULT_BATCH_ROWS,
  type ImportOutcome,
  type ImportTuning,
  outcomeOf,
  type UploadedFile,
} from './import-outcome.js';
import { encodeReportReason } from './import-report.js';
import { finishImportJob, type PendingRow, UploadBatches } from './import-run.js';
import { ImportFileError, type UploadOutcome } from './read-upload.js';

export interface ContributionsImportResult {
  readonly outcome: ImportOutcome;
  /** How many months this file turned into paid ones (0 unless it was loaded). */
  readonly newlyPaidCount: number;
}

/**
 * An NPP the registry does not know is not a reason to refuse a file (the collection system
 * knows the employer; no other feed loads employers yet): the employer is created under this
 * placeholder name, `NPP 12345678 (…)`, and the import counts it as created.
 */
export const PLACEHOLDER_EMPLOYER_SUFFIX = ' (nama belum diketahui / name not yet known)';

const AMOUNT_FIELDS = 'wage, jht_employee, jht_employer, jkk, jkm, jp_employee, jp_employer, jkp';

/**
 * The rows of one upload, staged in a SQLite file of their own attached to the connection (so
 * memory stays bounded whatever the file's size) until the whole file has been checked.
 */
class Stage {
  readonly schema = `import_stage_${randomBytes(6).toString('hex')}`;
  /** Beside the database file (a small /tmp may be memory), or the system's temporary directory. */
  private readonly dir: string;
  readonly insert: Database.Statement<unknown[]>;
  readonly lineOf: Database.Statement<[string, string, string], { line: number }>;

  constructor(private readonly sqlite: Database.Database) {
    this.dir = mkdtempSync(join(sqlite.memory ? tmpdir() : dirname(sqlite.name), 'pulih-import-'));
    sqlite.prepare(`ATTACH DATABASE ? AS ${this.schema}`).run(join(this.dir, 'stage.sqlite'));
    sqlite.exec(`
      PRAGMA ${this.schema}.journal_mode = OFF;
      PRAGMA ${this.schema}.synchronous = OFF;
      CREATE TABLE ${this.schema}.rows (
        kpj TEXT NOT NULL, period TEXT NOT NULL, npp TEXT NOT NULL,
        wage INTEGER NOT NULL, jht_employee INTEGER NOT NULL, jht_employer INTEGER NOT NULL,
        jkk INTEGER NOT NULL, jkm INTEGER NOT NULL, jp_employee INTEGER NOT NULL,
        jp_employer INTEGER NOT NULL, jkp INTEGER NOT NULL, paid_at TEXT, line INTEGER NOT NULL,
        PRIMARY KEY (kpj, period, npp)
      ) WITHOUT ROWID;
      CREATE TABLE ${this.schema}.newly_paid (
        kpj TEXT NOT NULL, period TEXT NOT NULL, npp TEXT NOT NULL, paid_at TEXT NOT NULL,
        jht_amount INTEGER NOT NULL, line INTEGER NOT NULL
      );`);
    this.insert = sqlite.prepare(
      `INSERT INTO ${this.schema}.rows (kpj, npp, period, ${AMOUNT_FIELDS}, paid_at, line)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING`,
    );
    this.lineOf = sqlite.prepare(`SELECT line FROM ${this.schema}.rows WHERE kpj = ? AND period = ? AND npp = ?`);
  }

  drop(): void {
    try {
      this.sqlite.exec(`DETACH DATABASE ${this.schema}`);
    } finally {
      rmSync(this.dir, { recursive: true, force: true });
    }
  }
}

/**
 * Loads the staged rows into `contributions`, inside the caller's transaction: creates the
 * employers the registry did not know (with a placeholder name), and inserts or updates each
 * month (an existing (kpj, period, npp) takes the file's amounts; a payment date, once recorded,
 * is never cleared). The KPJ numbers whose months became paid are queued for the members'
 * notices (`jht_notices_pending`) in the same transaction, in SQLite rather than in memory (a
 * national monthly file holds tens of millions of rows); `sendPendingJhtNotices` sends them.
 */
export function commitStagedContributions(
  sqlite: Database.Database,
  schema: string,
  queuedAt: string,
): { employersCreated: number; newlyPaidCount: number } {
  const employersCreated = sqlite
    .prepare(
      `INSERT INTO employers (npp, name)
       SELECT DISTINCT s.npp, 'NPP ' || s.npp || ? FROM ${schema}.rows s
       WHERE NOT EXISTS (SELECT 1 FROM employers e WHERE e.npp = s.npp)`,
    )
    .run(PLACEHOLDER_EMPLOYER_SUFFIX).changes;
  const newlyPaidCount = sqlite
    .prepare(
      `INSERT INTO ${schema}.newly_paid (kpj, period, npp, paid_at, jht_amount, line)
       SELECT s.kpj, s.period, s.npp, s.paid_at, s.jht_employee + s.jht_employer, s.line
       FROM ${schema}.rows s
       LEFT JOIN contributions c ON c.kpj = s.kpj AND c.period = s.period AND c.npp = s.npp
       WHERE s.paid_at IS NOT NULL AND c.paid_at IS NULL`,
    )
    .run().changes;
  sqlite
    .prepare(
      `INSERT INTO contributions (kpj, period, npp, ${AMOUNT_FIELDS}, paid_at)
       SELECT kpj, period, npp, ${AMOUNT_FIELDS}, paid_at FROM ${schema}.rows WHERE true
       ON CONFLICT (kpj, period, npp) DO UPDATE SET
         wage = excluded.wage, jht_employee = excluded.jht_employee, jht_employer = excluded.jht_employer,
         jkk = excluded.jkk, jkm = excluded.jkm, jp_employee = excluded.jp_employee,
         jp_employer = excluded.jp_employer, jkp = excluded.jkp,
         paid_at = coalesce(excluded.paid_at, contributions.paid_at)`,
    )
    .run();
  sqlite
    .prepare(
      `INSERT INTO jht_notices_pending (kpj, queued_at)
       SELECT DISTINCT kpj, ? FROM ${schema}.newly_paid WHERE true
       ON CONFLICT (kpj) DO NOTHING`,
    )
    .run(queuedAt);
  return { employersCreated, newlyPaidCount };
}

/**
 * Imports a contributions file ALL OR NOTHING: every row is checked as the file streams in
 * (format, amounts, dates, a KPJ the registry knows, no (kpj, period, npp) twice in the file)
 * and staged outside the registry; the report lists every bad row. If any row is refused,
 * nothing is loaded and the job ends `rejected`; otherwise all rows load in one transaction
 * (`commitStagedContributions`). That transaction runs synchronously: for a file of a million
 * rows it holds the server for a few seconds.
 */
export async function importContributions(
  database: OpenedDatabase,
  clock: Clock,
  job: ImportJobRow,
  staffId: number,
  file: UploadedFile,
  tuning: ImportTuning = {},
): Promise<ContributionsImportResult> {
  const { sqlite, db } = database;
  const batchRows = tuning.batchRows ?? DEFAULT_BATCH_ROWS;
  const today = clock.now().toISOString().slice(0, 10);
  const kpjKnown = sqlite.prepare<[string], { ok: number }>('SELECT 1 AS ok FROM member_kpj WHERE kpj = ?');
  const report = sqlite.prepare<[string, number, string]>(
    'INSERT OR REPLACE INTO import_rejections (job_id, line, reason) VALUES (?, ?, ?)',
  );
  const progress = sqlite.prepare<[number, number, string]>(
    `UPDATE import_jobs SET rows_read = rows_read + ?, rows_rejected = rows_rejected + ? WHERE id = ?`,
  );
  const stage = new Stage(sqlite);
  let lastLine = 0;
  let rejectedRows = 0;

  const stageBatch = sqlite.transaction((batch: PendingRow<ContributionRowCheck>[]) => {
    let rejected = 0;
    for (const { line, check } of batch) {
      let reasons: string[];
      if (!check.ok) reasons = check.reasons;
      else {
        const { row } = check;
        reasons = [];
        if (!kpjKnown.get(row.kpj)) reasons.push('unknown KPJ');
        else if (stage.insert.run(row.kpj, row.npp, row.period, ...row.amounts, row.paidAt, line).changes === 0) {
          const first = stage.lineOf.get(row.kpj, row.period, row.npp)?.line;
          reasons.push(`duplicate of line ${first} (same kpj, period and npp)`);
        }
      }
      if (reasons.length > 0) {
        report.run(job.id, line, encodeReportReason('rejected', reasons));
        rejected++;
      }
    }
    progress.run(batch.length, rejected, job.id);
    return rejected;
  });
  const upload = new UploadBatches({
    columns: CONTRIBUTION_COLUMNS,
    skipThroughLine: 0,
    check: (fields) => checkContributionRow(fields, today),
    batchRows: () => batchRows,
    commit(batch) {
      rejectedRows += stageBatch(batch);
      lastLine = (batch[batch.length - 1] as PendingRow<ContributionRowCheck>).line;
    },
  });

  try {
    let outcome: UploadOutcome;
    try {
      outcome = await upload.read(file, tuning);
    } catch (error) {
      const message =
        error instanceof ImportFileError ? error.message : 'the import failed on the server; nothing was loaded';
      stop(db, clock, job, staffId, 'failed', message);
      throw error;
    }
    if (!outcome.complete) {
      stop(
        db,
        clock,
        job,
        staffId,
        'failed',
        'the upload stopped before the end; nothing was loaded; send the file again',
      );
      return { outcome: outcomeOf(findJob(db, job.id) as ImportJobRow), newlyPaidCount: 0 };
    }
    if (outcome.sha256 !== job.fileSha256) {
      stop(db, clock, job, staffId, 'failed', 'the file received differs from the one announced; nothing was loaded');
      return { outcome: outcomeOf(findJob(db, job.id) as ImportJobRow), newlyPaidCount: 0 };
    }
    if (rejectedRows > 0) {
      stop(db, clock, job, staffId, 'rejected', `${rejectedRows} rows refused: nothing was loaded`);
      return { outcome: outcomeOf(findJob(db, job.id) as ImportJobRow), newlyPaidCount: 0 };
    }
    const loaded = sqlite.transaction(() => {
      // A KPJ may have disappeared since its row was checked (a concurrent change): check again.
      const gone = sqlite
        .prepare<[], { line: number }>(
          `SELECT line FROM ${stage.schema}.rows s WHERE NOT EXISTS (SELECT 1 FROM member_kpj k WHERE k.kpj = s.kpj) ORDER BY line`,
        )
        .all();
      if (gone.length > 0) {
        for (const { line } of gone) report.run(job.id, line, encodeReportReason('rejected', ['unknown KPJ']));
        progress.run(0, gone.length, job.id);
        return null;
      }
      const committed = commitStagedContributions(sqlite, stage.schema, clock.now().toISOString());
      sqlite
        .prepare<[number, string]>(
          'UPDATE import_jobs SET rows_accepted = rows_read, last_committed_line = ? WHERE id = ?',
        )
        .run(lastLine, job.id);
      finishImportJob(db, job, staffId, 'completed', null, clock.now(), () => ({
        employersCreated: committed.employersCreated,
      }));
      return committed;
    })();
    if (!loaded) {
      stop(db, clock, job, staffId, 'rejected', 'rows refused: nothing was loaded');
      return { outcome: outcomeOf(findJob(db, job.id) as ImportJobRow), newlyPaidCount: 0 };
    }
    return {
      outcome: outcomeOf(findJob(db, job.id) as ImportJobRow, { employersCreated: loaded.employersCreated }),
      newlyPaidCount: loaded.newlyPaidCount,
    };
  } finally {
    stage.drop();
  }
}

function stop(db: Db, clock: Clock, job: ImportJobRow, staffId: number, state: 'rejected' | 'failed', error: string) {
  db.transaction((tx) => finishImportJob(tx, job, staffId, state, error, clock.now()));
}
