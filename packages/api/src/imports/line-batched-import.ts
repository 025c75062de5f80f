import { performance } from 'node:perf_hooks';
import type Database from 'better-sqlite3';
import type { Clock } from '../clock.js';
import type { OpenedDatabase } from '../db/database.js';
import { TimedBatchSize } from './batch-size.js';
import { findJob, type ImportJobRow } from './import-job-store.js';
import {
  DEFAULT_BATCH_ROWS,
  type ImportOutcome,
  ImportTakenOverError,
  type ImportTuning,
  outcomeOf,
  type UploadedFile,
} from './import-outcome.js';
import { encodeReportReason } from './import-report.js';
import { finishImportJob, type PendingRow, type RefusedRow, UploadBatches } from './import-run.js';
import { ImportFileError, type UploadOutcome } from './read-upload.js';

/** What writing one checked row did: refused it (with the reason), or wrote it, with notes. */
export type AppliedRow = { readonly rejected: string } | { readonly notes: readonly string[] };

/** A checked row: what the import writes, or why it cannot. */
export type RowCheck<R> = { readonly ok: true; readonly row: R } | RefusedRow;

/** The kind-specific half of an import that commits a file line by line, in batches. */
export interface LineBatchedImport<R> {
  readonly columns: readonly string[];
  /** Checks one row on its own (fields in `columns` order). */
  readonly check: (fields: readonly string[]) => RowCheck<R>;
  /** Writes one checked row, inside the batch's transaction; `now` is the batch's ISO instant. */
  readonly apply: (row: R, now: string) => AppliedRow;
  /**
   * About how long one batch may hold the server (`TimedBatchSize`), and the bounds of its rows:
   * each commit rewrites the index pages its rows touched, so a row costs more in a small batch.
   */
  readonly batch: { readonly targetMs: number; readonly minRows: number; readonly maxRows: number };
}

/**
 * About how long one batch may hold the server (`TimedBatchSize`), for members and employment
 * reports alike. Each commit rewrites the index pages its rows touched, and the members' four
 * indexes take random keys, so on a million-member registry a row costs more in a small batch than
 * in a large one. With checkpoints on their own thread (`db/checkpoints.ts`), 500 ms batches import
 * a million members as fast as the former ~1 s ones, which kept other requests waiting up to 2 s
 * (docs/BENCHMARKS.md).
 */
export const LINE_BATCH = { targetMs: 500, minRows: 1_000, maxRows: 50_000 } as const;

/** The statements every such import runs with each batch, prepared once per database handle. */
function prepareJobStatements(sqlite: Database.Database) {
  return {
    report: sqlite.prepare<[string, number, string]>(
      'INSERT OR REPLACE INTO import_rejections (job_id, line, reason) VALUES (?, ?, ?)',
    ),
    advanceJob: sqlite.prepare<[number, number, number, number, string, number]>(
      `UPDATE import_jobs SET rows_read = rows_read + ?, rows_accepted = rows_accepted + ?,
         rows_rejected = rows_rejected + ?, last_committed_line = ?
       WHERE id = ? AND last_committed_line = ? AND state = 'running'`,
    ),
  };
}
const jobStatementsByHandle = new WeakMap<Database.Database, ReturnType<typeof prepareJobStatements>>();

/** Statements made once per database handle by `prepare` (a WeakMap per kind of statement set). */
export function statementsOnce<S>(
  cache: WeakMap<Database.Database, S>,
  sqlite: Database.Database,
  prepare: (sqlite: Database.Database) => S,
): S {
  let statements = cache.get(sqlite);
  if (!statements) {
    statements = prepare(sqlite);
    cache.set(sqlite, statements);
  }
  return statements;
}

/**
 * Imports a file as it is uploaded, in batches: each batch, its report lines and the job's
 * `last_committed_line` commit in one transaction, so an upload that stops (the sender
 * interrupted, the server killed) loses nothing committed and the same file sent again resumes
 * after that line with no row lost or doubled. A pause in the upload also commits what is
 * pending. Rows are refused one by one (listed in the report); the others are written. The job
 * must be `running` (see the `imports.start` procedure).
 */
