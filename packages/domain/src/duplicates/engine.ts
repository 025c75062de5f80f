import { forEachCandidatePair } from './blocking.js';
import {
  compareCandidate,
  DEFAULT_DUPLICATE_THRESHOLDS,
  type DuplicateThresholds,
  type PairComparison,
} from './compare.js';
import { type DuplicateRecord, NameFrequencies, type PreparedRecord, prepareRecord } from './record.js';

export interface DuplicatePair extends PairComparison {
  readonly left: string;
  readonly right: string;
}

/** Counts the name tokens of every prepared record (the first pass of a scan). */
export function nameFrequenciesOf(records: readonly PreparedRecord[]): NameFrequencies {
  const frequencies = new NameFrequencies();
  for (const record of records) frequencies.add(record.name);
  return frequencies;
}

/**
 * The whole engine on records held in memory: prepare, count name tokens, block, compare, and
 * return the pairs decided `match` or `review` (left before right in input order).
 */
export function findDuplicates(
  records: readonly DuplicateRecord[],
  thresholds: DuplicateThresholds = DEFAULT_DUPLICATE_THRESHOLDS,
): DuplicatePair[] {
  const prepared = records.map(prepareRecord);
  const frequencies = nameFrequenciesOf(prepared);
  const pairs: DuplicatePair[] = [];
  forEachCandidatePair(prepared, (i, j) => {
    const left = prepared[i] as PreparedRecord;
    const right = prepared[j] as PreparedRecord;
    const comparison = compareCandidate(left, right, frequencies, thresholds);
    if (comparison !== null) pairs.push({ left: left.recordId, right: right.recordId, ...comparison });
  });
  return pairs;
}
