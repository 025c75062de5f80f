import { createHash } from 'node:crypto';
import { setImmediate as yieldToEventLoop } from 'node:timers/promises';
import { locateColumns } from '@pulih/domain';
import { Utf8CsvSplitter } from './csv-records.js';

/** What an import does with the records of an upload, in file order. */
export interface UploadRowSink {
  /**
   * A record of the header's width, its fields in the order of the expected columns. Records on
   * lines up to the resume point are not handed on.
   */
  row(fields: readonly string[], line: number): void;
  /** A line that cannot be imported as it is: wrong number of columns, invalid UTF-8, stray quote. */
  unreadable(line: number, problem: string): void;
  /** The upload paused for a moment: a good time to commit what is pending. */
  idle(): void;
}

export interface UploadOutcome {
  /** The whole body arrived (as many bytes as declared); false when the sender went away. */
  readonly complete: boolean;
  readonly bytes: number;
  /** SHA-256 of the bytes received, hex. */
  readonly sha256: string;
}

/** The file cannot be imported at all (no header, a column missing). */
export class ImportFileError extends Error {
  override readonly name = 'ImportFileError';
}

export interface ReadUploadOptions {
  readonly columns: readonly string[];
  /** Records starting on this line or before were committed by an earlier upload of the file. */
  readonly skipThroughLine: number;
  /** The body's declared length (Content-Length), when known. */
  readonly expectedBytes: number | null;
  /** After this long without data the sink is told the upload is idle. */
  readonly idleMs: number;
}

/**
 * Reads an uploaded CSV as it streams in, never holding more than a chunk and a partial record:
 * checks the header, hashes every byte, and hands each record to the sink. Only records whose
 * line ended before the data stopped are handed on, so an interrupted upload never yields a
 * half row.
 */
export async function readCsvUpload(
  body: ReadableStream<Uint8Array>,
  options: ReadUploadOptions,
  sink: UploadRowSink,
): Promise<UploadOutcome> {
  const hash = createHash('sha256');
  let at: readonly number[] | null = null;
  let width = 0;
  let headerError: ImportFileError | null = null;
  const expected = options.columns.length;
  const fields: string[] = new Array(expected);
  const splitter = new Utf8CsvSplitter({
    record(raw, line) {
      if (at === null) {
        if (headerError) return;
        const located = locateColumns(raw, options.columns);
        if (!located.ok) {
          headerError = new ImportFileError(
            `the header lacks ${located.missing.join(', ')} (expected ${options.columns.join(',')})`,
          );
          return;
        }
        at = located.at;
        width = raw.length;
        splitter.records.width = width;
        return;
      }
      if (line <= options.skipThroughLine) return;
      if (raw.length !== width) {
        sink.unreadable(line, `wrong number of columns (${raw.length}, expected ${width})`);
        return;
      }
      for (let i = 0; i < expected; i++) {
        const value = raw[at[i] as number] as string;
        if (value.includes('\uFFFD')) {
          sink.unreadable(line, 'invalid UTF-8');
          return;
        }
        fields[i] = value;
      }
      sink.row(fields, line);
    },
    broken(line, problem) {
      if (line > options.skipThroughLine) sink.unreadable(line, problem);
    },
  });

  const reader = body.getReader();
  let bytes = 0;
  let complete = false;
  try {
    for (;;) {
      const idle = setTimeout(() => sink.idle(), options.idleMs);
      let next: Awaited<ReturnType<typeof reader.read>>;
      try {
        next = await reader.read();
      } catch {
        break; // the sender went away: keep what arrived complete
      } finally {
        clearTimeout(idle);
      }
      if (next.done) {
        complete = options.expectedBytes === null || bytes === options.expectedBytes;
        break;
      }
      bytes += next.value.byteLength;
      hash.update(next.value);
      splitter.push(next.value);
      if (headerError) throw headerError;
      // A piece may have committed a batch, and more of the upload may be queued already: let
      // the requests that arrived meanwhile be answered before reading on.
      await yieldToEventLoop();
    }
    if (complete) {
      splitter.end();
      if (headerError) throw headerError;
      if (at === null) throw new ImportFileError('the file is empty (no header)');
    }
  } finally {
    // Stop an upload that is refused (a bad header) or broken; nothing more will be read.
    if (!complete) reader.cancel().catch(() => {});
    else reader.releaseLock();
  }
  return { complete, bytes, sha256: hash.digest('hex') };
}
