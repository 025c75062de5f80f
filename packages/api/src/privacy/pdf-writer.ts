/**
 * A minimal PDF 1.4 writer for plain text pages: A4, the standard Helvetica font (no embedding,
 * WinAnsi encoding), one content stream per page, an exact cross-reference table. Enough for a
 * readable, printable document without a dependency; content streams are not compressed, so the
 * text can be found in the bytes (which tests rely on).
 */

const PAGE_WIDTH = 595;
const PAGE_HEIGHT = 842;
const MARGIN = 50;
const FONT_SIZE = 9.5;
const LEADING = 13;
const TITLE_SIZE = 14;
/** Helvetica at 9.5 pt averages ~5 pt a character: 95 characters fill the 495-pt text width. */
export const PDF_LINE_CHARS = 95;
const LINES_PER_PAGE = Math.floor((PAGE_HEIGHT - 2 * MARGIN - 2 * LEADING) / LEADING);

export interface PdfLine {
  readonly text: string;
  /** A heading: bold and set apart. */
  readonly heading?: boolean;
}

/** Characters outside WinAnsi (Latin-1 here) become `?`; the three PDF string delimiters are escaped. */
function pdfString(text: string): string {
  let out = '';
  for (const char of text.normalize('NFC')) {
    const code = char.codePointAt(0) ?? 63;
    if (char === '\\' || char === '(' || char === ')') out += `\\${char}`;
    else if (code === 0x2014 || code === 0x2013) out += '-';
    else if (code === 0x2018 || code === 0x2019) out += "'";
    else if (code === 0x201c || code === 0x201d) out += '"';
    else if (code < 32 || (code > 126 && code < 160) || code > 255) out += '?';
    else if (code > 126) out += `\\${code.toString(8).padStart(3, '0')}`;
    else out += char;
  }
  return `(${out})`;
}

/** Breaks a long line at spaces (or hard, for a long word) to fit the page width. */
export function wrapLine(text: string, width = PDF_LINE_CHARS): string[] {
  if (text.length <= width) return [text];
  const lines: string[] = [];
  let rest = text;
  const indent = /^\s*/.exec(text)?.[0] ?? '';
  while (rest.length > width) {
    const cut = rest.lastIndexOf(' ', width);
    const at = cut > indent.length + 10 ? cut : width;
    lines.push(rest.slice(0, at));
    rest = `${indent}  ${rest.slice(at).trimStart()}`;
  }
  lines.push(rest);
  return lines;
}

/** The bytes of a PDF with a title on every page and the lines flowing over as many pages as needed. */
export function writeTextPdf(title: string, lines: readonly PdfLine[], footer: string): Buffer {
  const flowing = lines.flatMap((line) =>
    wrapLine(line.text).map((text) => ({ text, heading: line.heading ?? false })),
  );
  const pages: (typeof flowing)[] = [];
  for (let i = 0; i < Math.max(flowing.length, 1); i += LINES_PER_PAGE)
    pages.push(flowing.slice(i, i + LINES_PER_PAGE));

  // Objects: 1 catalog, 2 page tree, 3 regular font, 4 bold font, then per page its page and content.
  const objects: string[] = [];
  const pageIds = pages.map((_, i) => 5 + 2 * i);
  objects[1] = '<< /Type /Catalog /Pages 2 0 R >>';
  objects[2] = `<< /Type /Pages /Kids [${pageIds.map((id) => `${id} 0 R`).join(' ')}] /Count ${pages.length} >>`;
  objects[3] = '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>';
  objects[4] = '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica-Bold /Encoding /WinAnsiEncoding >>';
  pages.forEach((pageLines, index) => {
    const pageId = pageIds[index] as number;
    const contentId = pageId + 1;
    const ops: string[] = [
      'BT',
      `/F2 ${TITLE_SIZE} Tf`,
      `${MARGIN} ${PAGE_HEIGHT - MARGIN} Td`,
      `${pdfString(title)} Tj`,
    ];
    ops.push(`/F1 ${FONT_SIZE} Tf`, `${LEADING} TL`, 'T*', 'T*');
    for (const line of pageLines) {
      ops.push(line.heading ? `/F2 ${FONT_SIZE} Tf` : `/F1 ${FONT_SIZE} Tf`, `${pdfString(line.text)} '`);
    }
    ops.push('ET', 'BT', `/F1 8 Tf`, `${MARGIN} ${MARGIN / 2} Td`);
    ops.push(`${pdfString(`${footer} - ${index + 1}/${pages.length}`)} Tj`, 'ET');
    const stream = ops.join('\n');
    objects[pageId] =
      `<< /Type /Page /Parent 2 0 R /MediaBox [0 0 ${PAGE_WIDTH} ${PAGE_HEIGHT}] ` +
      `/Resources << /Font << /F1 3 0 R /F2 4 0 R >> >> /Contents ${contentId} 0 R >>`;
    objects[contentId] = `<< /Length ${Buffer.byteLength(stream, 'latin1')} >>\nstream\n${stream}\nendstream`;
  });

  // Every byte is Latin-1 (non-ASCII text is escaped in octal), so offsets count bytes exactly.
  let body = '%PDF-1.4\n%\xe2\xe3\xcf\xd3\n';
  const offsets: number[] = [];
  for (let id = 1; id < objects.length; id++) {
    offsets[id] = Buffer.byteLength(body, 'latin1');
    body += `${id} 0 obj\n${objects[id]}\nendobj\n`;
  }
  const xrefAt = Buffer.byteLength(body, 'latin1');
  body += `xref\n0 ${objects.length}\n0000000000 65535 f \n`;
  for (let id = 1; id < objects.length; id++) body += `${String(offsets[id]).padStart(10, '0')} 00000 n \n`;
  body += `trailer\n<< /Size ${objects.length} /Root 1 0 R >>\nstartxref\n${xrefAt}\n%%EOF\n`;
  return Buffer.from(body, 'latin1');
}
