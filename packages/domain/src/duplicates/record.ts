import { isRealDate } from '../calendar.js';
import { hashText, MUHAMMAD, type NormalizedName, normalizeIndonesianName, sealedName } from './names.js';

/** One row of a registry extract, as read: every field a string, possibly empty or invalid. */
export interface DuplicateRecord {
  readonly recordId: string;
  readonly nik: string;
  readonly kpj: string;
  readonly fullName: string;
  readonly birthDate: string;
  readonly sex: string;
  readonly motherName: string;
  /**
   * The mother's maiden name as the registry keeps it: keyed digests of its canonical tokens (see
   * `sealedName`). When present, `motherName` is ignored and the names compare by whole tokens only.
   */
  readonly motherNameDigest?: string;
  readonly phone: string;
  readonly email: string;
}

/**
 * A record with every field normalised once, so that comparisons are cheap. A scan compares
 * millions of pairs of records scattered over a heap far larger than the processor's caches, and
 * every separate string a comparison reads is one more cache miss: so dates and the parts of the
 * NIK are held as numbers, and nik, kpj, phone and email carry a hash (unequal hashes decide
 * "different" without reading the strings).
 */
export interface PreparedRecord {
  readonly recordId: string;
  /** Digits only (separators removed); may be of the wrong length. */
  readonly nik: string;
  readonly kpj: string;
  readonly name: NormalizedName;
  /** 'L', 'P' or '' as recorded (the NIK's sex is not copied here: it may be the NIK that is wrong). */
  readonly sex: string;
  readonly mother: NormalizedName;
  /** The national form `0812…` of the number whatever its format (see `phoneKey`), or ''. */
  readonly phone: string;
  readonly email: string;
  /** `hashText` of nik, kpj, phone and email, and `name.hash` and `mother.hash` (0 when empty). */
  readonly nikHash: number;
  readonly kpjHash: number;
  readonly phoneHash: number;
  readonly emailHash: number;
  readonly nameHash: number;
  readonly motherHash: number;
  /** The first and the last eight digits of a 16-digit NIK as numbers, −1 for any other NIK. */
  readonly nikHigh: number;
  readonly nikLow: number;
  /** `nikHigh` with the +40 removed from the women's day (−1 without a 16-digit NIK). */
  readonly nikSexlessHigh: number;
  /** The recorded birth date as the number YYYYMMDD when it is a real date of a worker, else 0. */
  readonly birth: number;
  /** The birth date encoded in the NIK as YYYYMMDD (the century guessed), 0 when implausible. */
  readonly nikBirth: number;
  /**
   * Whether the NIK tells the same story as the record: 1 when the recorded birth date equals the
   * NIK's (and the recorded sex, if any, agrees), 0 when the recorded birth date or sex contradicts
   * it, 2 when nothing recorded can confirm it (no birth date), −1 without a plausible NIK. A NIK
   * that contradicts its own record was mistyped or belongs to someone else (a relative's).
   */
  readonly nikAgrees: number;
}

const NON_DIGIT = /\D/;
const NON_DIGITS = /\D/g;
const digitsOnly = (value: string): string => (NON_DIGIT.test(value) ? value.replace(NON_DIGITS, '') : value);

/** The number written by `length` digits of `s` from `at` (the caller knows they are digits). */
function digitsAt(s: string, at: number, length: number): number {
  let x = 0;
  for (let i = at; i < at + length; i++) x = x * 10 + s.charCodeAt(i) - 48;
  return x;
}

/** Birth date (YYYYMMDD) and sex encoded in a 16-digit NIK; zeros when its date part is implausible. */
function nikBirth(high: number, low: number): { birth: number; sex: string } {
  const day = high % 100;
  const female = day > 40;
  const realDay = female ? day - 40 : day;
  const month = Math.floor(low / 1_000_000);
  const yy = Math.floor(low / 10_000) % 100;
  if (realDay < 1 || realDay > 31 || month < 1 || month > 12) return NO_NIK_BIRTH;
  // The century is not encoded: registry members are working age, so 00–29 reads as 20xx.
  const year = yy < 30 ? 2000 + yy : 1900 + yy;
  return { birth: year * 10000 + month * 100 + realDay, sex: female ? 'P' : 'L' };
}

