import { jaroWinkler, MUHAMMAD, type NormalizedName } from './names.js';
import { givenNameToken, type NameFrequencies, type PreparedRecord } from './record.js';

/**
 * Pairwise comparison, Fellegi–Sunter style: each feature adds a weight, the log2 of
 * m/u = P(observation | same person) / P(observation | different people), set by reasoning and
 * checked against the synthetic benchmark (tooling/duplicates-bench, several seeds and a harsher
 * variant). The weights assume the pair already shares a blocking key, so they are smaller than
 * the raw ratios over random pairs, and they are capped because the features are not independent.
 *
 * - NIK equal: u is tiny (a NIK is personal) → +12; but +7 when the NIK contradicts one record's
 *   birth date or sex (a relative's NIK typed in, or a typo in the date).
 * - NIK one error away: +40 missing or added on the women's day (+10), two adjacent digits swapped
 *   (+8), one digit mistyped outside the serial (+6), inside the serial (+3: twins and siblings
 *   registered together differ exactly there), in the decade of a birth year a generation apart
 *   (0: a typo or a parent and child), two digits (+2), one digit dropped or doubled (+5).
 * - NIK different: −8 when each NIK fits its own record's recorded birth date and sex (two people,
 *   each under their own NIK; also when the dates the NIKs encode differ, however few digits
 *   apart), else −2 (one of them is garbled, which happens to the same person).
 * - Name: equal names weigh by their rarity, half the bits of information of the name (token
 *   frequencies of the scanned file), between 2 and 9: "SITI AMINAH" weighs less than
 *   "BAMBANG SUPRIYADI". Nearly equal (typos) or words joined (Nuraini/Nur Aini) loses 1.5, each
 *   word added or dropped loses 2.5, one middle word changed +1. A different given name beside an
 *   equal family name is the sibling pattern (−7); different names −6.
 * - Birth date equal +5; the other's NIK encodes it +3; both NIKs encode one date +2; day and
 *   month swapped +3.5; one digit +1; ≥ 15 years apart −12 (a parent and child of the same
 *   name), −2 when a single digit (the decade) differs; otherwise −5.
 * - Sex equal +0.5, different −3 (recorded sexes only). Mother's name equal +1.5…+4.5 by rarity,
 *   nearly equal +2, different −4. Phone equal +5.5, email equal +6, KPJ equal +13 (the same
 *   card); different contacts are no evidence at all (people change them, and each employer
 *   issues a new KPJ).
 * - Twins guard: both NIKs with the same region and birth date but another serial: −8 when the
 *   given names differ (twins share mother, birth date, often phone), −3/−4 when only another
 *   part of the name differs (more likely a mistyped serial); −8 for a boy and a girl whose NIKs
 *   differ only by the +40 and whose recorded sexes agree with them.
 * - A different given name is never merged automatically: siblings share birth date, mother,
 *   phone and region, and now and then a NIK typed from the wrong card, so whatever those add up
 *   to, such a pair goes to review (the reason GIVEN_NAME_NEEDS_REVIEW brings it below `match`).
 */
export const DUPLICATE_WEIGHTS = {
  nikEqual: 12,
  nikEqualContradicted: 7,
  nikPlus40: 10,
  nikSexDigits: 0,
  nikTransposed: 8,
  nikOneDigit: 6,
  nikDecadeDigit: 0,
  nikOneSerialDigit: 3,
  nikTwoDigits: 2,
  nikIndel: 5,
  nikDifferent: -2,
  nikDifferentBothValid: -8,
  nameEqualMin: 2,
  nameEqualMax: 9,
  nameNearlyEqualPenalty: 1.5,
  nameSubsetPenalty: 2.5,
  nameSimilar: 1,
  nameWordChanged: 1,
  nameSibling: -7,
  nameDifferent: -6,
  birthEqual: 5,
  birthSwapped: 3.5,
  birthOneDigit: 1,
  birthGeneration: -12,
  birthDecadeDigit: -2,
  birthDifferent: -5,
  birthFromNik: 3,
  birthNikAgrees: 2,
  sexEqual: 0.5,
  sexDifferent: -3,
  motherEqualMin: 1.5,
  motherEqualMax: 4.5,
  motherSimilar: 2,
  motherDifferent: -4,
  /** Sealed names (keyed digests): equality without the rarity of the words, which is not known. */
  motherSealedEqual: 3,
  /** Sealed names that differ: a typo cannot be told from another name, so it weighs less. */
  motherSealedDifferent: -2,
  phoneEqual: 5.5,
  emailEqual: 6,
  kpjEqual: 13,
  twins: -8,
  twinsSubset: -4,
  twinsNearly: -3,
} as const;

export interface DuplicateThresholds {
  /** Total weight from which a pair is the same person. */
  readonly match: number;
  /** Total weight from which a human should look. */
  readonly review: number;
}

