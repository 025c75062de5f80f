import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { setImmediate as yieldToEventLoop } from 'node:timers/promises';
import type Database from 'better-sqlite3';
import type { Clock } from '../clock.js';
import type { OpenedDatabase } from '../db/database.js';
import { TimedBatchSize } from './batch-size.js';
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

/** The name an employer gets until a feed names it (what the load below writes in SQL). */
export const placeholderEmployerName = (npp: string): string => `NPP ${npp}${PLACEHOLDER_EMPLOYER_SUFFIX}`;

const AMOUNT_FIELDS = 'wage, jht_employee, jht_employer, jkk, jkm, jp_employee, jp_employer, jkp';
const AMOUNT_FIELDS_OF_S = AMOUNT_FIELDS.split(', ')
  .map((field) => `s.${field}`)
  .join(', ');

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
      ) WITHOUT ROWID;`);
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
 * How long one load transaction should hold the server: the write lock every process waits for,
 * and this process's event loop. The load grows or shrinks its chunks towards it.
 */
export const LOAD_CHUNK_TARGET_MS = 100;
const MIN_LOAD_ROWS = 500;
const MAX_LOAD_ROWS = 50_000;

/** What one chunk of a load wrote. */
export interface LoadedChunk {
  /** Rows written to `contributions`. */
  readonly loaded: number;
  /** Months that became paid (a paid date where the registry had none). */
  readonly newlyPaid: number;
  readonly employersCreated: number;
  /** Lines whose KPJ the registry no longer knows (removed after the row was checked). */
  readonly goneLines: readonly number[];
  /** The last KPJ of the chunk: the next chunk starts after it; null when the stage is done. */
  readonly through: string | null;
}

/**
 * Loads the staged rows of the next KPJ range into `contributions`, inside the caller's
 * transaction: about `rows` rows, whole KPJ numbers only (a card's months load together), the
 * range after `after` (null: from the first). Creates the employers the registry did not know
 * (with a placeholder name), and inserts or updates each month (an existing (kpj, period, npp)
 * takes the file's amounts; a payment date, once recorded, is never cleared), so loading a range
 * twice writes the same values again. The KPJ numbers whose months became paid are queued for the
 * members' notices (`jht_notices_pending`) in the same transaction, in SQLite rather than in
 * memory (a national monthly file holds tens of millions of rows); `sendPendingJhtNotices` sends
 * them. A row whose KPJ disappeared since it was checked is not loaded; its line is returned.
 */
export function loadStagedContributions(
  sqlite: Database.Database,
  schema: string,
  range: { readonly after: string | null; readonly rows: number },
  queuedAt: string,
): LoadedChunk {
  const after = range.after ?? '';
  const nth = sqlite
    .prepare<[string, number], string>(`SELECT kpj FROM ${schema}.rows WHERE kpj > ? ORDER BY kpj LIMIT 1 OFFSET ?`)
    .pluck()
    .get(after, Math.max(0, range.rows - 1)) as string | undefined;
  // The chunk is kpj in (after, last]: up to the card of the chunk's last row, or to the end.
  const last = nth ?? (sqlite.prepare(`SELECT max(kpj) FROM ${schema}.rows`).pluck().get() as string | null) ?? after;
  const inChunk = 's.kpj > @after AND s.kpj <= @last';
  const bounds = { after, last };
  const goneLines = sqlite
    .prepare<[typeof bounds], number>(
      `SELECT s.line FROM ${schema}.rows s
       WHERE ${inChunk} AND NOT EXISTS (SELECT 1 FROM member_kpj k WHERE k.kpj = s.kpj) ORDER BY s.line`,
    )
    .pluck()
    .all(bounds) as number[];
  const known = `${inChunk} AND EXISTS (SELECT 1 FROM member_kpj k WHERE k.kpj = s.kpj)`;
  const employersCreated = sqlite
    .prepare(
      `INSERT INTO employers (npp, name)
       SELECT DISTINCT s.npp, 'NPP ' || s.npp || @suffix FROM ${schema}.rows s
       WHERE ${known} AND NOT EXISTS (SELECT 1 FROM employers e WHERE e.npp = s.npp)`,
    )
    .run({ ...bounds, suffix: PLACEHOLDER_EMPLOYER_SUFFIX }).changes;
  // Months paid in the file and not yet in the registry: read before the upsert records them.
  const becomesPaid = `FROM ${schema}.rows s
       LEFT JOIN contributions c ON c.kpj = s.kpj AND c.period = s.period AND c.npp = s.npp
       WHERE ${known} AND s.paid_at IS NOT NULL AND c.paid_at IS NULL`;
  const newlyPaid = sqlite.prepare(`SELECT count(*) ${becomesPaid}`).pluck().get(bounds) as number;
  if (newlyPaid > 0)
    sqlite
      .prepare(
        `INSERT INTO jht_notices_pending (kpj, queued_at)
         SELECT DISTINCT s.kpj, @queuedAt ${becomesPaid}
         ON CONFLICT (kpj) DO NOTHING`,
      )
      .run({ ...bounds, queuedAt });
  const loaded = sqlite
    .prepare(
      `INSERT INTO contributions (kpj, period, npp, ${AMOUNT_FIELDS}, paid_at)
       SELECT s.kpj, s.period, s.npp, ${AMOUNT_FIELDS_OF_S}, s.paid_at FROM ${schema}.rows s WHERE ${known}
       ON CONFLICT (kpj, period, npp) DO UPDATE SET
         wage = excluded.wage, jht_employee = excluded.jht_employee, jht_employer = excluded.jht_employer,
         jkk = excluded.jkk, jkm = excluded.jkm, jp_employee = excluded.jp_employee,
         jp_employer = excluded.jp_employer, jkp = excluded.jkp,
         paid_at = coalesce(excluded.paid_at, contributions.paid_at)`,
    )
    .run(bounds).changes;
  return { loaded, newlyPaid, employersCreated, goneLines, through: nth ?? null };
}

/**
 * Imports a contributions file ALL OR NOTHING: every row is checked as the file streams in
 * (format, amounts, dates, a KPJ the registry knows, no (kpj, period, npp) twice in the file)
 * and staged outside the registry; the report lists every bad row. If any row is refused,
 * nothing is loaded and the job ends `rejected`. Otherwise the staged rows load in KPJ order,
 * in chunks of about `LOAD_CHUNK_TARGET_MS` each (`loadStagedContributions`), the job counting
 * the rows loaded as it goes: other requests, and other processes' writers, get their turn
 * between chunks instead of waiting for the whole file (a national monthly file would hold the
 * server for minutes). If the load stops half-way (the server stopped or failed), the job says
 * how far it got and the same file sent again loads from the start: a loaded month is written
 * again with the same values and is not "newly paid" twice.
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
  const loadProgress = sqlite.prepare<[number, number, string]>(
    `UPDATE import_jobs SET rows_accepted = rows_accepted + ?, rows_rejected = rows_rejected + ? WHERE id = ?`,
  );
  const stage = new Stage(sqlite);
  /** Ends the job without loading (or after a load that could not finish), with its audit entry. */
  const stop = (state: 'rejected' | 'failed', error: string): null => {
    db.transaction((tx) => finishImportJob(tx, job, staffId, state, error, clock.now()));
    return null;
  };
  /** The job as it ended, with what the load wrote (nothing when it did not run). */
  const ended = (loaded: { employersCreated: number; newlyPaid: number } | null): ContributionsImportResult => ({
    outcome: outcomeOf(
      findJob(db, job.id) as ImportJobRow,
      loaded ? { employersCreated: loaded.employersCreated } : undefined,
    ),
    newlyPaidCount: loaded?.newlyPaid ?? 0,
  });
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
  const loadChunk = sqlite.transaction((after: string | null, rows: number, queuedAt: string) => {
    const chunk = loadStagedContributions(sqlite, stage.schema, { after, rows }, queuedAt);
    for (const line of chunk.goneLines)
      report.run(job.id, line, encodeReportReason('rejected', ['unknown KPJ (removed during the import)']));
    loadProgress.run(chunk.loaded, chunk.goneLines.length, job.id);
    return chunk;
  });
  /** Loads the whole stage, chunk by chunk, yielding to other requests between chunks. */
  const loadStage = async () => {
    let after: string | null = null;
    const sized = new TimedBatchSize(LOAD_CHUNK_TARGET_MS, MIN_LOAD_ROWS, MAX_LOAD_ROWS, MIN_LOAD_ROWS * 4);
    const total = { loaded: 0, newlyPaid: 0, employersCreated: 0, goneLines: [] as number[] };
    try {
      for (;;) {
        const started = performance.now();
        const rows = tuning.loadRows ?? sized.rows;
        const chunk = loadChunk.immediate(after, rows, clock.now().toISOString());
        // A chunk holds whole cards: at least the rows asked for, unless the stage ran out.
        sized.took(chunk.through === null ? 0 : rows, performance.now() - started);
        total.loaded += chunk.loaded;
        total.newlyPaid += chunk.newlyPaid;
        total.employersCreated += chunk.employersCreated;
        total.goneLines.push(...chunk.goneLines);
        if (chunk.through === null) return total;
        after = chunk.through;
        await yieldToEventLoop();
      }
    } catch (error) {
      stop(
        'failed',
        `the load stopped after ${total.loaded} rows (they stay loaded); send the same file again to load it all`,
      );
      throw error;
    }
  };
  const upload = new UploadBatches({
    columns: CONTRIBUTION_COLUMNS,
    skipThroughLine: 0,
    check: (fields) => checkContributionRow(fields, today),
    batchRows: () => batchRows,
    commit(batch) {
      rejectedRows += stageBatch.immediate(batch);
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
      stop('failed', message);
      throw error;
    }
    if (!outcome.complete)
      return ended(stop('failed', 'the upload stopped before the end; nothing was loaded; send the file again'));
    if (outcome.sha256 !== job.fileSha256)
      return ended(stop('failed', 'the file received differs from the one announced; nothing was loaded'));
    if (rejectedRows > 0) return ended(stop('rejected', `${rejectedRows} rows refused: nothing was loaded`));
    const loaded = await loadStage();
    if (loaded.goneLines.length > 0) {
      const gone = loaded.goneLines.length;
      stop('failed', `${gone} rows not loaded: their KPJ was removed during the import; the others were loaded`);
    } else
      db.transaction((tx) => {
        sqlite
          .prepare<[number, string]>('UPDATE import_jobs SET last_committed_line = ? WHERE id = ?')
          .run(lastLine, job.id);
        finishImportJob(tx, job, staffId, 'completed', null, clock.now(), () => ({
          employersCreated: loaded.employersCreated,
        }));
      });
    return ended(loaded);
  } finally {
    stage.drop();
  }
}
