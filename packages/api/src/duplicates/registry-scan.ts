import { setImmediate as yieldToEventLoop } from 'node:timers/promises';
import { type DuplicateRecord, findDuplicates } from '@pulih/domain';
import { appendAudit } from '../audit/audit-log.js';
import type { Clock } from '../clock.js';
import type { Db } from '../db/database.js';
import { readRegistryPage, updateScan, upsertCandidate } from '../repositories/duplicate-repository.js';

const READ_PAGE = 5_000;
const WRITE_BATCH = 1_000;

/**
 * Runs a registry scan that `insertScan` registered: reads every person page by page, runs the
 * domain's engine over them, and stores each `match`/`review` pair as a review item, writing
 * progress to the scan's row as it goes (staff poll it). Reading and writing yield to the event
 * loop between pages; the comparison itself is one synchronous pass (tens of seconds of CPU for
 * a million records), which a worker thread should take over before registries of that size.
 */
export async function runRegistryScan(
  db: Db,
  clock: Clock,
  scanId: string,
  staffId: number,
  options: { audit: boolean } = { audit: true },
): Promise<void> {
  try {
    const records: DuplicateRecord[] = [];
    let after = 0;
    for (;;) {
      const page = readRegistryPage(db, after, READ_PAGE);
      if (page.length === 0) break;
      records.push(...page);
      after = Number(page[page.length - 1]?.recordId);
      updateScan(db, scanId, { processed: records.length });
      await yieldToEventLoop();
    }
    updateScan(db, scanId, { phase: 'compare' });
    await yieldToEventLoop();
    const pairs = findDuplicates(records);
    updateScan(db, scanId, { phase: 'write', processed: 0, total: pairs.length });
    let created = 0;
    for (let start = 0; start < pairs.length; start += WRITE_BATCH) {
      const now = clock.now();
      db.transaction((tx) => {
        for (const pair of pairs.slice(start, start + WRITE_BATCH))
          if (upsertCandidate(tx, scanId, pair, now)) created++;
      });
      updateScan(db, scanId, { processed: Math.min(pairs.length, start + WRITE_BATCH), candidatesFound: created });
      await yieldToEventLoop();
    }
    const now = clock.now();
    db.transaction((tx) => {
      updateScan(tx, scanId, { state: 'done', phase: 'done', candidatesFound: created, finishedAt: now.toISOString() });
      if (options.audit)
        appendAudit(
          tx,
          {
            actorKind: 'staff',
            actorId: String(staffId),
            action: 'duplicates.scanned',
            memberId: null,
            channel: 'cli',
            detail: { scanId, records: records.length, pairs: pairs.length, newItems: created },
          },
          now,
        );
    });
  } catch (error) {
    updateScan(db, scanId, {
      state: 'failed',
      error: error instanceof Error ? error.message.slice(0, 500) : 'unknown error',
      finishedAt: clock.now().toISOString(),
    });
  }
}