export const DEFAULT_DUPLICATE_THRESHOLDS: DuplicateThresholds = { match: 10, review: 5 };

export type DuplicateDecision = 'match' | 'review' | 'distinct';

export interface DuplicateReason {
  /** Stable code for programs. */
  readonly code: string;
  /** Readable by staff. */
  readonly text: string;
  /** Contribution to the total weight (log2 likelihood ratio). */
  readonly weight: number;
}

export interface PairComparison {
  readonly weight: number;
  /** The weight mapped to 0..1 (logistic around the midpoint of the two thresholds). */
  readonly score: number;
  readonly decision: DuplicateDecision;
  readonly reasons: readonly DuplicateReason[];
}

const W = DUPLICATE_WEIGHTS;
const round1 = (x: number): number => Math.round(x * 10) / 10;
const clamp = (x: number, lo: number, hi: number): number => Math.min(hi, Math.max(lo, x));
const fixed2 = (x: number): string => x.toFixed(2);

/** Every reason: its stable code and its text (some texts carry a detail: a similarity, a number of years). */
const REASON_TEXT = {
  KPJ_EQUAL: () => 'same KPJ number',
  NIK_EQUAL: () => 'NIK equal',
  NIK_EQUAL_CONTRADICTED: () => "NIK equal, but it contradicts one record's birth date or sex",
  NIK_PLUS40: () => "NIK differs only by the +40 on a woman's birth day",
  NIK_SEX_DIGITS: () => "NIKs differ only in the sex encoding, each agreeing with its record's sex",
  NIK_ONE_SERIAL_DIGIT: () => 'NIK differs in one digit of the serial',
  NIK_ONE_DIGIT: () => 'NIK differs in one digit',
  NIK_DECADE_DIGIT: () => 'NIK differs in the decade of the birth year (a typo, or a parent and child?)',
  NIK_TRANSPOSED: () => 'NIK differs by one transposed pair',
  NIK_TWO_DIGITS: () => 'NIK differs in two digits',
  NIK_INDEL: () => 'NIK differs by one missing or extra digit',
  NIK_DIFFERENT: () => 'NIK differs (one of them does not fit its record)',
  NIK_DIFFERENT_BOTH_VALID: () => "NIK differs, and each fits its own record's birth date and sex",
  NAME_EQUAL: () => 'name equal',
  NAME_EQUAL_NORMALISED: () => 'name equal after normalisation (titles, old spelling, Muhammad)',
  NAME_NEARLY_EQUAL: (s: number) => `name nearly equal (similarity ${fixed2(s)})`,
  NAME_JOINED: () => 'name equal but for words written together or apart',
  NAME_TOKEN_ADDED: () => 'name equal but for an added or dropped word',
  NAME_WORD_CHANGED: () => 'name equal but for one middle word',
  NAME_SIMILAR: (s: number) => `name similar (similarity ${fixed2(s)})`,
  NAME_GIVEN_DIFFERS: () => 'given name differs although another part of the name is equal',
  NAME_DIFFERENT: (s: number) => `name differs (similarity ${fixed2(s)})`,
  BIRTH_FROM_NIK: () => "birth date encoded in one NIK equals the other's birth date",
  BIRTH_EQUAL: () => 'birth date equal',
  BIRTH_TYPO_NIK_AGREES: () => 'birth date differs but both NIKs encode the same one',
  BIRTH_GENERATION: (years: number) => `birth dates ${years} years apart (parent and child?)`,
  BIRTH_DECADE_DIGIT: () => 'birth years differ in one digit (a typo, or a parent and child?)',
  BIRTH_SWAPPED: () => 'birth date with day and month swapped',
  BIRTH_ONE_DIGIT: () => 'birth date differs in one digit',
  BIRTH_DIFFERENT: () => 'birth date differs',
  SEX_EQUAL: () => 'sex equal',
  SEX_DIFFERENT: () => 'sex differs',
  MOTHER_EQUAL: () => "same mother's name",
  MOTHER_SIMILAR: () => "mother's name nearly equal",
  MOTHER_DIFFERENT: () => "mother's name differs",
  MOTHER_SEALED_DIFFERENT: () => "mother's name differs (compared as kept: sealed, a typo looks like another name)",
  PHONE_EQUAL: () => 'same phone number',
  EMAIL_EQUAL: () => 'same email address',
  TWINS_PATTERN: (oppositeSex: number) =>
    oppositeSex === 1
      ? 'same NIK region and birth date, recorded sexes differ (twins or siblings?)'
      : 'same NIK region and birth date but another serial and another name (twins or siblings?)',
  GIVEN_NAME_NEEDS_REVIEW: () =>
    'given names differ: never merged automatically (siblings share birth date, mother, phone, even a NIK)',
} as const satisfies Record<string, (detail: number) => string>;

export type DuplicateReasonCode = keyof typeof REASON_TEXT;

