import {
  compareCandidate,
  createRecordPreparer,
  type DuplicatePair,
  type DuplicateReason,
  forEachCandidatePair,
  NameFrequencies,
  type PreparedRecord,
} from '@pulih/domain';
import { readDuplicateRecords, type SkippedRow } from './read-records.js';

export interface ScanProgress {
  /** Which phase the scan is in. */
  start(phase: 'read' | 'compare', total: number): void;
  update(value: number): void;
  stop(): void;
}

export interface ScanSummary {
  readonly rows: number;
  readonly records: number;
  readonly skipped: number;
  readonly candidatePairs: number;
  readonly matches: number;
  readonly reviews: number;
  readonly seconds: number;
}

const MAX_SKIP_MESSAGES = 200;

/**
 * The offline scan: stream the CSV into prepared records (counting name tokens on the way: the
 * first pass), then block and compare in memory, handing each `match`/`review` pair to `emit`.
 */
export async function scanFile(
  path: string,
  emit: (pair: DuplicatePair) => void,
  progress: ScanProgress,
  warn: (line: string) => void,
  now: () => number = Date.now,
): Promise<ScanSummary> {
  const started = now();
  const records: PreparedRecord[] = [];
  const prepareRecord = createRecordPreparer();
  const frequencies = new NameFrequencies();
  let reported = 0;
  let progressStarted = false;
  const onSkip = (row: SkippedRow) => {
    reported++;
    if (reported <= MAX_SKIP_MESSAGES) warn(`line ${row.line}: ${row.problem}; skipped`);
    else if (reported === MAX_SKIP_MESSAGES + 1) warn('more broken rows: only the first 200 are listed');
  };
  const { rows, skipped } = await readDuplicateRecords(
    path,
    (record) => {
      const prepared = prepareRecord(record);
      records.push(prepared);
      frequencies.add(prepared.name);
    },
    onSkip,
    (p) => {
      if (!progressStarted) {
        progress.start('read', p.totalBytes);
        progressStarted = true;
      }
      progress.update(p.bytesRead);
    },
  );
  if (progressStarted) progress.stop();
  let candidatePairs = 0;
  let matches = 0;
  let reviews = 0;
  progress.start('compare', records.length);
  forEachCandidatePair(records, (i, j) => {
    candidatePairs++;
    if ((candidatePairs & 0xffff) === 0) progress.update(Math.min(records.length, i));
    const left = records[i] as PreparedRecord;
    const right = records[j] as PreparedRecord;
    const comparison = compareCandidate(left, right, frequencies);
    if (comparison === null) return;
    if (comparison.decision === 'match') matches++;
    else reviews++;
    emit({ left: left.recordId, right: right.recordId, ...comparison });
  });
  progress.update(records.length);
  progress.stop();
  return {
    rows,
    records: records.length,
    skipped,
    candidatePairs,
    matches,
    reviews,
    seconds: (now() - started) / 1000,
  };
}

/**
 * One pair as one JSON line: `{"left","right","score","decision","reasons"}`, with each reason as
 * `{"code","text","weight"}`. Written by hand because a scan writes hundreds of thousands of them
 * (the codes and decisions are plain identifiers; every other string goes through JSON.stringify).
 */
export function pairJsonLine(pair: DuplicatePair): string {
  let line = `{"left":${JSON.stringify(pair.left)},"right":${JSON.stringify(pair.right)},"score":${pair.score},"decision":"${pair.decision}","reasons":[`;
  const reasons = pair.reasons;
  for (let k = 0; k < reasons.length; k++) {
    const r = reasons[k] as DuplicateReason;
    line += `${k === 0 ? '' : ','}{"code":"${r.code}","text":${JSON.stringify(r.text)},"weight":${r.weight}}`;
  }
  return `${line}]}`;
}

/** Gathers lines and hands them to `write` in chunks of about 256 kB. */
export class LineWriter {
  private buffer = '';
  constructor(private readonly write: (chunk: string) => void) {}

  line(text: string): void {
    this.buffer += `${text}\n`;
    if (this.buffer.length > 1 << 18) this.flush();
  }

  flush(): void {
    if (this.buffer === '') return;
    const chunk = this.buffer;
    this.buffer = '';
    this.write(chunk);
  }
}
