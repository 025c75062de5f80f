/**
 * Indonesian person-name normalisation for duplicate detection.
 *
 * The same person is written in many ways: titles and degrees come and go (H., Hj., Ir., Drs.,
 * S.E., S.Kom, M.M.), old (pre-1972, Dutch-based) spellings survive beside the new ones
 * (Soeparman/Suparman, Djoko/Joko, Tjahjo/Cahyo, Jusuf/Yusuf, Chairul/Khairul), "Muhammad" is
 * written Muhamad, Mohammad, Moch., Moh., M., and common variants are used interchangeably
 * (Achmad/Ahmad, Syaiful/Saiful, Ramadhan/Ramadan, Taufiq/Taufik, Fitriyani/Fitriani). The
 * canonical tokens below erase those differences; comparison then sorts the tokens so that word
 * order does not matter.
 */

/** Honorifics and titles written before the name (compared without dots). */
const LEADING_TITLES = new Set([
  'H',
  'HJ',
  'HAJI',
  'HAJAH',
  'HAJJAH',
  'IR',
  'DRS',
  'DRA',
  'DR',
  'DRG',
  'PROF',
  'KH',
  'KYAI',
  'USTADZ',
  'USTAD',
  'TGH',
  'RA',
  'RM',
]);

/** Academic degrees written after the name (compared without dots). */
const TRAILING_DEGREES = new Set([
  'SE',
  'SKOM',
  'SH',
  'SHI',
  'SPD',
  'SPDI',
  'SAG',
  'SSOS',
  'SIP',
  'SKM',
  'SKED',
  'SKEP',
  'SST',
  'SSI',
  'SS',
  'SP',
  'ST',
  'STP',
  'SPT',
  'SFARM',
  'SPSI',
  'SHUT',
  'SIKOM',
  'SSTP',
  'SAP',
  'SAK',
  'STH',
  'SSY',
  'MM',
  'MT',
  'MSI',
  'MPD',
  'MH',
  'MKES',
  'MAG',
  'MKOM',
  'MSC',
  'MBA',
  'MA',
  'MAP',
  'MPH',
  'AMD',
  'AMDKEP',
  'AMDKEB',
  'AMA',
  'PHD',
  'BSC',
  'BA',
  'APT',
  'NS',
  'SPOG',
  'SPA',
  'SPB',
  'MKN',
  'DR',
  'DRS',
  'IR',
  'H',
  'HJ',
]);

/** Canonical (already respelled and collapsed) forms of "Muhammad" and its abbreviations. */
const MUHAMMAD_FORMS = new Set([
  'M',
  'MD',
  'MH',
  'MHD',
  'MUH',
  'MUHD',
  'MOH',
  'MOHD',
  'MHM',
  'MUHAMAD',
  'MUHAMED',
  'MOHAMAD',
  'MOHAMED',
  'MOHAMET',
  'MUHAMET',
  'MAMAD',
  'MUHAMADH',
]);

/** A mistyped long form ("MOHAMLD", "MUHMAD"): one edit away from MUHAMAD or MOHAMAD. */
function looksLikeMuhammad(token: string): boolean {
  if (token.length < 6 || token.length > 8 || token[0] !== 'M') return false;
  return oneEditApart(token, 'MUHAMAD') || oneEditApart(token, 'MOHAMAD');
}

function oneEditApart(a: string, b: string): boolean {
  if (Math.abs(a.length - b.length) > 1) return false;
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  if (a.length === b.length) return a.slice(i + 1) === b.slice(i + 1);
  return a.length > b.length ? a.slice(i + 1) === b.slice(i) : a.slice(i) === b.slice(i + 1);
}

/** The canonical token every form of "Muhammad" becomes. */
export const MUHAMMAD = 'MUHAMAD';

const ASCII = /^[\x20-\x7e]*$/;
const OLD_OR_VARIANT = /OE|DJ|TJ|CH|J|KH|DH|TH|PH|SY|Q|IY|(.)\1/;

