import { startWorker } from '../duplicates/start-worker.js';
import type { OpenedDatabase } from './database.js';

export interface CheckpointRequest {
  readonly file: string;
  readonly intervalMs: number;
}
export type CheckpointReport =
  | { readonly ok: true; readonly busy: boolean; readonly logFrames: number; readonly checkpointedFrames: number }
  | { readonly ok: false; readonly error: string };

export interface BackgroundCheckpoints {
  /** Ends the thread after a last checkpoint, and gives checkpoints back to the commits. */
  readonly stop: () => Promise<void>;
}

/** SQLite's own threshold, in pages, for a commit to checkpoint the log itself. */
const AUTOCHECKPOINT_PAGES = 1000;
/** The log is cut back to this size when it starts over (it otherwise keeps its largest size). */
const WAL_SIZE_LIMIT_BYTES = 64 * 1024 * 1024;

/**
 * Moves the WAL checkpoints of the server's connection to a worker thread
 * (`checkpoint-worker.ts`). By default the commit that takes the log past 1,000 pages copies the
 * whole log into the database file and syncs it, on the server's one thread: measured in
 * `pnpm bench:import`, that was a third of a members import's time, and every such commit (a
 * login's as well as an import batch's) made the requests behind it wait. Here commits only
 * append to the log; the worker checkpoints every `intervalMs`. If the thread fails, the commits
 * checkpoint again as before.
 */
export function startBackgroundCheckpoints(
  database: OpenedDatabase,
  options: { intervalMs?: number; onReport?: (report: CheckpointReport) => void } = {},
): BackgroundCheckpoints {
  const { sqlite, file } = database;
  const restore = () => sqlite.pragma(`wal_autocheckpoint = ${AUTOCHECKPOINT_PAGES}`);
  sqlite.pragma(`journal_size_limit = ${WAL_SIZE_LIMIT_BYTES}`);
  const worker = startWorker('checkpoint-worker', {}, import.meta.url);
  sqlite.pragma('wal_autocheckpoint = 0');
  worker.unref();
  let stopping = false;
  const exited = new Promise<void>((resolve) => worker.once('exit', () => resolve()));
  worker.on('message', (report: CheckpointReport) => options.onReport?.(report));
  worker.once('error', (error) => {
    restore();
    console.error(`pulih: background checkpoints stopped (${error.message}); commits checkpoint again`);
  });
  void exited.then(() => {
    if (!stopping) restore();
  });
  worker.postMessage({ file, intervalMs: options.intervalMs ?? 1000 } satisfies CheckpointRequest);
  return {
    async stop() {
      stopping = true;
      worker.postMessage('stop');
      await exited;
      if (sqlite.open) restore();
    },
  };
}