/**
 * The reasons of the pair being evaluated, as parallel arrays reused from pair to pair: a scan
 * evaluates millions of candidate pairs and keeps a small share, so reason objects and texts are
 * only built for the pairs that are returned. Evaluation is synchronous, so one set suffices.
 */
const scratchCodes: DuplicateReasonCode[] = [];
const scratchWeights: number[] = [];
const scratchDetails: number[] = [];
let scratchCount = 0;
let scratchSum = 0;

function add(code: DuplicateReasonCode, weight: number, detail = 0): void {
  scratchCodes[scratchCount] = code;
  scratchWeights[scratchCount] = weight;
  scratchDetails[scratchCount] = detail;
  scratchCount++;
  scratchSum += weight;
}

/** Digit `position` (0–15) of a 16-digit NIK held as its two halves. */
const POWERS = [10_000_000, 1_000_000, 100_000, 10_000, 1000, 100, 10, 1];
const nikDigit = (r: PreparedRecord, position: number): number =>
  Math.floor((position < 8 ? r.nikHigh : r.nikLow) / (POWERS[position & 7] as number)) % 10;
/** The encoded birth day (with the +40 of women): digits 7–8 of the NIK. */
const nikDay = (r: PreparedRecord): number => r.nikHigh % 100;

function compareNik(ra: PreparedRecord, rb: PreparedRecord): void {
  if (ra.nikHash === 0 || rb.nikHash === 0) return;
  if (ra.nikHash === rb.nikHash && ra.nik === rb.nik) {
    // A NIK that contradicts one record's birth date or sex may be a relative's typed in.
    if (ra.nikAgrees === 0 || rb.nikAgrees === 0) add('NIK_EQUAL_CONTRADICTED', W.nikEqualContradicted);
    else add('NIK_EQUAL', W.nikEqual);
    return;
  }
  if (ra.nikHigh >= 0 && rb.nikHigh >= 0) {
    // Each NIK encodes its own record's birth date, and the dates differ: the NIKs differ because
    // the people do, however few digits apart they are.
    if (ra.birth !== 0 && rb.birth !== 0 && ra.nikAgrees === 1 && rb.nikAgrees === 1 && ra.nikBirth !== rb.nikBirth) {
      add('NIK_DIFFERENT_BOTH_VALID', W.nikDifferentBothValid);
      return;
    }
    // Both have 16 digits: find the differing positions with arithmetic (no string is read).
    let count = 0;
    let d0 = -1;
    let d1 = -1;
    for (let half = 0; half < 2 && count <= 3; half++) {
      let x = half === 0 ? ra.nikHigh : ra.nikLow;
      let y = half === 0 ? rb.nikHigh : rb.nikLow;
      for (let k = 7; k >= 0 && x !== y; k--) {
        if (x % 10 !== y % 10) {
          const position = half * 8 + k;
          // Positions come from the right within a half: keep the two leftmost.
          if (count === 0 || position < d0) {
            d1 = d0;
            d0 = position;
          } else if (d1 < 0 || position < d1) d1 = position;
          count++;
        }
        x = Math.floor(x / 10);
        y = Math.floor(y / 10);
      }
    }
    if (count === 1) {
      if (d0 === 6 && Math.abs(nikDay(ra) - nikDay(rb)) === 40) addPlus40(ra, rb);
      else if (d0 >= 12) add('NIK_ONE_SERIAL_DIGIT', W.nikOneSerialDigit);
      // The decade of the birth year (digit 11): the NIKs encode births a generation apart, as a
      // parent's and a child's of the same name and birthday would.
      else if (d0 === 10 && Math.abs(Math.floor(ra.nikBirth / 10000) - Math.floor(rb.nikBirth / 10000)) >= 15)
        add('NIK_DECADE_DIGIT', W.nikDecadeDigit);
      else add('NIK_ONE_DIGIT', W.nikOneDigit);
      return;
    }
    if (count === 2) {
      if (d1 === d0 + 1 && nikDigit(ra, d0) === nikDigit(rb, d1) && nikDigit(ra, d1) === nikDigit(rb, d0)) {
        add('NIK_TRANSPOSED', W.nikTransposed);
        return;
      }
      if (d0 === 6 && d1 === 7 && Math.abs(nikDay(ra) - nikDay(rb)) === 40) {
        addPlus40(ra, rb);
        return;
      }
      add('NIK_TWO_DIGITS', W.nikTwoDigits);
      return;
    }
    addNikDifferent(ra, rb);
    return;
  }
  const a = ra.nik;
  const b = rb.nik;
  if (Math.abs(a.length - b.length) === 1 && Math.min(a.length, b.length) >= 14 && oneIndel(a, b)) {
    add('NIK_INDEL', W.nikIndel);
    return;
  }
  addNikDifferent(ra, rb);
}

/**
 * Two unrelated NIKs: weak evidence when one of them contradicts its own record (a mistyped or
 * borrowed NIK), strong when each agrees with its own record's birth date and sex (two people,
 * each registered under their own NIK).
 */
