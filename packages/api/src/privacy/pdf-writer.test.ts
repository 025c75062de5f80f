import { describe, expect, it } from 'vitest';
import { PDF_LINE_CHARS, wrapLine, writeTextPdf } from './pdf-writer.js';

const text = (pdf: Buffer) => pdf.toString('latin1');

/** The xref table's offsets each start `N 0 obj`, and startxref points at the table. */
function expectValidXref(pdf: Buffer): void {
  const body = text(pdf);
  const startxref = Number(/startxref\n(\d+)\n%%EOF\n$/.exec(body)?.[1]);
  expect(body.slice(startxref, startxref + 5)).toBe('xref\n');
  const offsets = [...body.slice(startxref).matchAll(/^(\d{10}) 00000 n $/gm)].map((m) => Number(m[1]));
  for (const [i, offset] of offsets.entries()) {
    const header = `${i + 1} 0 obj\n`;
    expect(body.slice(offset, offset + header.length)).toBe(header);
  }
  const size = Number(/\/Size (\d+)/.exec(body)?.[1]);
  expect(size).toBe(offsets.length + 1);
}

describe('writeTextPdf', () => {
  it('writes a PDF 1.4 file whose cross-reference table points at every object', () => {
    const pdf = writeTextPdf('Judul', [{ text: 'Baris satu' }, { text: 'Bagian', heading: true }], 'kaki');
    expect(text(pdf).startsWith('%PDF-1.4\n')).toBe(true);
    expect(text(pdf)).toContain('(Baris satu)');
    expectValidXref(pdf);
  });

  it('escapes the string delimiters and writes Latin-1 letters in octal, other characters as ?', () => {
    const pdf = writeTextPdf('t', [{ text: 'a (b) c\\d é 漢 — “x”' }], 'f');
    expect(text(pdf)).toContain('(a \\(b\\) c\\\\d \\351 ? - "x")');
    expectValidXref(pdf);
  });

  it('flows long documents over as many pages as needed, each counted in the page tree', () => {
    const lines = Array.from({ length: 200 }, (_, i) => ({ text: `baris ${i}` }));
    const pdf = writeTextPdf('t', lines, 'f');
    const pages = Number(/\/Count (\d+)/.exec(text(pdf))?.[1]);
    expect(pages).toBeGreaterThanOrEqual(4);
    expect(text(pdf).match(/\/Type \/Page /g)).toHaveLength(pages);
    expect(text(pdf)).toContain('(baris 199)');
    expectValidXref(pdf);
  });

  it('wraps a long line at a space and keeps its indent', () => {
    const long = `  ${'kata '.repeat(40)}`;
    const wrapped = wrapLine(long);
    expect(wrapped.length).toBeGreaterThan(1);
    for (const line of wrapped) expect(line.length).toBeLessThanOrEqual(PDF_LINE_CHARS + 4);
    expect(wrapped[1]?.startsWith('    ')).toBe(true);
  });
});
