import { parentPort, workerData } from 'node:worker_threads';
import type { DuplicatePair } from '@pulih/domain';
import { InputFileError } from './read-records.js';
import { LineWriter, pairJsonLine, type ScanSummary, scanFile } from './scan.js';

/** What the command asks of the scan thread. */
export interface ScanJob {
  readonly input: string;
  readonly json: boolean;
  /** Without --json, how many pairs the table shows (the rest are only counted). */
  readonly tableLimit: number;
}

/** What the scan thread reports, in order: output, progress and warnings as they come, then one end. */
export type ScanMessage =
  | { readonly type: 'out'; readonly bytes: Uint8Array }
  | {
      readonly type: 'progress';
      readonly action: 'start' | 'update' | 'stop';
      readonly phase?: 'read' | 'compare';
      readonly value?: number;
    }
  | { readonly type: 'warn'; readonly line: string }
  | { readonly type: 'done'; readonly summary: ScanSummary; readonly table: DuplicatePair[] }
  | { readonly type: 'failed'; readonly message: string };

const port = parentPort;
if (port === null) throw new Error('scan-worker.js runs as a worker thread');
const job = workerData as ScanJob;
const post = (message: ScanMessage) => port.postMessage(message);

// Lines go to the command's thread in chunks of about 256 kB, which writes them while this
// thread goes on comparing; encoded here and transferred, not copied.
const encoder = new TextEncoder();
const writer = new LineWriter((chunk) => {
  const bytes = encoder.encode(chunk);
  port.postMessage({ type: 'out', bytes } satisfies ScanMessage, [bytes.buffer as ArrayBuffer]);
});
const table: DuplicatePair[] = [];
try {
  const summary = await scanFile(
    job.input,
    (pair) => {
      if (job.json) writer.line(pairJsonLine(pair));
      else if (table.length < job.tableLimit) table.push(pair);
    },
    {
      start: (phase, total) => post({ type: 'progress', action: 'start', phase, value: total }),
      update: (value) => post({ type: 'progress', action: 'update', value }),
      stop: () => post({ type: 'progress', action: 'stop' }),
    },
    (line) => post({ type: 'warn', line }),
  );
  writer.flush();
  post({ type: 'done', summary, table });
} catch (error) {
  if (!(error instanceof InputFileError)) throw error;
  post({ type: 'failed', message: error.message });
}
