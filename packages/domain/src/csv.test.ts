import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CsvRecordSplitter, locateColumns, MEMBER_CSV_COLUMNS } from './csv.js';

type Event = { record: string[]; line: number } | { broken: number; problem: string };

/** Splits `chunks` (pushed one after the other), with the header's width set after the first record. */
function split(chunks: readonly string[], { setWidth = true } = {}): Event[] {
  const events: Event[] = [];
  const splitter = new CsvRecordSplitter({
    record(fields, line) {
      if (setWidth && splitter.width === 0) splitter.width = fields.length;
      events.push({ record: [...fields], line });
    },
    broken(line, problem) {
      events.push({ broken: line, problem });
    },
  });
  for (const chunk of chunks) splitter.push(chunk);
  splitter.end();
  return events;
}

const records = (events: Event[]) => events.map((e) => ('record' in e ? e.record : `broken ${e.broken}`));

describe('CsvRecordSplitter', () => {
  it('splits plain rows, with or without a final line break, and skips empty lines', () => {
    expect(split(['a,b\n1,2\n\n3,4'])).toEqual([
      { record: ['a', 'b'], line: 1 },
      { record: ['1', '2'], line: 2 },
      { record: ['3', '4'], line: 4 },
    ]);
    expect(records(split(['a,b\r\n1,2\r\n']))).toEqual([
      ['a', 'b'],
      ['1', '2'],
    ]);
  });

  it('reads quoted fields: commas, doubled quotes and line breaks inside, CRLF after', () => {
    expect(split(['a,b,c\r\n"x, y","say ""hi""","two\nlines"\r\n4,5,6\r\n'])).toEqual([
      { record: ['a', 'b', 'c'], line: 1 },
      { record: ['x, y', 'say "hi"', 'two\nlines'], line: 2 },
      { record: ['4', '5', '6'], line: 4 },
    ]);
  });

  it('keeps a quote inside an unquoted field and the text after a closing quote', () => {
    expect(records(split(['a,b\n5" tall,"x"y\n']))).toEqual([
      ['a', 'b'],
      ['5" tall', 'xy'],
    ]);
  });

  it('drops a byte order mark at the start only, even when it comes alone', () => {
    expect(records(split(['\uFEFFa,b\n1,2\n']))).toEqual([
      ['a', 'b'],
      ['1', '2'],
    ]);
    expect(records(split(['', '\uFEFF', 'a,b\n\uFEFF1,2\n']))).toEqual([
      ['a', 'b'],
      ['\uFEFF1', '2'],
    ]);
  });

  it('makes only its own line broken when a stray quote runs over line breaks', () => {
    const events = split(['a,b,c\n1,"stray,3\n4,5,6\n7,8,"quoted"\n']);
    expect(events).toEqual([
      { record: ['a', 'b', 'c'], line: 1 },
      { broken: 2, problem: 'unreadable CSV (unbalanced quotes)' },
      { record: ['4', '5', '6'], line: 3 },
      { record: ['7', '8', 'quoted'], line: 4 },
    ]);
  });

  it('calls a quote never closed broken at the end of the text', () => {
    expect(split(['a,b\n1,"open\n'])).toEqual([
      { record: ['a', 'b'], line: 1 },
      { broken: 2, problem: 'unreadable CSV (unbalanced quotes)' },
    ]);
  });

  it('hands on only complete records, keeping the rest pending until more text comes', () => {
    const seen: string[][] = [];
    const splitter = new CsvRecordSplitter({ record: (fields) => seen.push([...fields]), broken: () => {} });
    splitter.push('a,b\n1,"x\n');
    expect(seen).toEqual([['a', 'b']]);
    expect(splitter.pending).toBe('1,"x\n');
    splitter.push('y"\n2,');
    expect(seen).toEqual([
      ['a', 'b'],
      ['1', 'x\ny'],
    ]);
    expect(splitter.pending).toBe('2,');
    expect(splitter.line).toBe(4);
    splitter.end('3');
    expect(seen.at(-1)).toEqual(['2', '3']);
  });

  it('gives the same records and lines wherever the text is cut into chunks', () => {
    const text =
      '\uFEFFrecord_id,name,note\r\n1,"Ani, S.","line\none"\r\n2,Budi,"say ""hi"""\n3,"stray,x\n4,Citra,\n\n5,"a\r\nb",c';
    const whole = split([text]);
    fc.assert(
      fc.property(fc.uniqueArray(fc.integer({ min: 1, max: text.length - 1 }), { maxLength: 6 }), (cuts) => {
        const at = [0, ...cuts.sort((x, y) => x - y), text.length];
        const chunks = at.slice(1).map((end, i) => text.slice(at[i], end));
        expect(split(chunks)).toEqual(whole);
      }),
    );
  });
});

describe('locateColumns', () => {
  it('finds the expected columns in any order and letter case, ignoring extra ones', () => {
    const header = [
      'Email',
      'extra',
      ...MEMBER_CSV_COLUMNS.slice(0, -1)
        .reverse()
        .map((c) => ` ${c.toUpperCase()} `),
    ];
    const located = locateColumns(header, MEMBER_CSV_COLUMNS);
    expect(located).toEqual({ ok: true, at: [9, 8, 7, 6, 5, 4, 3, 2, 0] });
  });

  it('names the missing columns', () => {
    expect(locateColumns(['record_id', 'kpj'], MEMBER_CSV_COLUMNS)).toEqual({
      ok: false,
      missing: ['nik', 'full_name', 'birth_date', 'sex', 'mother_name', 'phone', 'email'],
    });
  });
});
