/**
 * The header of a members extract: what `pulih import members` uploads and what the offline
 * duplicate scan (`pulih duplicates scan --input`) reads, in the documented order (files may
 * put the columns in any order, see `locateColumns`).
 */
export const MEMBER_CSV_COLUMNS = [
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

/** A quoted field may hold line breaks (RFC 4180), but a record longer than this is a stray quote. */
const MAX_RECORD_CHARS = 1 << 16;
const QUOTE = 34;
const COMMA = 44;
const LF = 10;
const CR = 13;

export interface CsvSink {
  /** A record with the (1-based) line it starts on; `fields` may be reused after the call. */
  record(fields: string[], line: number): void;
  /** A line that cannot be read as CSV (a quote never closed); splitting resumes on the next line. */
  broken(line: number, problem: string): void;
}

/**
 * Splits CSV text into records as it arrives, one decoded chunk at a time (RFC 4180: fields
 * quoted with `"`, `""` inside quotes, line breaks inside quotes), counting lines for messages.
 * Decoding the bytes is the caller's: it pushes text, so a chunk may end anywhere, even inside a
 * record or a quoted field. Only complete records are handed on: the text after the last line
 * break waits for the next chunk, so a stream that stops half-way never yields a half row. A
 * byte order mark at the very start is dropped.
 *
 * Lenient where a strict parser would give up on the rest of the file: a quote inside an
 * unquoted field is kept as a character, text after a closing quote is kept, and a quote that
 * runs over line breaks without giving a record of the header's width (a stray quote, closed by
 * some later record's quote) makes only its own line broken; splitting resumes on the next line.
 */
export class CsvRecordSplitter {
  /** Line number (1-based) of the next unread character. */
  line = 1;
  /** Number of columns of the header, once the caller knows it (0 before). */
  width = 0;
  private readonly fields: string[] = [];
  private tail = '';
  private first = true;

  constructor(private readonly sink: CsvSink) {}

  /** The text after the last complete record, waiting for the next chunk. */
  get pending(): string {
    return this.tail;
  }

  /** Feeds the next decoded text; complete records go to the sink at once. */
  push(text: string): void {
    this.feed(text, false);
  }

  /** The text ended normally (with `rest`, what the decoder still held): the last record may lack its line break. */
  end(rest = ''): void {
    this.feed(rest, true);
  }

  private feed(decoded: string, final: boolean): void {
    let text = this.tail === '' ? decoded : this.tail + decoded;
    if (this.first && text.length > 0) {
      if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
      this.first = false;
    }
    const consumed = this.split(text, final);
    this.tail = text.slice(consumed);
  }

  /** Consumes the complete records of `text`; returns where the unconsumed tail starts. */
  private split(text: string, final: boolean): number {
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
        if (end > pos) this.sink.record(text.slice(pos, end).split(','), line);
        this.line++;
        pos = newline + 1;
        continue;
      }
      const next = this.quoted(text, pos, final);
      if (next === -1) break; // the record continues in the next chunk
      if (next === -2) {
        this.sink.broken(line, 'unreadable CSV (unbalanced quotes)');
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
      this.sink.record(fields.slice(), line);
      return end + 1;
    }
  }
}

/**
 * Where each expected column is in a file's header (any order, any letter case, extra columns
 * ignored), or the names of the missing ones.
 */
export function locateColumns<C extends string>(
  header: readonly string[],
  expected: readonly C[],
): { ok: true; at: readonly number[] } | { ok: false; missing: C[] } {
  const columns = new Map(header.map((name, i) => [name.trim().toLowerCase(), i]));
  const missing = expected.filter((name) => !columns.has(name));
  if (missing.length > 0) return { ok: false, missing };
  return { ok: true, at: expected.map((name) => columns.get(name) as number) };
}