function addNikDifferent(a: PreparedRecord, b: PreparedRecord): void {
  if (a.nikAgrees === 1 && b.nikAgrees === 1) add('NIK_DIFFERENT_BOTH_VALID', W.nikDifferentBothValid);
  else add('NIK_DIFFERENT', W.nikDifferent);
}

/**
 * Two NIKs that differ only by the +40: a clerk's slip, unless each record's recorded sex agrees
 * with its own NIK and the two sexes differ (then they are a man and a woman born the same day).
 */
function addPlus40(a: PreparedRecord, b: PreparedRecord): void {
  if (a.sex !== '' && b.sex !== '' && a.sex !== b.sex && a.sex === nikSex(a) && b.sex === nikSex(b))
    add('NIK_SEX_DIGITS', W.nikSexDigits);
  else add('NIK_PLUS40', W.nikPlus40);
}

/** True when deleting one character of the longer string gives the shorter. */
function oneIndel(a: string, b: string): boolean {
  const s = a.length < b.length ? a : b;
  const l = a.length < b.length ? b : a;
  let i = 0;
  while (i < s.length && s.charCodeAt(i) === l.charCodeAt(i)) i++;
  for (; i < s.length; i++) if (s.charCodeAt(i) !== l.charCodeAt(i + 1)) return false;
  return true;
}

type NameRelation = 'equal' | 'nearly' | 'joined' | 'subset' | 'changed' | 'similar' | 'sibling' | 'different';

/** True when `a` from `i` equals `b` from `j` (to their ends). */
function sameTail(a: string, i: number, b: string, j: number): boolean {
  if (a.length - i !== b.length - j) return false;
  for (; i < a.length; i++, j++) if (a.charCodeAt(i) !== b.charCodeAt(j)) return false;
  return true;
}

/** True when one substitution, insertion, deletion or adjacent swap turns `a` into `b`. */
export function withinOneEdit(a: string, b: string): boolean {
  if (a === b) return true;
  const la = a.length;
  const lb = b.length;
  if (Math.abs(la - lb) > 1) return false;
  let i = 0;
  while (i < la && i < lb && a.charCodeAt(i) === b.charCodeAt(i)) i++;
  if (la === lb) {
    if (sameTail(a, i + 1, b, i + 1)) return true;
    return (
      i + 1 < la &&
      a.charCodeAt(i) === b.charCodeAt(i + 1) &&
      a.charCodeAt(i + 1) === b.charCodeAt(i) &&
      sameTail(a, i + 2, b, i + 2)
    );
  }
  return la > lb ? sameTail(a, i + 1, b, i) : sameTail(a, i, b, i + 1);
}

/** True when `a` sorts before or equal to `b` joined by spaces (tokens hold letters only, so token by token). */
function tokensNotAfter(a: readonly string[], b: readonly string[]): boolean {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    const x = a[i] as string;
    const y = b[i] as string;
    if (x !== y) return x < y;
  }
  return a.length <= b.length;
}

/** Similarity of two name tokens: 1 equal, 0.9 an initial of the other or one edit away, else Jaro–Winkler. */
function tokenSimilarity(x: string, y: string): number {
  if (x === y) return 1;
  if ((x.length === 1 || y.length === 1) && x.charCodeAt(0) === y.charCodeAt(0)) return 0.9;
  if (Math.min(x.length, y.length) >= 2 && Math.max(x.length, y.length) >= 3 && withinOneEdit(x, y))
    return Math.max(0.9, jaroWinkler(x, y));
  return jaroWinkler(x, y);
}

/** Index of the given name: the first token that is neither MUHAMMAD nor an initial (else 0). */
function givenIndex(tokens: readonly string[]): number {
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i] as string;
    if (t !== MUHAMMAD && t.length > 1) return i;
  }
  return 0;
}

/** True when the tokens written together are equal or one edit apart (Nur Aini / Nuraini, Abdul Rahman / Abdurrahman). */
function joinedNearlyEqual(a: readonly string[], b: readonly string[]): boolean {
  const x = a.join('');
  const y = b.join('');
  return x.length >= 6 && withinOneEdit(x, y);
}

/** The token-weighted similarity of the last `relateNames` call (kept outside to avoid an object per call). */
let lastSimilarity = 0;
/** Similarities of every token of the shorter name with every token of the longer one. */
let cells = new Float64Array(64);

/**
 * Aligns the tokens of two names one to one, best pairs first (equal tokens, then the most
 * similar), so that a changed middle word cannot steal the family name's partner; then names the
 * relation. A typo can hit a letter pair that respelling rewrites, so a weak pair of tokens is
 * also compared as written.
 */