const NO_NIK_BIRTH = { birth: 0, sex: '' };

const ISO_DATE = /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})$/;
const DAY_FIRST_DATE = /^(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})$/;
const COMPACT_DATE = /^(\d{4})(\d{2})(\d{2})$/;

/**
 * A recorded birth date as the number YYYYMMDD, or 0 when it is not a real date of a worker. The
 * contract says `YYYY-MM-DD`, but extracts made with spreadsheets carry `DD/MM/YYYY` (Indonesian
 * order) or `YYYYMMDD`: reading them costs nothing and keeps those records comparable.
 */
export function birthDateNumber(raw: string): number {
  const value = raw.trim();
  if (value === '') return 0;
  let year: number;
  let month: number;
  let day: number;
  const iso = ISO_DATE.exec(value) ?? COMPACT_DATE.exec(value);
  if (iso) {
    year = Number(iso[1]);
    month = Number(iso[2]);
    day = Number(iso[3]);
  } else {
    const dayFirst = DAY_FIRST_DATE.exec(value);
    if (!dayFirst) return 0;
    year = Number(dayFirst[3]);
    month = Number(dayFirst[2]);
    day = Number(dayFirst[1]);
  }
  // Workers are born 1930–2015: a year outside is a typo (1904 for 1994) and says nothing.
  if (year < 1930 || year > 2015 || !isRealDate(year, month, day)) return 0;
  return year * 10000 + month * 100 + day;
}

/**
 * One key for every way of writing the same Indonesian number: `0812-3456-7890`,
 * `+62 812 3456 7890`, `62812…`, `+62 (0)812…` and `812…` (a spreadsheet dropped the 0) all
 * become `0812…`. Invalid numbers keep their digits, so the same mistyped number still agrees;
 * fewer than 8 digits say nothing.
 */
export function phoneKey(raw: string): string {
  let digits = digitsOnly(raw);
  if (digits.startsWith('620')) digits = digits.slice(2);
  else if (digits.startsWith('62')) digits = `0${digits.slice(2)}`;
  else if (digits.startsWith('8') && digits.length >= 9 && digits.length <= 12) digits = `0${digits}`;
  return digits.length >= 8 ? digits : '';
}

function normalizeSex(raw: string): string {
  const s = raw.trim().toUpperCase();
  if (s === 'L' || s === 'M' || s === 'LAKI-LAKI' || s === 'PRIA') return 'L';
  if (s === 'P' || s === 'F' || s === 'W' || s === 'PEREMPUAN' || s === 'WANITA') return 'P';
  return '';
}

/**
 * A `prepareRecord` that remembers the normalised form of names it has seen (names and mothers'
 * names repeat a lot in a registry), which saves time and memory on large scans. Deterministic:
 * the cache only ever returns what `normalizeIndonesianName` would.
 */
export function createRecordPreparer(maxCachedNames = 1_000_000): (record: DuplicateRecord) => PreparedRecord {
  // Two caches: mothers' names repeat far more than full names, and a small table of them stays
  // in the processor's cache where one shared table would not.
  const names = new Map<string, NormalizedName>();
  const mothers = new Map<string, NormalizedName>();
  const cached =
    (cache: Map<string, NormalizedName>, normalize: (raw: string) => NormalizedName, prefix = '') =>
    (raw: string): NormalizedName => {
      const key = prefix === '' ? raw : `${prefix}${raw}`;
      let name = cache.get(key);
      if (name === undefined) {
        name = normalize(raw);
        if (cache.size >= maxCachedNames) cache.clear();
        cache.set(key, name);
      }
      return name;
    };
  const normalizeName = cached(names, normalizeIndonesianName);
  const normalizeMother = cached(mothers, normalizeIndonesianName);
  // Digests share the mothers' table, told apart from written names by their prefix.
  const sealedMother = cached(mothers, sealedName, '#');
  return (record) => prepareWith(record, normalizeName, normalizeMother, sealedMother);
}

/** Normalises every field of a record once. Never fails: invalid values become '' or stay as typed. */
export function prepareRecord(record: DuplicateRecord): PreparedRecord {
  return prepareWith(record, normalizeIndonesianName, normalizeIndonesianName, sealedName);
}

