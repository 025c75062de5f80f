import { appendAudit } from '../audit/audit-log.js';
import type { Db } from '../db/database.js';
import { findJob, finishJob, type ImportJobRow } from './import-job-store.js';
import { DEFAULT_IDLE_MS, type ImportTuning, type UploadedFile } from './import-outcome.js';
import { readCsvUpload, type UploadOutcome } from './read-upload.js';

/** A row that cannot be imported, and why (an unreadable line, or a refused check). */
export interface RefusedRow {
  readonly ok: false;
  readonly reasons: string[];
}

/** A row of the upload waiting for its batch: its line and what its check said. */
export interface PendingRow<C> {
  readonly line: number;
  readonly check: C | RefusedRow;
}

export interface UploadBatchesOptions<C> {
  readonly columns: readonly string[];
  /** Records starting on this line or before were committed by an earlier upload of the file. */
  readonly skipThroughLine: number;
  /** Checks one row, its fields in the order of `columns`. */
  readonly check: (fields: readonly string[]) => C;
  /** How many rows make a batch; asked at each row, so an import may change it as it goes. */
  readonly batchRows: () => number;
  /** Writes one batch (synchronously: a SQLite transaction). */
  readonly commit: (batch: PendingRow<C>[]) => void;
}

/**
 * The reading half of an import job: streams the upload (`readCsvUpload`), checks each row,
 * and hands the checked rows and the unreadable lines on in batches, in file order. A batch is
 * committed when it is full, when the upload pauses (`ImportTuning.idleMs`) and at the end. A
 * commit that fails during a pause stops the read at the next row, with that error.
 */
export class UploadBatches<C> {
  private pending: PendingRow<C>[] = [];
  private failure: unknown = null;

  constructor(private readonly options: UploadBatchesOptions<C>) {}

  /** Reads the whole upload; every complete row is committed when it resolves. */
  async read(file: UploadedFile, tuning: ImportTuning): Promise<UploadOutcome> {
    const { columns, skipThroughLine, check, batchRows } = this.options;
    const outcome = await readCsvUpload(
      file.body,
      { columns, skipThroughLine, expectedBytes: file.expectedBytes, idleMs: tuning.idleMs ?? DEFAULT_IDLE_MS },
      {
        row: (fields, line) => {
          if (this.failure) throw this.failure;
          this.pending.push({ line, check: check(fields) });
          if (this.pending.length >= batchRows()) this.flush();
        },
        unreadable: (line, problem) => {
          if (this.failure) throw this.failure;
          this.pending.push({ line, check: { ok: false, reasons: [problem] } });
        },
        idle: () => {
          try {
            if (!this.failure) this.flush();
          } catch (error) {
            this.failure = error;
          }
        },
      },
    );
    if (this.failure) throw this.failure;
    this.flush();
    return outcome;
  }

  /** Commits the rows read and not committed yet, if any. */
  flush(): void {
    if (this.pending.length === 0) return;
    const batch = this.pending;
    this.pending = [];
    this.options.commit(batch);
  }
}

/**
 * Ends a job (`completed`, `rejected` or `failed`) and writes its audit entry: the job's counts
 * as they stand, plus `detail` of the finished job, plus the error if any. Call inside a
 * transaction, so the two go together.
 */
export function finishImportJob(
  db: Db,
  job: ImportJobRow,
  staffId: number,
  state: 'completed' | 'rejected' | 'failed',
  error: string | null,
  now: Date,
  detail: (finished: ImportJobRow) => Readonly<Record<string, number>> = () => ({}),
): void {
  finishJob(db, job.id, { state, error, now });
  const row = findJob(db, job.id) as ImportJobRow;
  appendAudit(
    db,
    {
      actorKind: 'staff',
      actorId: String(staffId),
      action:
        state === 'completed' ? 'imports.completed' : state === 'rejected' ? 'imports.rejected' : 'imports.stopped',
      memberId: null,
      channel: 'cli',
      detail: {
        jobId: job.id,
        kind: job.kind,
        rowsRead: row.rowsRead,
        rowsAccepted: row.rowsAccepted,
        rowsRejected: row.rowsRejected,
        ...detail(row),
        ...(error ? { error } : {}),
      },
    },
    now,
  );
}
