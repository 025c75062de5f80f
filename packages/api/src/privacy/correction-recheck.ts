import { randomUUID } from 'node:crypto';
import { comparePair, nameFrequenciesOf, type PreparedRecord, prepareRecord } from '@pulih/domain';
import type { Db } from '../db/database.js';
import {
  duplicateRecordsOf,
  duplicateRecordsSharingKeys,
  insertScan,
  updateScan,
  upsertCandidate,
} from '../repositories/duplicate-repository.js';

/** More candidates than this share only very common keys (a birth date): the nightly scan covers the rest. */
const MAX_CANDIDATES = 2_000;

export interface RecheckResult {
  readonly scanId: string;
  readonly compared: number;
  /** Review items created or refreshed (pairs decided `match` or `review`). */
  readonly candidates: number;
}

/**
 * Compares one member, as the record now reads, with the persons that share a blocking key with
 * it (the NIK or its region and birth date, the birth date, the full name, the mother's name, a
 * contact), using the domain's pairwise comparison, and records each `match` or `review` pair as a
 * duplicate review item. Cheap (one indexed query and at most a few thousand comparisons), so it
 * runs inside the transaction of the change; it is recorded as a small finished registry scan, so
 * the items show where supervisors already look (`pulih duplicates list`). Name frequencies come
 * from the candidates, not the whole registry, so a common name may weigh a little more than in a
 * full scan: at worst an extra item for review, never a merge.
 */
export function recheckDuplicatesOf(db: Db, memberId: number, staffId: number, now: Date): RecheckResult {
  const self = duplicateRecordsOf(db, [memberId])[0];
  const scanId = randomUUID();
  insertScan(db, scanId, staffId, 0, now);
  if (!self) {
    updateScan(db, scanId, { state: 'done', phase: 'correction re-check', finishedAt: now.toISOString() });
    return { scanId, compared: 0, candidates: 0 };
  }
  const others = duplicateRecordsSharingKeys(db, self, MAX_CANDIDATES);
  const prepared = [self, ...others].map(prepareRecord);
  const frequencies = nameFrequenciesOf(prepared);
  const mine = prepared[0] as PreparedRecord;
  let candidates = 0;
  for (const other of prepared.slice(1)) {
    const comparison = comparePair(mine, other, frequencies);
    if (comparison.decision === 'distinct') continue;
    upsertCandidate(db, scanId, { left: mine.recordId, right: other.recordId, ...comparison }, now);
    candidates++;
  }
  updateScan(db, scanId, {
    state: 'done',
    phase: 'correction re-check',
    processed: others.length,
    total: others.length,
    candidatesFound: candidates,
    finishedAt: now.toISOString(),
  });
  return { scanId, compared: others.length, candidates };
}

/**
 * A NIK correction refused because another record holds that NIK: the two are compared as if the
 * member's record carried the NIK they asked for, and the pair becomes a duplicate review item
 * (at least `review`, whatever the score), so a supervisor decides whether they are one person.
 */
export function recordNikConflict(
  db: Db,
  memberId: number,
  requestedNik: string,
  holderId: number,
  staffId: number,
  now: Date,
): { scanId: string; decision: 'match' | 'review' } {
  const rows = duplicateRecordsOf(db, [memberId, holderId]);
  const self = rows.find((row) => row.recordId === String(memberId));
  const holder = rows.find((row) => row.recordId === String(holderId));
  const scanId = randomUUID();
  insertScan(db, scanId, staffId, 1, now);
  let decision: 'match' | 'review' = 'review';
  if (self && holder) {
    const prepared = [{ ...self, nik: requestedNik }, holder].map(prepareRecord);
    const [mine, theirs] = prepared as [PreparedRecord, PreparedRecord];
    const comparison = comparePair(mine, theirs, nameFrequenciesOf(prepared));
    decision = comparison.decision === 'match' ? 'match' : 'review';
    upsertCandidate(db, scanId, { left: mine.recordId, right: theirs.recordId, ...comparison, decision }, now);
  }
  updateScan(db, scanId, {
    state: 'done',
    phase: 'correction NIK conflict',
    processed: 1,
    candidatesFound: 1,
    finishedAt: now.toISOString(),
  });
  return { scanId, decision };
}