function prepareWith(
  record: DuplicateRecord,
  normalizeName: (raw: string) => NormalizedName,
  normalizeMother: (raw: string) => NormalizedName,
  sealedMother: (digest: string) => NormalizedName,
): PreparedRecord {
  const nik = digitsOnly(record.nik);
  const full = nik.length === 16;
  const nikHigh = full ? digitsAt(nik, 0, 8) : -1;
  const nikLow = full ? digitsAt(nik, 8, 8) : -1;
  const fromNik = full ? nikBirth(nikHigh, nikLow) : NO_NIK_BIRTH;
  const day = nikHigh % 100;
  const kpj = digitsOnly(record.kpj);
  const phone = phoneKey(record.phone);
  const email = record.email.trim().toLowerCase();
  const birth = birthDateNumber(record.birthDate);
  const recordedSex = normalizeSex(record.sex);
  const contradicted = (birth !== 0 && birth !== fromNik.birth) || (recordedSex !== '' && recordedSex !== fromNik.sex);
  const nikAgrees = fromNik.birth === 0 ? -1 : contradicted ? 0 : birth === 0 ? 2 : 1;
  const name = normalizeName(record.fullName);
  const mother = record.motherNameDigest ? sealedMother(record.motherNameDigest) : normalizeMother(record.motherName);
  return {
    recordId: record.recordId,
    nik,
    kpj,
    name,
    sex: recordedSex,
    mother,
    phone,
    email,
    nikHash: hashText(nik),
    kpjHash: hashText(kpj),
    phoneHash: hashText(phone),
    emailHash: hashText(email),
    nameHash: name.hash,
    motherHash: mother.hash,
    nikHigh,
    nikLow,
    nikSexlessHigh: full && day > 40 ? nikHigh - 40 : nikHigh,
    birth,
    nikBirth: fromNik.birth,
    nikAgrees,
  };
}

/**
 * How common each canonical name token is in the scanned file: counted in a first pass over all
 * records, then passed to the comparison so that MUHAMMAD, SITI, NUR or SRI count for less.
 */
export class NameFrequencies {
  private readonly counts = new Map<string, number>();
  private readonly bits = new Map<string, number>();
  // Keyed by the tokens array itself: prepared records share one array per distinct name, and
  // an identity look-up avoids joining the tokens on every comparison.
  private readonly nameBits = new Map<readonly string[], number>();
  private records = 0;
  /** Whether the cached information is older than the last count. */
  private stale = false;

  add(name: NormalizedName): void {
    this.records++;
    this.stale = true;
    const tokens = name.tokens;
    for (let i = 0; i < tokens.length; i++) {
      const token = tokens[i] as string;
      if (tokens.indexOf(token) === i) this.counts.set(token, (this.counts.get(token) ?? 0) + 1);
    }
  }

  /** Bits of information of one token: −log2 of the share of names containing it, capped at 14. */
  tokenInformation(token: string): number {
    if (token.length === 1) return 2; // an initial says little
    this.refresh();
    let bits = this.bits.get(token);
    if (bits === undefined) {
      const count = this.counts.get(token) ?? 0;
      const share = (count + 1) / (this.records + 2);
      bits = Math.min(14, Math.max(0.5, -Math.log2(share)));
      this.bits.set(token, bits);
    }
    return bits;
  }

  /** Bits of information of a whole name (sum over its distinct tokens). */
  nameInformation(tokens: readonly string[]): number {
    this.refresh();
    let bits = this.nameBits.get(tokens);
    if (bits === undefined) {
      bits = 0;
      for (let i = 0; i < tokens.length; i++) {
        const token = tokens[i] as string;
        if (tokens.indexOf(token) === i) bits += this.tokenInformation(token);
      }
      if (this.nameBits.size > 1_000_000) this.nameBits.clear();
      this.nameBits.set(tokens, bits);
    }
    return bits;
  }

  private refresh(): void {
    if (!this.stale) return;
    this.stale = false;
    this.bits.clear();
    this.nameBits.clear();
  }

  get size(): number {
    return this.records;
  }
}

/** The first token that is not MUHAMMAD (the given name used for blocking), or ''. */
export function givenNameToken(name: NormalizedName): string {
  const tokens = name.tokens;
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i] as string;
    if (t !== MUHAMMAD && t.length > 1) return t;
  }
  return tokens[0] ?? '';
}