export async function importByLines<R>(
  database: OpenedDatabase,
  clock: Clock,
  job: ImportJobRow,
  staffId: number,
  file: UploadedFile,
  kind: LineBatchedImport<R>,
  tuning: ImportTuning = {},
): Promise<ImportOutcome> {
  const { sqlite, db } = database;
  const s = statementsOnce(jobStatementsByHandle, sqlite, prepareJobStatements);
  // Batches sized by time (`TimedBatchSize`) unless the caller fixed their size.
  const fixedRows = tuning.batchRows;
  const { targetMs, minRows, maxRows } = kind.batch;
  const sized = new TimedBatchSize(targetMs, minRows, maxRows, DEFAULT_BATCH_ROWS);
  let committedLine = job.lastCommittedLine;

  const commitBatch = sqlite.transaction((batch: PendingRow<RowCheck<R>>[], now: string) => {
    let accepted = 0;
    let rejected = 0;
    for (const { line, check } of batch) {
      if (!check.ok) {
        s.report.run(job.id, line, encodeReportReason('rejected', check.reasons));
        rejected++;
        continue;
      }
      const applied = kind.apply(check.row, now);
      if ('rejected' in applied) {
        s.report.run(job.id, line, encodeReportReason('rejected', [applied.rejected]));
        rejected++;
      } else {
        accepted++;
        if (applied.notes.length > 0)
          s.report.run(job.id, line, encodeReportReason('imported_with_note', applied.notes));
      }
    }
    const lastLine = (batch[batch.length - 1] as PendingRow<RowCheck<R>>).line;
    const moved = s.advanceJob.run(batch.length, accepted, rejected, lastLine, job.id, committedLine).changes;
    if (moved !== 1) throw new ImportTakenOverError();
    return lastLine;
  });

  const commit = (batch: PendingRow<RowCheck<R>>[]) => {
    const started = performance.now();
    committedLine = commitBatch.immediate(batch, clock.now().toISOString());
    sized.took(batch.length, performance.now() - started);
  };

  const upload = new UploadBatches({
    columns: kind.columns,
    skipThroughLine: job.lastCommittedLine,
    check: kind.check,
    batchRows: () => fixedRows ?? sized.rows,
    commit,
  });

  let outcome: UploadOutcome | null = null;
  let fileError: ImportFileError | null = null;
  try {
    outcome = await upload.read(file, tuning);
  } catch (error) {
    if (error instanceof ImportTakenOverError) throw error;
    if (error instanceof ImportFileError) fileError = error;
    else {
      // Keep what arrived complete before the failure, if the database still takes it.
      try {
        upload.flush();
      } catch {}
      finish(database, clock, job, staffId, 'failed', 'the import failed on the server; send the file again to resume');
      throw error;
    }
  }
  const error = fileError
    ? fileError.message
    : !outcome?.complete
      ? `the upload stopped after line ${committedLine}; send the same file again to resume`
      : outcome.sha256 !== job.fileSha256
        ? `the file received differs from the one announced (changed while it was sent?); lines up to ${committedLine} were imported`
        : null;
  finish(database, clock, job, staffId, error === null ? 'completed' : 'failed', error);
  const finished = findJob(db, job.id) as ImportJobRow;
  if (fileError) throw fileError;
  return outcomeOf(finished);
}

function finish(
  database: OpenedDatabase,
  clock: Clock,
  job: ImportJobRow,
  staffId: number,
  state: 'completed' | 'failed',
  error: string | null,
): void {
  const now = clock.now();
  database.db.transaction((tx) =>
    finishImportJob(tx, job, staffId, state, error, now, (row) => ({ lastCommittedLine: row.lastCommittedLine })),
  );
}
