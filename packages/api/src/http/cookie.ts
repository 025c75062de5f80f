/**
 * One cookie's value from a `Cookie` request header, with the semantics of Hono's named
 * `getCookie` (first well-formed pair of that name wins, surrounding blanks and one pair of
 * double quotes dropped, values with characters a cookie may not hold skipped, `%` escapes
 * decoded when valid). Hono's parser stores every match into a fresh dictionary object, which
 * costs a runtime call (an inline-cache miss) on every request; this reads the one value the
 * request needs without building anything.
 */
const COOKIE_VALUE = /^[ !#-:<-[\]-~]*$/;

function trimBlanks(text: string, start: number, end: number): string {
  let from = start;
  let to = end;
  while (from < to && (text.charCodeAt(from) === 32 || text.charCodeAt(from) === 9)) from++;
  while (to > from && (text.charCodeAt(to - 1) === 32 || text.charCodeAt(to - 1) === 9)) to--;
  return text.slice(from, to);
}

function decodePercent(value: string): string {
  if (value.indexOf('%') === -1) return value;
  try {
    return decodeURIComponent(value);
  } catch {
    // Hono decodes each valid escape and leaves the rest; a session token never holds one.
    return value.replace(/(?:%[0-9A-Fa-f]{2})+/g, (run) => {
      try {
        return decodeURIComponent(run);
      } catch {
        return run;
      }
    });
  }
}

export function readCookie(header: string | null | undefined, name: string): string | null {
  if (!header || header.indexOf(name) === -1) return null;
  let start = 0;
  while (start <= header.length) {
    let end = header.indexOf(';', start);
    if (end === -1) end = header.length;
    const equals = header.indexOf('=', start);
    if (equals !== -1 && equals < end && trimBlanks(header, start, equals) === name) {
      let value = trimBlanks(header, equals + 1, end);
      if (value.startsWith('"') && value.endsWith('"')) value = value.slice(1, -1);
      if (COOKIE_VALUE.test(value)) return decodePercent(value);
    }
    start = end + 1;
  }
  return null;
}