function relateNames(a: NormalizedName, b: NormalizedName): NameRelation {
  const ta = a.tokens;
  const tb = b.tokens;
  // Order-independent: fewer tokens first, ties broken by the tokens (keeps the score symmetric).
  const aFirst = ta.length !== tb.length ? ta.length < tb.length : tokensNotAfter(ta, tb);
  const short = aFirst ? ta : tb;
  const long = aFirst ? tb : ta;
  const shortPlain = aFirst ? a.plainTokens : b.plainTokens;
  const longPlain = aFirst ? b.plainTokens : a.plainTokens;
  const ns = short.length;
  const nl = long.length;
  let shortLength = 0;
  let longLength = 0;
  for (let i = 0; i < ns; i++) shortLength += (short[i] as string).length;
  for (let j = 0; j < nl; j++) longLength += (long[j] as string).length;
  const total = shortLength + longLength;
  if (ns !== nl && Math.abs(shortLength - longLength) <= 1 && joinedNearlyEqual(ta, tb)) {
    lastSimilarity = 1;
    return 'joined';
  }
  // Names hold a handful of tokens; beyond 30 the extra ones are never aligned (harmless).
  let rowsUsed = 0;
  let colsUsed = 0;
  let weighted = 0;
  let exact = 0;
  let weak = 0;
  let weakGiven = false;
  const shortGiven = givenIndex(short);
  const longGiven = givenIndex(long);
  let shortGivenExact = false;
  let longGivenAligned = false;
  // Equal tokens first (in reading order), then the similarities of the tokens left: most
  // pairs of names share a word, and Jaro–Winkler is the costly part.
  for (let t = 0; t < ns && t < 30; t++) {
    const x = short[t] as string;
    for (let j = 0; j < nl && j < 30; j++) {
      if ((colsUsed & (1 << j)) !== 0 || x !== long[j]) continue;
      rowsUsed |= 1 << t;
      colsUsed |= 1 << j;
      exact++;
      if (t === shortGiven) shortGivenExact = true;
      if (j === longGiven) longGivenAligned = true;
      weighted += 2 * x.length;
      break;
    }
  }
  if (ns * nl > cells.length) cells = new Float64Array(ns * nl * 2);
  for (let t = 0; t < ns && t < 30; t++) {
    if ((rowsUsed & (1 << t)) !== 0) continue;
    const x = short[t] as string;
    const xPlain = shortPlain[t] as string;
    for (let j = 0; j < nl && j < 30; j++) {
      if ((colsUsed & (1 << j)) !== 0) continue;
      const y = long[j] as string;
      let sim = tokenSimilarity(x, y);
      if (sim < 0.85) {
        const yPlain = longPlain[j] as string;
        if (xPlain !== x || yPlain !== y) sim = Math.max(sim, tokenSimilarity(xPlain, yPlain));
      }
      cells[t * nl + j] = sim;
    }
  }
  for (let step = 0; step < Math.min(ns, 30); step++) {
    let best = -1;
    let bestT = -1;
    let bestJ = -1;
    for (let t = 0; t < ns && t < 30; t++) {
      if ((rowsUsed & (1 << t)) !== 0) continue;
      for (let j = 0; j < nl && j < 30; j++) {
        if ((colsUsed & (1 << j)) !== 0) continue;
        const sim = cells[t * nl + j] as number;
        if (sim > best) {
          best = sim;
          bestT = t;
          bestJ = j;
        }
      }
    }
    if (bestT < 0) break;
    rowsUsed |= 1 << bestT;
    colsUsed |= 1 << bestJ;
    if (best === 1) exact++;
    if (best < 0.85) {
      weak++;
      if (bestT === shortGiven || bestJ === longGiven) weakGiven = true;
    }
    if (bestT === shortGiven) shortGivenExact = best === 1;
    if (bestJ === longGiven) longGivenAligned = true;
    weighted += best * ((short[bestT] as string).length + (long[bestJ] as string).length);
  }
  const similarity = total === 0 ? 0 : weighted / total;
  lastSimilarity = similarity;
  const sameCount = ns === nl;
  let hasRealShortToken = false;
  for (let t = 0; t < ns; t++) {
    const token = short[t] as string;
    if (token !== MUHAMMAD && token.length > 1) hasRealShortToken = true;
  }
  if (weak === 0 && sameCount && similarity >= 0.92) return 'nearly';
  // A word added or dropped, unless the longer name's given name is the added word while the
  // shorter one's given name only resembles another word (Sri Chaniago / Susanti Tri Chaniago:
  // two sisters).
  if (weak === 0 && !sameCount && ns >= 1 && hasRealShortToken)
    return longGivenAligned || shortGivenExact ? 'subset' : 'sibling';
  // One word of three or more changed (a middle name written differently, added or replaced).
  if (weak === 1 && !weakGiven && ns >= 3 && exact >= 2) return 'changed';
  if (weak > 0 && exact > 0 && ns >= 2) return 'sibling';
  if (weak > 0 && exact > 0 && ns === 1 && nl === 2 && weak === 1) return 'sibling';
  if (similarity >= 0.85 && weak === 0) return 'similar';
  return 'different';
}

