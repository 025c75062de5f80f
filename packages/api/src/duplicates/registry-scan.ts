import { setImmediate as yieldToEventLoop } from 'node:timers/promises';
import type { Worker } from 'node:worker_threads';
import { type DuplicatePair, type DuplicateRecord, findDuplicates } from '@pulih/domain';
import { appendAudit } from '../audit/audit-log.js';
import type { Clock } from '../clock.js';
import type { Db } from '../db/database.js';
import {
  countPersons,
  readRegistryPage,
  type ScanProgress,
  updateScan,
  upsertCandidate,
} from '../repositories/duplicate-repository.js';
import type { ScanReply, ScanRequest } from './scan-messages.js';
import { startWorker } from './start-worker.js';

const READ_PAGE = 5_000;
const WRITE_BATCH = 1_000;

/**
 * From this many persons on, the comparison runs on a worker thread. Below it, it takes a few
 * milliseconds, less than starting a thread (the demo seed scans its small registry at every
 * start of a test server).
 */
export const SCAN_WORKER_FROM = 1_000;

/**
 * The comparison holds every prepared record and survives the whole scan: a young generation
 * larger than V8's default spares most of the copying (as in the CLI's offline scan).
 */
const WORKER_YOUNG_GENERATION_MB = 96;

export interface RegistryScanOptions {
  /** Append `duplicates.scanned` to the audit log (the demo seed does not). */
  readonly audit?: boolean;
  /** Registries of at least this many persons are compared on a worker thread. */
  readonly workerFrom?: number;
  /** Starts the comparison thread (tests start one that fails). */
  readonly startWorker?: () => Worker;
}

export interface RegistryScanResult {
  readonly state: 'done' | 'failed';
  readonly records: number;
  readonly pairs: number;
  readonly newItems: number;
  /** The thread that compared (`worker_threads.threadId`; 0 is the server's main thread). */
  readonly comparedOnThread: number | null;
}

/** The engine, fed page by page while the registry is read. */
interface Comparison {
  add(records: readonly DuplicateRecord[]): void;
  /** Throws when the comparison already failed (its thread died while pages were read). */
  check(): void;
  compare(progress: (compared: number, total: number) => void): Promise<DuplicatePair[]>;
  readonly threadId: () => number | null;
  stop(): void;
}

/** Small registries: the domain's `findDuplicates` on this thread. */
function inlineComparison(): Comparison {
  const records: DuplicateRecord[] = [];
  return {
    add: (page) => {
      records.push(...page);
    },
    check: () => {},
    compare: async (progress) => {
      progress(0, records.length);
      const pairs = findDuplicates(records);
      progress(records.length, records.length);
      return pairs;
    },
    threadId: () => 0,
    stop: () => {},
  };
}

/**
 * Large registries: the engine on a worker thread (`scan-worker.ts`), so the server keeps
 * answering. Whatever ends the thread early (an exception, running out of memory, an exit)
 * rejects the comparison with a message saying so.
 */
function workerComparison(worker: Worker): Comparison {
  let failure: Error | null = null;
  let finished = false;
  let total = 0;
  let thread: number | null = null;
  let onProgress: (compared: number, total: number) => void = () => {};
  const pairs: DuplicatePair[] = [];
  let settle: { resolve: () => void; reject: (error: Error) => void } | null = null;
  const done = new Promise<void>((resolve, reject) => {
    settle = { resolve, reject };
  });
  // Observed by `check` and `compare`; a failure while pages are still read must not go unhandled.
  done.catch(() => {});
  const fail = (error: Error) => {
    if (finished || failure) return;
    failure = error;
    settle?.reject(error);
    void worker.terminate();
  };
  worker.on('message', (reply: ScanReply) => {
    try {
      switch (reply.type) {
        case 'started':
          total = reply.records;
          thread = reply.threadId;
          onProgress(0, total);
          return;
        case 'progress':
          onProgress(reply.compared, total);
          return;
        case 'pairs':
          for (const pair of reply.pairs) pairs.push(pair);
          return;
        case 'done':
          finished = true;
          settle?.resolve();
          return;
      }
    } catch (error) {
      // Recording progress failed (the database): stop comparing for nothing.
      fail(error instanceof Error ? error : new Error(String(error)));
    }
  });
  worker.on('error', (error) => fail(new Error(`the comparison thread failed: ${error.message}`)));
  worker.on('messageerror', (error) =>
    fail(new Error(`the comparison thread sent an unreadable message: ${error.message}`)),
  );
  worker.on('exit', (code) => fail(new Error(`the comparison thread stopped before it finished (exit code ${code})`)));
  const send = (request: ScanRequest) => worker.postMessage(request);
  return {
    add: (page) => send({ type: 'records', records: page }),
    check: () => {
      if (failure) throw failure;
    },
    compare: async (progress) => {
      if (failure) throw failure;
      onProgress = progress;
      send({ type: 'compare' });
      await done;
      return pairs;
    },
    threadId: () => thread,
    stop: () => {
      finished = true;
      void worker.terminate();
    },
  };
}

