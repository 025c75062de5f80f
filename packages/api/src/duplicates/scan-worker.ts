import { parentPort, threadId } from 'node:worker_threads';
import {
  compareCandidate,
  createRecordPreparer,
  type DuplicatePair,
  forEachCandidatePair,
  NameFrequencies,
  type PreparedRecord,
} from '@pulih/domain';
import type { ScanReply, ScanRequest } from './scan-messages.js';

/**
 * The comparison thread of a registry scan (started by `registry-scan.ts`): prepares each page
 * of records as it arrives, counting name tokens (the engine's first pass) while the server
 * thread reads the next page, then blocks and compares — the domain's `findDuplicates`, taken
 * apart so that it can report how far it is — and sends the `match`/`review` pairs in batches.
 */

/** Pairs per message: small messages keep each copy on the server thread short. */
const PAIR_BATCH = 1_000;
/** Progress messages per scan, at most. */
const PROGRESS_STEPS = 100;

const port = parentPort;
if (port === null) throw new Error('scan-worker.js runs as a worker thread');
const post = (reply: ScanReply) => port.postMessage(reply);

const prepare = createRecordPreparer();
const frequencies = new NameFrequencies();
const records: PreparedRecord[] = [];

function compareAll(): void {
  const total = records.length;
  post({ type: 'started', records: total, threadId });
  const step = Math.max(1, Math.ceil(total / PROGRESS_STEPS));
  let nextReport = step;
  let batch: DuplicatePair[] = [];
  forEachCandidatePair(records, (i, j) => {
    // Pairs come in order of their left record.
    if (i >= nextReport) {
      post({ type: 'progress', compared: i });
      nextReport = (Math.floor(i / step) + 1) * step;
    }
    const left = records[i] as PreparedRecord;
    const right = records[j] as PreparedRecord;
    const comparison = compareCandidate(left, right, frequencies);
    if (comparison === null) return;
    batch.push({ left: left.recordId, right: right.recordId, ...comparison });
    if (batch.length === PAIR_BATCH) {
      post({ type: 'pairs', pairs: batch });
      batch = [];
    }
  });
  if (batch.length > 0) post({ type: 'pairs', pairs: batch });
  post({ type: 'progress', compared: total });
  post({ type: 'done' });
}

port.on('message', (request: ScanRequest) => {
  if (request.type === 'records') {
    for (const record of request.records) {
      const prepared = prepare(record);
      records.push(prepared);
      frequencies.add(prepared.name);
    }
    return;
  }
  compareAll();
  // Nothing more to do: closing the port lets the thread end.
  port.close();
});