/** The code of the name reason of the pair being evaluated ('' when a name is missing). */
let nameCode: DuplicateReasonCode | '' = '';

function compareNames(a: NormalizedName, b: NormalizedName, frequencies: NameFrequencies): void {
  nameCode = '';
  if (a.hash === 0 || b.hash === 0) return;
  if (a.hash === b.hash && a.key === b.key) {
    nameCode = a.plainKey === b.plainKey ? 'NAME_EQUAL' : 'NAME_EQUAL_NORMALISED';
    add(nameCode, round1(rarity(a.tokens, frequencies)));
    return;
  }
  const relation = relateNames(a, b);
  const sim = lastSimilarity;
  switch (relation) {
    case 'nearly':
      nameCode = 'NAME_NEARLY_EQUAL';
      add(
        nameCode,
        round1(Math.min(rarity(a.tokens, frequencies), rarity(b.tokens, frequencies)) - W.nameNearlyEqualPenalty),
        sim,
      );
      return;
    case 'joined':
      nameCode = 'NAME_JOINED';
      add(
        nameCode,
        round1(Math.min(rarity(a.tokens, frequencies), rarity(b.tokens, frequencies)) - W.nameNearlyEqualPenalty),
      );
      return;
    case 'subset': {
      const shorter = a.tokens.length <= b.tokens.length ? a.tokens : b.tokens;
      // Each word added costs the penalty again: one dropped middle name is common, a name that
      // grows by two words is more often another person sharing two of them.
      const added = Math.abs(a.tokens.length - b.tokens.length);
      nameCode = 'NAME_TOKEN_ADDED';
      add(nameCode, round1(Math.max(0.5, rarity(shorter, frequencies) - W.nameSubsetPenalty * added)));
      return;
    }
    case 'changed':
      nameCode = 'NAME_WORD_CHANGED';
      add(nameCode, W.nameWordChanged);
      return;
    case 'similar':
      nameCode = 'NAME_SIMILAR';
      add(nameCode, W.nameSimilar, sim);
      return;
    case 'sibling':
      nameCode = 'NAME_GIVEN_DIFFERS';
      add(nameCode, W.nameSibling);
      return;
    default:
      nameCode = 'NAME_DIFFERENT';
      add(nameCode, W.nameDifferent, sim);
      return;
  }
}

const rarity = (tokens: readonly string[], frequencies: NameFrequencies): number =>
  clamp(frequencies.nameInformation(tokens) / 2, W.nameEqualMin, W.nameEqualMax);

/** Number of differing decimal digits of two YYYYMMDD numbers. */
function digitDistance(x: number, y: number): number {
  let d = 0;
  for (let k = 0; k < 8 && x !== y; k++) {
    if (x % 10 !== y % 10) d++;
    x = Math.floor(x / 10);
    y = Math.floor(y / 10);
  }
  return d;
}

type BirthCode =
  | 'BIRTH_FROM_NIK'
  | 'BIRTH_EQUAL'
  | 'BIRTH_GENERATION'
  | 'BIRTH_DECADE_DIGIT'
  | 'BIRTH_TYPO_NIK_AGREES'
  | 'BIRTH_SWAPPED'
  | 'BIRTH_ONE_DIGIT'
  | 'BIRTH_DIFFERENT'
  | '';

const BIRTH_WEIGHT: Record<BirthCode, number> = {
  BIRTH_FROM_NIK: W.birthFromNik,
  BIRTH_EQUAL: W.birthEqual,
  BIRTH_GENERATION: W.birthGeneration,
  BIRTH_DECADE_DIGIT: W.birthDecadeDigit,
  BIRTH_TYPO_NIK_AGREES: W.birthNikAgrees,
  BIRTH_SWAPPED: W.birthSwapped,
  BIRTH_ONE_DIGIT: W.birthOneDigit,
  BIRTH_DIFFERENT: W.birthDifferent,
  '': 0,
};

/** How two recorded birth dates (YYYYMMDD, 0 when missing) relate, with the dates the NIKs encode. */
function birthOutcome(x: number, y: number, nikBirthA: number, nikBirthB: number): BirthCode {
  if (x === 0 || y === 0) {
    // One recorded date is missing or invalid: the other NIK's encoded date can stand in.
    const known = x || y;
    const otherNik = x === 0 ? nikBirthA : nikBirthB;
    return known !== 0 && otherNik === known ? 'BIRTH_FROM_NIK' : '';
  }
  if (x === y) return 'BIRTH_EQUAL';
  const yearX = Math.floor(x / 10000);
  const yearY = Math.floor(y / 10000);
  const nikAgree = nikBirthA !== 0 && nikBirthA === nikBirthB;
  // A generation apart is a parent and child, even when one carries the other's NIK. A single
  // digit apart (1968/1998) is as often a typo in the decade as a parent and child born on the
  // same day of the year; then the NIKs may tell which.
  if (Math.abs(yearX - yearY) >= 15) {
    if (digitDistance(x, y) !== 1) return 'BIRTH_GENERATION';
    if (!nikAgree) return 'BIRTH_DECADE_DIGIT';
  }
  if (nikAgree) return 'BIRTH_TYPO_NIK_AGREES';
  if (yearX === yearY && Math.floor(x / 100) % 100 === y % 100 && x % 100 === Math.floor(y / 100) % 100)
    return 'BIRTH_SWAPPED';
  return digitDistance(x, y) === 1 ? 'BIRTH_ONE_DIGIT' : 'BIRTH_DIFFERENT';
}

