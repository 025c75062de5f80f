import type { ImportJobRow, ImportKind, ImportState } from './import-job-store.js';

/** What an upload answers when the import has finished (or stopped). */
export interface ImportOutcome {
  readonly jobId: string;
  readonly kind: ImportKind;
  readonly state: ImportState;
  readonly rowsRead: number;
  readonly rowsAccepted: number;
  readonly rowsRejected: number;
  readonly lastCommittedLine: number;
  readonly error: string | null;
  /** Contributions: employers created because the file named an NPP the registry did not know. */
  readonly employersCreated?: number;
}

export const outcomeOf = (job: ImportJobRow, extra: { employersCreated?: number } = {}): ImportOutcome => ({
  jobId: job.id,
  kind: job.kind,
  state: job.state,
  rowsRead: job.rowsRead,
  rowsAccepted: job.rowsAccepted,
  rowsRejected: job.rowsRejected,
  lastCommittedLine: job.lastCommittedLine,
  error: job.error,
  ...extra,
});

/** The upload that started from this job's state is no longer the one moving it (another took over). */
export class ImportTakenOverError extends Error {
  override readonly name = 'ImportTakenOverError';
  constructor() {
    super('another upload of this file is importing it now');
  }
}

export interface UploadedFile {
  readonly body: ReadableStream<Uint8Array>;
  /** Content-Length, when the sender declared it. */
  readonly expectedBytes: number | null;
}

export interface ImportTuning {
  /** Rows per committed batch (members) or staged batch (contributions). */
  readonly batchRows?: number;
  /** Rows per load transaction of a contributions file (by default sized by its time). */
  readonly loadRows?: number;
  /** A pause in the upload this long commits what is pending. */
  readonly idleMs?: number;
}

export const DEFAULT_BATCH_ROWS = 5_000;
export const DEFAULT_IDLE_MS = 250;