const startScanWorker = () =>
  startWorker('scan-worker', { resourceLimits: { maxYoungGenerationSizeMb: WORKER_YOUNG_GENERATION_MB } });

/**
 * Runs a registry scan that `insertScan` registered: reads every person page by page (on this
 * thread, yielding between pages), hands each page to the domain's engine — on a worker thread
 * for registries of `SCAN_WORKER_FROM` persons or more, since a million records take tens of
 * seconds of CPU — and stores each `match`/`review` pair as a review item, writing progress to
 * the scan's row as it goes (staff poll it). Never throws: a failure marks the scan `failed`
 * with its reason.
 */
export async function runRegistryScan(
  db: Db,
  clock: Clock,
  scanId: string,
  staffId: number,
  options: RegistryScanOptions = {},
): Promise<RegistryScanResult> {
  let comparison: Comparison | null = null;
  let records = 0;
  // Every record of progress is also a heartbeat: a scan whose process stopped is recognised.
  const progress = (change: ScanProgress) =>
    updateScan(db, scanId, { ...change, heartbeatAt: clock.now().toISOString() });
  try {
    const persons = countPersons(db);
    progress({ total: persons });
    comparison =
      persons >= (options.workerFrom ?? SCAN_WORKER_FROM)
        ? workerComparison((options.startWorker ?? startScanWorker)())
        : inlineComparison();
    let after = 0;
    for (;;) {
      const page = readRegistryPage(db, after, READ_PAGE);
      if (page.length === 0) break;
      comparison.add(page);
      records += page.length;
      after = Number(page[page.length - 1]?.recordId);
      progress({ processed: records });
      await yieldToEventLoop();
      comparison.check();
    }
    progress({ phase: 'compare', processed: 0, total: records });
    await yieldToEventLoop();
    const pairs = await comparison.compare((compared, total) => progress({ processed: compared, total }));
    progress({ phase: 'write', processed: 0, total: pairs.length });
    let created = 0;
    for (let start = 0; start < pairs.length; start += WRITE_BATCH) {
      const now = clock.now();
      db.transaction((tx) => {
        for (const pair of pairs.slice(start, start + WRITE_BATCH))
          if (upsertCandidate(tx, scanId, pair, now)) created++;
      });
      progress({ processed: Math.min(pairs.length, start + WRITE_BATCH), candidatesFound: created });
      await yieldToEventLoop();
    }
    const now = clock.now();
    db.transaction((tx) => {
      updateScan(tx, scanId, { state: 'done', phase: 'done', candidatesFound: created, finishedAt: now.toISOString() });
      if (options.audit ?? true)
        appendAudit(
          tx,
          {
            actorKind: 'staff',
            actorId: String(staffId),
            action: 'duplicates.scanned',
            memberId: null,
            channel: 'cli',
            detail: { scanId, records, pairs: pairs.length, newItems: created },
          },
          now,
        );
    });
    return { state: 'done', records, pairs: pairs.length, newItems: created, comparedOnThread: comparison.threadId() };
  } catch (error) {
    comparison?.stop();
    try {
      updateScan(db, scanId, {
        state: 'failed',
        error: error instanceof Error ? error.message.slice(0, 500) : 'unknown error',
        finishedAt: clock.now().toISOString(),
      });
    } catch {
      // The database itself is gone (the server is stopping): there is nowhere to record it.
    }
    return { state: 'failed', records, pairs: 0, newItems: 0, comparedOnThread: null };
  }
}