function compareBirth(a: PreparedRecord, b: PreparedRecord): void {
  const code = birthOutcome(a.birth, b.birth, a.nikBirth, b.nikBirth);
  if (code === '') return;
  const years = Math.abs(Math.floor(a.birth / 10000) - Math.floor(b.birth / 10000));
  add(code, BIRTH_WEIGHT[code], code === 'BIRTH_GENERATION' ? years : 0);
}

/** Whether every token of the shorter name is a token of the longer one. */
function tokensIncluded(a: readonly string[], b: readonly string[]): boolean {
  const [short, long] = a.length <= b.length ? [a, b] : [b, a];
  return short.every((token) => long.includes(token));
}

function compareMother(a: NormalizedName, b: NormalizedName, frequencies: NameFrequencies): void {
  if (a.hash === 0 || b.hash === 0) return;
  if (a.sealed || b.sealed) {
    // Keyed digests of words: equal, one name inside the other ("SITI AMINAH" and "AMINAH"), or not.
    if (a.hash === b.hash && a.key === b.key) add('MOTHER_EQUAL', W.motherSealedEqual);
    else if (a.sealed && b.sealed && tokensIncluded(a.tokens, b.tokens)) add('MOTHER_SIMILAR', W.motherSimilar);
    else add('MOTHER_SEALED_DIFFERENT', W.motherSealedDifferent);
    return;
  }
  if (a.hash === b.hash && a.key === b.key) {
    add('MOTHER_EQUAL', round1(clamp(frequencies.nameInformation(a.tokens) / 3, W.motherEqualMin, W.motherEqualMax)));
    return;
  }
  const relation = relateNames(a, b);
  if (relation === 'nearly' || relation === 'joined' || relation === 'subset' || relation === 'similar')
    add('MOTHER_SIMILAR', W.motherSimilar);
  else add('MOTHER_DIFFERENT', W.motherDifferent);
}

/**
 * NIKs of the same region and birth date that belong to two people: another serial (twins and
 * siblings registered together), or the same serial with the +40 on one side only while each
 * record's recorded sex agrees with its own NIK (a boy and a girl born the same day: a twin pair).
 */
function twinsPattern(a: PreparedRecord, b: PreparedRecord): 'opposite-sex' | 'serial' | null {
  // Same region and birth date: the sexless first eight digits and the month and year digits.
  if (
    a.nikSexlessHigh < 0 ||
    a.nikSexlessHigh !== b.nikSexlessHigh ||
    Math.floor(a.nikLow / 10000) !== Math.floor(b.nikLow / 10000)
  )
    return null;
  if (a.sex !== '' && b.sex !== '' && a.sex !== b.sex) return 'opposite-sex';
  return a.nikLow % 10000 !== b.nikLow % 10000 ? 'serial' : null;
}

const nikSex = (r: PreparedRecord): string => (r.nikHigh < 0 ? '' : nikDay(r) > 40 ? 'P' : 'L');

/**
 * How much the twins pattern (another serial) counts against a pair whose given names are equal,
 * by how the rest of the names relate: twins are given different names (Budi and Rudi count as
 * different), so a change elsewhere in the name makes a mistyped serial more likely.
 */
function twinsWeight(code: DuplicateReasonCode | ''): number {
  if (code === 'NAME_GIVEN_DIFFERS' || code === 'NAME_DIFFERENT') return W.twins;
  if (code === 'NAME_TOKEN_ADDED' || code === 'NAME_WORD_CHANGED') return W.twinsSubset;
  return W.twinsNearly;
}

/** Maps a total weight to 0..1: 0.5 halfway between the thresholds, steeper than log2 odds. */
export function weightToScore(weight: number, thresholds: DuplicateThresholds = DEFAULT_DUPLICATE_THRESHOLDS): number {
  const mid = (thresholds.match + thresholds.review) / 2;
  const score = 1 / (1 + 2 ** (-(weight - mid) / 2));
  return Math.round(score * 10000) / 10000;
}

/** Fills the scratch reasons for one pair and returns the total weight. */
/**
 * Fills the scratch reasons for one pair and returns the total weight. With `prune`, returns NaN
 * as soon as the pair cannot reach the review threshold whatever its names say (the cheap
 * fields are compared first, the names, then the mothers' names, each bounded by its best case).
 */
