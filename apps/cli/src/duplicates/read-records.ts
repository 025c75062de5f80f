import { open, stat } from 'node:fs/promises';
import { StringDecoder } from 'node:string_decoder';
import { CsvRecordSplitter, type DuplicateRecord, locateColumns, MEMBER_CSV_COLUMNS } from '@pulih/domain';

export interface SkippedRow {
  readonly line: number;
  readonly problem: string;
}

export interface ReadProgress {
  readonly bytesRead: number;
  readonly totalBytes: number;
  readonly rows: number;
}

export class InputFileError extends Error {}

/** Bytes read at a time. */
const CHUNK_BYTES = 4 << 20;
/**
 * Bytes decoded at a time. Node hands back a decoded string of more than about 1 MB as an
 * external string, and splitting those measured ~30 times slower (see the API's upload reader),
 * so each chunk read is decoded in pieces.
 */
const DECODE_BYTES = 256 * 1024;

/**
 * Streams a UTF-8 CSV file in large chunks (never the whole file as one string) and hands every
 * sound record to `onRecord`. Structurally broken rows (wrong number of columns, no record_id,
 * invalid UTF-8, a quote never closed) go to `onSkip` with their line number; the read goes on.
 * Invalid NIKs, dates or phones are not structural: those records are kept.
 */
export async function readDuplicateRecords(
  path: string,
  onRecord: (record: DuplicateRecord) => void,
  onSkip: (row: SkippedRow) => void,
  onProgress: (progress: ReadProgress) => void = () => {},
): Promise<{ rows: number; skipped: number }> {
  let totalBytes: number;
  try {
    const info = await stat(path);
    if (!info.isFile()) throw new InputFileError(`cannot read ${path}: not a file`);
    totalBytes = info.size;
  } catch (error) {
    if (error instanceof InputFileError) throw error;
    throw new InputFileError(`cannot read ${path}: ${describe(error)}`);
  }
  let at: readonly number[] | null = null;
  let width = 0;
  let rows = 0;
  let skipped = 0;
  /** Whether the text being split holds a replacement character (then rows are checked one by one). */
  let replaced = false;
  const skip = (line: number, problem: string) => {
    skipped++;
    onSkip({ line, problem });
  };
  const splitter = new CsvRecordSplitter({ record, broken: skip });
  function record(fields: string[], line: number): void {
    if (at === null) {
      const located = locateColumns(fields, MEMBER_CSV_COLUMNS);
      if (!located.ok)
        throw new InputFileError(
          `${path}: the header lacks ${located.missing.join(', ')} (expected ${MEMBER_CSV_COLUMNS.join(',')})`,
        );
      width = fields.length;
      splitter.width = width;
      at = located.at;
      return;
    }
    rows++;
    if (fields.length !== width) {
      skip(line, `wrong number of columns (${fields.length}, expected ${width})`);
      return;
    }
    if (replaced) {
      for (const field of fields) {
        if (field.includes('\uFFFD')) {
          skip(line, 'invalid UTF-8');
          return;
        }
      }
    }
    const c = at;
    const recordId = (fields[c[0] as number] as string).trim();
    if (recordId === '') {
      skip(line, 'no record_id');
      return;
    }
    onRecord({
      recordId,
      nik: fields[c[1] as number] as string,
      kpj: fields[c[2] as number] as string,
      fullName: fields[c[3] as number] as string,
      birthDate: fields[c[4] as number] as string,
      sex: fields[c[5] as number] as string,
      motherName: fields[c[6] as number] as string,
      phone: fields[c[7] as number] as string,
      email: fields[c[8] as number] as string,
    });
  }
  let handle: Awaited<ReturnType<typeof open>>;
  try {
    handle = await open(path, 'r');
  } catch (error) {
    throw new InputFileError(`cannot read ${path}: ${describe(error)}`);
  }
  const decoder = new StringDecoder('utf8');
  const buffer = Buffer.allocUnsafe(CHUNK_BYTES);
  let bytesRead = 0;
  /** Splits the next decoded text, noting first whether any of the text being split was invalid UTF-8. */
  const split = (decoded: string, final: boolean) => {
    replaced = decoded.includes('\uFFFD') || splitter.pending.includes('\uFFFD');
    if (final) splitter.end(decoded);
    else splitter.push(decoded);
  };
  try {
    for (;;) {
      let read: number;
      try {
        read = (await handle.read(buffer, 0, CHUNK_BYTES, null)).bytesRead;
      } catch (error) {
        throw new InputFileError(`cannot read ${path}: ${describe(error)}`);
      }
      bytesRead += read;
      const final = read === 0;
      if (final) split(decoder.end(), true);
      else
        for (let from = 0; from < read; from += DECODE_BYTES)
          split(decoder.write(buffer.subarray(from, Math.min(from + DECODE_BYTES, read))), false);
      onProgress({ bytesRead: Math.min(bytesRead, totalBytes), totalBytes, rows });
      if (final) break;
    }
  } finally {
    await handle.close();
  }
  if (at === null) throw new InputFileError(`${path}: empty file (no header)`);
  return { rows, skipped };
}

function describe(error: unknown): string {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'ENOENT') return 'no such file';
  if (code === 'EACCES') return 'permission denied';
  if (code === 'EISDIR') return 'not a file';
  return code ?? (error instanceof Error ? error.message : String(error));
}
