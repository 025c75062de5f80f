import { parentPort } from 'node:worker_threads';
import Database from 'better-sqlite3';
import type { CheckpointReport, CheckpointRequest } from './checkpoints.js';

/**
 * The thread of the background WAL checkpoints (`checkpoints.ts`): a connection of its own that
 * copies committed pages from the write-ahead log into the database file every `intervalMs`
 * (`PRAGMA wal_checkpoint(PASSIVE)`: it never waits for readers or writers, and writers go on
 * appending meanwhile). The copy and its fsync happen here, not in the commit that crossed the
 * log's threshold on the server's thread.
 */
const port = parentPort;
if (port === null) throw new Error('checkpoint-worker.js runs as a worker thread');
port.once('message', ({ file, intervalMs }: CheckpointRequest) => {
  const sqlite = new Database(file, { fileMustExist: true });
  const checkpoint = () => {
    let report: CheckpointReport;
    try {
      const [row] = sqlite.pragma('wal_checkpoint(PASSIVE)') as { busy: number; log: number; checkpointed: number }[];
      report = {
        ok: true,
        busy: row?.busy === 1,
        logFrames: row?.log ?? 0,
        checkpointedFrames: row?.checkpointed ?? 0,
      };
    } catch (error) {
      // Another process's checkpoint holds the checkpoint lock: it does the work this time.
      report = { ok: false, error: error instanceof Error ? error.message : String(error) };
    }
    port.postMessage(report);
  };
  const timer = setInterval(checkpoint, intervalMs);
  port.on('message', (message: 'stop') => {
    if (message !== 'stop') return;
    clearInterval(timer);
    checkpoint();
    sqlite.close();
    port.close();
  });
});