function evaluate(
  a: PreparedRecord,
  b: PreparedRecord,
  frequencies: NameFrequencies,
  thresholds: DuplicateThresholds,
  prune: boolean,
): number {
  scratchCount = 0;
  scratchSum = 0;
  if (a.kpjHash !== 0 && a.kpjHash === b.kpjHash && a.kpj === b.kpj) add('KPJ_EQUAL', W.kpjEqual);
  compareNik(a, b);
  compareBirth(a, b);
  if (a.sex !== '' && b.sex !== '') {
    if (a.sex === b.sex) add('SEX_EQUAL', W.sexEqual);
    else add('SEX_DIFFERENT', W.sexDifferent);
  }
  if (a.phoneHash !== 0 && a.phoneHash === b.phoneHash && a.phone === b.phone) add('PHONE_EQUAL', W.phoneEqual);
  if (a.emailHash !== 0 && a.emailHash === b.emailHash && a.email === b.email) add('EMAIL_EQUAL', W.emailEqual);
  // The hashes are copies kept in the record: bounding needs no read of the name objects.
  const motherBest =
    a.motherHash === 0 || b.motherHash === 0 ? 0 : a.motherHash === b.motherHash ? W.motherEqualMax : W.motherSimilar;
  if (prune) {
    const nameBest =
      a.nameHash === 0 || b.nameHash === 0
        ? 0
        : a.nameHash === b.nameHash
          ? W.nameEqualMax
          : W.nameEqualMax - W.nameNearlyEqualPenalty;
    if (scratchSum + nameBest + motherBest < thresholds.review) return Number.NaN;
  }
  compareNames(a.name, b.name, frequencies);
  if (prune && scratchSum + motherBest < thresholds.review) return Number.NaN;
  compareMother(a.mother, b.mother, frequencies);
  const twins = twinsPattern(a, b);
  if (twins === 'opposite-sex') add('TWINS_PATTERN', W.twins, 1);
  else if (twins === 'serial' && nameCode !== 'NAME_EQUAL' && nameCode !== 'NAME_EQUAL_NORMALISED' && nameCode !== '')
    add('TWINS_PATTERN', givenNameToken(a.name) === givenNameToken(b.name) ? twinsWeight(nameCode) : W.twins, 0);
  // Siblings and twins share birth date, mother, phone, region and now and then a NIK typed from
  // the wrong card: with another given name, no sum of those is proof, so a human decides.
  if ((nameCode === 'NAME_GIVEN_DIFFERS' || nameCode === 'NAME_DIFFERENT') && round1(scratchSum) >= thresholds.match)
    add('GIVEN_NAME_NEEDS_REVIEW', round1((thresholds.match + thresholds.review) / 2 - scratchSum));
  return round1(scratchSum);
}

function decide(weight: number, thresholds: DuplicateThresholds): DuplicateDecision {
  return weight >= thresholds.match ? 'match' : weight >= thresholds.review ? 'review' : 'distinct';
}

/** Position of each code in REASON_TEXT: reasons are listed in that order whatever order they were found in. */
const REASON_RANK = new Map(Object.keys(REASON_TEXT).map((code, i) => [code, i]));

function comparison(weight: number, thresholds: DuplicateThresholds): PairComparison {
  const reasons: DuplicateReason[] = [];
  for (let i = 0; i < scratchCount; i++) {
    const code = scratchCodes[i] as DuplicateReasonCode;
    reasons.push({ code, text: REASON_TEXT[code](scratchDetails[i] as number), weight: scratchWeights[i] as number });
  }
  reasons.sort((x, y) => (REASON_RANK.get(x.code) as number) - (REASON_RANK.get(y.code) as number));
  return { weight, score: weightToScore(weight, thresholds), decision: decide(weight, thresholds), reasons };
}

/**
 * Compares two prepared records. Symmetric (`compare(a, b)` and `compare(b, a)` give the same
 * weight, score and decision) and deterministic.
 */
export function comparePair(
  a: PreparedRecord,
  b: PreparedRecord,
  frequencies: NameFrequencies,
  thresholds: DuplicateThresholds = DEFAULT_DUPLICATE_THRESHOLDS,
): PairComparison {
  return comparison(evaluate(a, b, frequencies, thresholds, false), thresholds);
}

/**
 * `comparePair` for a scan: the same result for a `match` or `review` pair, and `null` (with no
 * reasons built) for a distinct one, which is what most candidate pairs are.
 */
export function compareCandidate(
  a: PreparedRecord,
  b: PreparedRecord,
  frequencies: NameFrequencies,
  thresholds: DuplicateThresholds = DEFAULT_DUPLICATE_THRESHOLDS,
): PairComparison | null {
  const weight = evaluate(a, b, frequencies, thresholds, true);
  return Number.isNaN(weight) || decide(weight, thresholds) === 'distinct' ? null : comparison(weight, thresholds);
}
