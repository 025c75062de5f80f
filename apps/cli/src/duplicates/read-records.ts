import { open, stat } from 'node:fs/promises';
import { StringDecoder } from 'node:string_decoder';
import type { DuplicateRecord } from '@pulih/domain';

/** The columns of the offline scan's input, in the documented order (any order is accepted). */
export const DUPLICATE_CSV_COLUMNS = [
  'record_id',
  'nik',
  'kpj',
  'full_name',
  'birth_date',
  'sex',
  'mother_name',
  'phone',
  'email',
] as const;

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

const CHUNK_BYTES = 4 << 20;
/** A quoted field may hold line breaks (RFC 4180), but a record longer than this is a stray quote. */
const MAX_RECORD_CHARS = 1 << 16;
const QUOTE = 34;
const COMMA = 44;
const LF = 10;
const CR = 13;

/**
 * Splits CSV text into records (RFC 4180: fields quoted with `"`, `""` inside quotes, line breaks
 * inside quotes). Fed one decoded chunk at a time; keeps the line count for messages. Lenient
 * where a strict parser would give up on the rest of the file: a quote inside an unquoted field
 * is kept as a character, text after a closing quote is kept, and a quote that runs over line
 * breaks without giving a record of the header's width (a stray quote, closed by some later
 * record's quote) makes only its own line a broken row; splitting resumes on the next line.
 */
class CsvSplitter {
  /** Line number (1-based) of the next unread character. */
  line = 1;
  /** Number of columns of the header, once read (0 before). */
  width = 0;
  private readonly fields: string[] = [];

  constructor(
    private readonly onRecord: (fields: string[], line: number) => void,
    private readonly onBroken: (line: number, problem: string) => void,
  ) {}

  /** Consumes the complete records of `text`; returns where the unconsumed tail starts. */
  feed(text: string, final: boolean): number {
    let pos = 0;
    let nextQuote = text.indexOf('"');
    const length = text.length;
    while (pos < length) {
      let newline = text.indexOf('\n', pos);
      if (newline < 0) {
        if (!final) break;
        newline = length;
      }
      if (nextQuote >= 0 && nextQuote < pos) nextQuote = text.indexOf('"', pos);
      const line = this.line;
      if (nextQuote < 0 || nextQuote > newline) {
        // The usual row: no quotes, one line.
        const end = newline > pos && text.charCodeAt(newline - 1) === CR ? newline - 1 : newline;
        if (end > pos) this.onRecord(text.slice(pos, end).split(','), line);
        this.line++;
        pos = newline + 1;
        continue;
      }
      const next = this.quoted(text, pos, final);
      if (next === -1) break; // the record continues in the next chunk
      if (next === -2) {
        this.onBroken(line, 'unreadable CSV (unbalanced quotes)');
        this.line++;
        pos = newline + 1;
        continue;
      }
      pos = next;
    }
    return Math.min(pos, length);
  }

  /**
   * Parses one record that holds a quote, starting at `start`. Returns the position after its
   * line break, −1 when the text ends inside it (more is coming), −2 when it is broken.
   */
  private quoted(text: string, start: number, final: boolean): number {
    const fields = this.fields;
    fields.length = 0;
    const length = text.length;
    const limit = start + MAX_RECORD_CHARS;
    let breaks = 0;
    let i = start;
    for (;;) {
      let value = '';
      if (text.charCodeAt(i) === QUOTE) {
        let from = i + 1;
        for (;;) {
          const close = text.indexOf('"', from);
          if (close < 0 || close > limit) return close < 0 && !final && length < limit ? -1 : -2;
          for (let k = text.indexOf('\n', from); k >= 0 && k < close; k = text.indexOf('\n', k + 1)) breaks++;
          value += text.slice(from, close);
          if (text.charCodeAt(close + 1) === QUOTE) {
            value += '"';
            from = close + 2;
            continue;
          }
          i = close + 1;
          break;
        }
      }
      // Unquoted text, or whatever follows a closing quote, up to the next comma or line end.
      let end = i;
      while (end < length) {
        const c = text.charCodeAt(end);
        if (c === COMMA || c === LF) break;
        end++;
      }
      if (end === length && !final) return -1;
      let valueEnd = end;
      if (end > i && (end === length || text.charCodeAt(end) === LF) && text.charCodeAt(end - 1) === CR) valueEnd--;
      value += text.slice(i, valueEnd);
      fields.push(value);
      if (end < length && text.charCodeAt(end) === COMMA) {
        i = end + 1;
        continue;
      }
      if (breaks > 0 && this.width !== 0 && fields.length !== this.width) return -2;
      const line = this.line;
      this.line += breaks + 1;
      this.onRecord(fields.slice(), line);
      return end + 1;
    }
  }
}

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
  let at: number[] | null = null;
  let width = 0;
  let rows = 0;
  let skipped = 0;
  /** Whether the text being split holds a replacement character (then rows are checked one by one). */
  let replaced = false;
  const skip = (line: number, problem: string) => {
    skipped++;
    onSkip({ line, problem });
  };
  const splitter = new CsvSplitter((fields, line) => {
    if (at === null) {
      const columns = new Map(fields.map((name, i) => [name.trim().toLowerCase(), i]));
      const missing = DUPLICATE_CSV_COLUMNS.filter((name) => !columns.has(name));
      if (missing.length > 0)
        throw new InputFileError(
          `${path}: the header lacks ${missing.join(', ')} (expected ${DUPLICATE_CSV_COLUMNS.join(',')})`,
        );
      width = fields.length;
      splitter.width = width;
      at = DUPLICATE_CSV_COLUMNS.map((name) => columns.get(name) as number);
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
  }, skip);
  let handle: Awaited<ReturnType<typeof open>>;
  try {
    handle = await open(path, 'r');
  } catch (error) {
    throw new InputFileError(`cannot read ${path}: ${describe(error)}`);
  }
  const decoder = new StringDecoder('utf8');
  const buffer = Buffer.allocUnsafe(CHUNK_BYTES);
  let bytesRead = 0;
  let tail = '';
  let first = true;
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
      let decoded = final ? decoder.end() : decoder.write(buffer.subarray(0, read));
      if (first && decoded.charCodeAt(0) === 0xfeff) decoded = decoded.slice(1);
      first = false;
      const text = tail === '' ? decoded : tail + decoded;
      replaced = text.includes('\uFFFD');
      const consumed = splitter.feed(text, final);
      tail = text.slice(consumed);
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