const compact = (token: string): string => token.replace(/[.'`’-]/g, '');

/**
 * Old (Van Ophuijsen / Soewandi) spellings to the 1972 spelling, then a phonetic key that also
 * folds the common modern variants, so that every way of writing one name gives one token.
 */
export function respellToken(token: string): string {
  if (!OLD_OR_VARIANT.test(token)) return token;
  let t = token;
  t = t.replace(/OE/g, 'U');
  t = t.replace(/DJ/g, 'J');
  t = t.replace(/TJ/g, 'C');
  t = t.replace(/CH/g, 'KH');
  // Old J is new Y (Jusuf → Yusuf) while new J was old DJ (Djoko → Joko): a token alone cannot
  // tell which J it has, so both letters fold into one (Joko, Djoko and Yoko all become YOKO).
  t = t.replace(/J/g, 'Y');
  // Variants that parents and clerks use interchangeably: Achmad/Akhmad/Ahmad, Chairul/Khairul/
  // Hairul, Ramadhan/Ramadan, Fathur/Fatur, Taufiq/Taufik, Syaiful/Saiful (and old Sjamsul),
  // Fitriyani/Fitriani.
  t = t.replace(/KH/g, 'H');
  t = t.replace(/DH/g, 'D');
  t = t.replace(/TH/g, 'T');
  t = t.replace(/PH/g, 'F');
  t = t.replace(/Q/g, 'K');
  t = t.replace(/SY/g, 'S');
  t = t.replace(/IY(?=[AEIOU])/g, 'I');
  // Repeated letters are spelling noise (Muhammad/Muhamad, Abdullah/Abdulah, Saleh/Salleh).
  t = t.replace(/(.)\1+/g, '$1');
  return t;
}

/**
 * FNV-1a of a text as a signed 32-bit integer (so that V8 keeps it unboxed), 0 for '' and never 0
 * otherwise. Comparisons test these numbers first: unequal hashes prove unequal texts without
 * reading them, which matters when a scan touches millions of records that do not fit in cache.
 */
export function hashText(text: string, start = 0, end = text.length): number {
  if (end <= start) return 0;
  let x = 0x811c9dc5;
  for (let i = start; i < end; i++) {
    x ^= text.charCodeAt(i);
    x = Math.imul(x, 0x01000193);
  }
  return x | 0 || 1;
}

export interface NormalizedName {
  /** Canonical tokens in written order (titles and degrees removed, respelled, Muhammad unified). */
  readonly tokens: readonly string[];
  /**
   * The same tokens before respelling (upper case, letters only), one for one: a typo can land on
   * a letter pair that respelling rewrites (Cahaya → Chaya → HAYA), so comparisons look at both.
   */
  readonly plainTokens: readonly string[];
  /** The canonical tokens sorted and joined by one space: equal keys mean equal names. */
  readonly key: string;
  /** Upper-cased tokens without titles but with the original spelling, sorted: tells "equal as written" apart. */
  readonly plainKey: string;
  /** `hashText(key)`: 0 for an empty name. */
  readonly hash: number;
  /**
   * True for a name known only as keyed digests of its canonical tokens (see `sealedName`): its
   * tokens are digests, so only equality of whole tokens means anything (no spelling similarity).
   */
  readonly sealed?: boolean;
}

const EMPTY_NAME: NormalizedName = { tokens: [], plainTokens: [], key: '', plainKey: '', hash: 0 };

/** Whether `tokens` from `at` on, each but the last ending with a dot, spell `degree` ("S. Pd. I"). */
function degreeAt(tokens: readonly string[], at: number): boolean {
  let joined = '';
  for (let i = at; i < tokens.length; i++) {
    const token = tokens[i] as string;
    if (i < tokens.length - 1 && !token.endsWith('.')) return false;
    joined += compact(token);
  }
  return TRAILING_DEGREES.has(joined);
}

/** Letters and single spaces only: most names, which need none of the punctuation handling. */
const SIMPLE_NAME = /^[A-Za-z]+(?: [A-Za-z]+)*$/;

/** `words` for a SIMPLE_NAME: the same result, without the punctuation handling. */
function simpleWords(raw: string): string[] {
  const tokens = raw.toUpperCase().split(' ');
  let first = 0;
  let end = tokens.length;
  while (end - first > 1 && LEADING_TITLES.has(tokens[first] as string)) first++;
  while (end - first > 1 && (tokens[end - 1] as string).length > 1 && TRAILING_DEGREES.has(tokens[end - 1] as string))
    end--;
  return first === 0 && end === tokens.length ? tokens : tokens.slice(first, end);
}

/** The words of a name in upper-case letters, without titles before it and degrees after it. */
function words(raw: string): string[] {
  // Diacritics (é, ñ) are dropped; plain ASCII, the usual case, skips the costly decomposition.
  const upper = (ASCII.test(raw) ? raw : raw.normalize('NFKD').replace(/[\u0300-\u036f]/g, '')).toUpperCase();
  // Split on spaces and punctuation, and after a dot glued to the next word ("M.Rizki",
  // "Dra.Rahayu"); dots stay on their token until titles and degrees are recognised.
  let tokens = upper.split(/[\s,;/()"]+|(?<=\.)(?=[A-Z])/).filter((t) => compact(t) !== '' && /[A-Z]/.test(t));
  // Leading titles: "Drs. H. Soeparman" → "Soeparman" (keep at least one token).
  while (tokens.length > 1 && LEADING_TITLES.has(compact(tokens[0] ?? ''))) tokens = tokens.slice(1);
  // Trailing degrees, possibly in dotted parts ("S. Kom", "M.M.", "S.Pd.I").
  for (;;) {
    const n = tokens.length;
    if (n <= 1) break;
    const last = tokens[n - 1] as string;
    const lastCompact = compact(last);
    if (n > 3 && degreeAt(tokens, n - 3)) tokens = tokens.slice(0, -3);
    else if (n > 2 && degreeAt(tokens, n - 2)) tokens = tokens.slice(0, -2);
    // A lone letter is an initial unless written with a dot as part of a degree.
    else if (TRAILING_DEGREES.has(lastCompact) && (lastCompact.length > 1 || last.includes('.')))
      tokens = tokens.slice(0, -1);
    else break;
  }
  return tokens
    .flatMap((t) => t.split('-'))
    .map((t) => t.replace(/[^A-Z]/g, ''))
    .filter((t) => t !== '');
}

/** Splits, strips titles and degrees, respells and unifies "Muhammad". Pure and idempotent on its key. */
export function normalizeIndonesianName(raw: string): NormalizedName {
  const letters = SIMPLE_NAME.test(raw) ? simpleWords(raw) : words(raw);
  if (letters.length === 0) return EMPTY_NAME;
  const canonical = letters.map((t) => {
    const respelled = respellToken(t);
    return MUHAMMAD_FORMS.has(respelled) || looksLikeMuhammad(respelled) ? MUHAMMAD : respelled;
  });
  const key = [...canonical].sort().join(' ');
  return {
    tokens: canonical,
    plainTokens: letters,
    key,
    plainKey: [...letters].sort().join(' '),
    hash: hashText(key),
  };
}

/**
 * The distinct canonical tokens of a name, sorted: what a keyed digest of the name is made of, one
 * digest per token (spelling variants, titles and word order already folded away).
 */
export function nameDigestTokens(raw: string): string[] {
  return [...new Set(normalizeIndonesianName(raw).tokens)].sort();
}

/**
 * A name held only as keyed digests of its canonical tokens, separated by spaces (the form the
 * registry keeps a mother's maiden name in). Equal names give equal keys and a shared word gives a
 * shared token, but nothing of the spelling is left to compare.
 */
export function sealedName(digests: string): NormalizedName {
  const tokens = [...new Set(digests.split(' ').filter((t) => t !== ''))].sort();
  if (tokens.length === 0) return EMPTY_NAME;
  const key = tokens.join(' ');
  return { tokens, plainTokens: tokens, key, plainKey: key, hash: hashText(key), sealed: true };
}

const SCRATCH_SIZE = 64;
const SCRATCH_A = new Uint8Array(SCRATCH_SIZE);
const SCRATCH_B = new Uint8Array(SCRATCH_SIZE);

/** Jaro–Winkler similarity in [0, 1] (prefix scale 0.1, up to 4 characters). */
export function jaroWinkler(a: string, b: string): number {
  if (a === b) return a === '' ? 0 : 1;
  const la = a.length;
  const lb = b.length;
  if (la === 0 || lb === 0) return 0;
  const window = Math.max(0, Math.floor(Math.max(la, lb) / 2) - 1);
  // Scratch buffers reused across calls (no allocation per comparison; results do not depend on them).
  const matchedA = la <= SCRATCH_SIZE ? SCRATCH_A.fill(0, 0, la) : new Uint8Array(la);
  const matchedB = lb <= SCRATCH_SIZE ? SCRATCH_B.fill(0, 0, lb) : new Uint8Array(lb);
  let matches = 0;
  for (let i = 0; i < la; i++) {
    const from = Math.max(0, i - window);
    const to = Math.min(lb - 1, i + window);
    for (let j = from; j <= to; j++) {
      if (matchedB[j] === 0 && a.charCodeAt(i) === b.charCodeAt(j)) {
        matchedA[i] = 1;
        matchedB[j] = 1;
        matches++;
        break;
      }
    }
  }
  if (matches === 0) return 0;
  let transpositions = 0;
  let k = 0;
  for (let i = 0; i < la; i++) {
    if (matchedA[i] === 0) continue;
    while (matchedB[k] === 0) k++;
    if (a.charCodeAt(i) !== b.charCodeAt(k)) transpositions++;
    k++;
  }
  const jaro = (matches / la + matches / lb + (matches - transpositions / 2) / matches) / 3;
  let prefix = 0;
  while (prefix < 4 && prefix < la && prefix < lb && a.charCodeAt(prefix) === b.charCodeAt(prefix)) prefix++;
  return jaro + prefix * 0.1 * (1 - jaro);
}
