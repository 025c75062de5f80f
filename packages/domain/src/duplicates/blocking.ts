import { hashText, MUHAMMAD } from './names.js';
import { givenNameToken, type PreparedRecord } from './record.js';

/**
 * Blocking: only records that share at least one strict key are compared. A key is a
 * combination of one or two features of a record (its NIK, its birth date and given name…);
 * each kind of key is grouped separately, and a block larger than its cap is skipped (a key that
 * many records share is not evidence, and comparing all of its pairs would be quadratic). A pair
 * that shares several keys is compared once.
 *
 * Everything works on 32-bit hashes in typed arrays: each feature of each record is hashed once,
 * in one pass over the records (a million records do not fit in the processor's caches, so
 * touching each of them once instead of once per kind matters more than the hashing itself). A
 * rare hash collision only adds a candidate pair, which is then scored on its merits.
 */
export interface BlockingFeature {
  readonly name: string;
  /** A 32-bit number standing for the record's value of this feature (a hash), or 0 when it has none. */
  readonly hash: (record: PreparedRecord) => number;
}

export interface BlockingKind {
  readonly name: string;
  /**
   * The record's keys for this kind: each entry names the one or two features whose values
   * together make one key. A record with several keys (its recorded birth date and the one its
   * NIK encodes) joins several blocks of the kind.
   */
  readonly keys: readonly (readonly string[])[];
  /** Largest block whose pairs are compared. */
  readonly maxBlock: number;
}

/** Combines two feature hashes into a key (order matters); 0 when either is missing. */
function combine(a: number, b: number): number {
  if (a === 0 || b === 0) return 0;
  // murmur3's finaliser over a and b: spreads the bits so that the sort groups evenly.
  let h = (Math.imul(a, 0x9e3779b1) + b) | 0;
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0 || 1;
}

const lastToken = (tokens: readonly string[]): string => {
  for (let i = tokens.length - 1; i >= 0; i--) {
    const t = tokens[i] as string;
    if (t !== MUHAMMAD && t.length > 1) return t;
  }
  return '';
};

/** The recorded birth date, or else the NIK's (YYYYMMDD, 0 when neither is known). */
const birthOf = (r: PreparedRecord): number => r.birth || r.nikBirth;

export const BLOCKING_FEATURES: readonly BlockingFeature[] = [
  // The NIK with the +40 removed (so a woman's NIK typed without it still agrees); a NIK of the
  // wrong length as typed.
  {
    name: 'nik',
    hash: (r) =>
      r.nikSexlessHigh >= 0 ? combine(r.nikSexlessHigh + 1, r.nikLow + 1) : r.nik.length >= 10 ? r.nikHash : 0,
  },
  { name: 'kpj', hash: (r) => (r.kpjHash !== 0 && r.kpj.length >= 6 ? r.kpjHash : 0) },
  { name: 'phone', hash: (r) => r.phoneHash },
  { name: 'email', hash: (r) => r.emailHash },
  // Region and birth date of the NIK, without the serial.
  {
    name: 'nik-region-birth',
    hash: (r) => (r.nikSexlessHigh >= 0 ? combine(r.nikSexlessHigh + 1, Math.floor(r.nikLow / 10000) + 1) : 0),
  },
  { name: 'birth', hash: birthOf },
  // The NIK's birth date when the recorded one differs: one of the two is mistyped.
  { name: 'nik-birth-if-other', hash: (r) => (r.birth !== 0 && r.nikBirth !== r.birth ? r.nikBirth : 0) },
  // Year, and month with day: each survives a mistyped other half (and a swapped day and month
  // keeps the year).
  { name: 'birth-year', hash: (r) => Math.floor(birthOf(r) / 10000) },
  { name: 'birth-month-day', hash: (r) => birthOf(r) % 10000 },
  { name: 'given', hash: (r) => hashText(givenNameToken(r.name)) },
  { name: 'last', hash: (r) => hashText(lastToken(r.name.tokens)) },
  { name: 'mother', hash: (r) => r.mother.hash },
  { name: 'name-of-two-words', hash: (r) => (r.name.tokens.length >= 2 ? r.name.hash : 0) },
];

export const BLOCKING_KINDS: readonly BlockingKind[] = [
  // Equal NIKs and NIKs that differ only by the +40.
  { name: 'nik', keys: [['nik']], maxBlock: 50 },
  { name: 'kpj', keys: [['kpj']], maxBlock: 50 },
  { name: 'phone', keys: [['phone']], maxBlock: 30 },
  { name: 'email', keys: [['email']], maxBlock: 30 },
  // A NIK mistyped in its serial (and twins, so that they are seen and told apart). Keys of the
  // NIK without its region or its date would catch other typos, but serials are mostly 0001–0003,
  // so those blocks are huge; such typos are caught by the name and birth-date keys instead.
  { name: 'nik-region-birth', keys: [['nik-region-birth']], maxBlock: 50 },
  // Birth date (recorded, and the NIK's when it differs) with the given name, the family name or
  // the mother's name: each survives a change of the others.
  {
    name: 'birth-given',
    keys: [
      ['birth', 'given'],
      ['nik-birth-if-other', 'given'],
    ],
    maxBlock: 50,
  },
  {
    name: 'birth-last',
    keys: [
      ['birth', 'last'],
      ['nik-birth-if-other', 'last'],
    ],
    maxBlock: 50,
  },
  {
    name: 'birth-mother',
    keys: [
      ['birth', 'mother'],
      ['nik-birth-if-other', 'mother'],
    ],
    maxBlock: 30,
  },
  // The whole name with half of the birth date: catches a birth date mistyped in its other half.
  {
    name: 'name-birth-half',
    keys: [
      ['name-of-two-words', 'birth-year'],
      ['name-of-two-words', 'birth-month-day'],
    ],
    maxBlock: 20,
  },
  // Rare full names across birth-date typos (common names exceed the cap and are skipped).
  { name: 'name', keys: [['name-of-two-words']], maxBlock: 8 },
  // Given name with the mother's name (birth date mistyped and NIK missing).
  { name: 'given-mother', keys: [['given', 'mother']], maxBlock: 8 },
];

export interface BlockingStats {
  readonly kind: string;
  readonly blocks: number;
  readonly skippedBlocks: number;
  /** Pairs this kind proposed (a pair proposed by several kinds counts in each). */
  readonly pairs: number;
}

/** Growable pair of parallel index arrays. */
class PairBuffer {
  left = new Int32Array(1 << 16);
  right = new Int32Array(1 << 16);
  length = 0;

  reserve(extra: number): void {
    const needed = this.length + extra;
    if (needed <= this.left.length) return;
    const size = Math.max(needed, Math.ceil(this.left.length * 1.5));
    const left = new Int32Array(size);
    const right = new Int32Array(size);
    left.set(this.left.subarray(0, this.length));
    right.set(this.right.subarray(0, this.length));
    this.left = left;
    this.right = right;
  }
}

/**
 * Sorts the entries `order[0..count)` by `keys[entry]` (LSD radix sort, two 16-bit passes);
 * stable, so entries with equal keys keep their order.
 */
function radixSortByKey(order: Int32Array, count: number, keys: Uint32Array, scratch: Int32Array): void {
  const counts = new Int32Array(65537);
  let from = order;
  let to = scratch;
  for (let shift = 0; shift <= 16; shift += 16) {
    counts.fill(0);
    for (let k = 0; k < count; k++) {
      const bucket = (((keys[from[k] as number] as number) >>> shift) & 0xffff) + 1;
      counts[bucket] = (counts[bucket] as number) + 1;
    }
    for (let b = 1; b <= 65536; b++) counts[b] = (counts[b] as number) + (counts[b - 1] as number);
    for (let k = 0; k < count; k++) {
      const entry = from[k] as number;
      const bucket = ((keys[entry] as number) >>> shift) & 0xffff;
      to[counts[bucket] as number] = entry;
      counts[bucket] = (counts[bucket] as number) + 1;
    }
    const swap = from;
    from = to;
    to = swap;
  }
  // After two passes the sorted entries are back in `order`.
}

/** A second 32-bit hash of a text (FNV-1a with another basis), so that two ids are taken as equal only when both hashes are. */
function hashText2(text: string): number {
  let x = 0x2f1b3c4d;
  for (let i = 0; i < text.length; i++) {
    x ^= text.charCodeAt(i);
    x = Math.imul(x, 0x01000193);
  }
  return x | 0;
}

/**
 * The blocking keys of records added one by one (the records themselves are not kept, so the
 * index can be built beside the records, even on another thread), then every candidate pair.
 * Record i is the i-th record added.
 */
export class CandidateIndex {
  private readonly used: readonly BlockingFeature[];
  private columns: Uint32Array[];
  private ids: Int32Array;
  private ids2: Int32Array;
  private count = 0;

  constructor(
    private readonly kinds: readonly BlockingKind[] = BLOCKING_KINDS,
    features: readonly BlockingFeature[] = BLOCKING_FEATURES,
  ) {
    for (const kind of kinds)
      for (const key of kind.keys)
        for (const name of key)
          if (!features.some((f) => f.name === name))
            throw new RangeError(`blocking kind ${kind.name} uses an unknown feature ${name}`);
    this.used = features.filter((f) => kinds.some((k) => k.keys.some((key) => key.includes(f.name))));
    this.columns = this.used.map(() => new Uint32Array(1024));
    this.ids = new Int32Array(1024);
    this.ids2 = new Int32Array(1024);
  }

  get size(): number {
    return this.count;
  }

  add(record: PreparedRecord): void {
    const i = this.count;
    if (i === this.ids.length) this.grow();
    // Record ids are kept as two hashes: the pair loop skips a record paired with its own id
    // without holding the ids themselves (64 bits make a false "same id" practically impossible).
    this.ids[i] = hashText(record.recordId);
    this.ids2[i] = hashText2(record.recordId);
    const used = this.used;
    for (let f = 0; f < used.length; f++)
      (this.columns[f] as Uint32Array)[i] = (used[f] as BlockingFeature).hash(record);
    this.count++;
  }

  private grow(): void {
    const size = this.ids.length * 2;
    const grown = (array: Uint32Array) => {
      const bigger = new Uint32Array(size);
      bigger.set(array);
      return bigger;
    };
    this.columns = this.columns.map(grown);
    const ids = new Int32Array(size);
    ids.set(this.ids);
    this.ids = ids;
    const ids2 = new Int32Array(size);
    ids2.set(this.ids2);
    this.ids2 = ids2;
  }

  /**
   * Calls `visit(i, j)` (i < j) once for every candidate pair, in order of `i`. Records with the
   * same record id are never paired.
   */
  forEachPair(visit: (i: number, j: number) => void): BlockingStats[] {
    const n = this.count;
    const values = new Map(this.used.map((f, k) => [f.name, (this.columns[k] as Uint32Array).subarray(0, n)] as const));
    const kinds = this.kinds;
    const widest = Math.max(1, ...kinds.map((k) => k.keys.length));
    // One entry per record and key of a kind: entry e is record e % n's key number ⌊e / n⌋.
    const keys = new Uint32Array(n * widest);
    const order = new Int32Array(n * widest);
    const scratch = new Int32Array(n * widest);
    const pairs = new PairBuffer();
    const stats: BlockingStats[] = [];
    for (const kind of kinds) {
      let keyed = 0;
      kind.keys.forEach((names, k) => {
        const first = values.get(names[0] as string) as Uint32Array;
        const second = names[1] === undefined ? undefined : (values.get(names[1]) as Uint32Array);
        for (let i = 0; i < n; i++) {
          const a = first[i] as number;
          const key = second === undefined ? a : combine(a, second[i] as number);
          const entry = k * n + i;
          keys[entry] = key;
          if (key !== 0) order[keyed++] = entry;
        }
      });
      radixSortByKey(order, keyed, keys, scratch);
      let blocks = 0;
      let skipped = 0;
      let proposed = 0;
      let start = 0;
      while (start < keyed) {
        const key = keys[order[start] as number];
        let end = start + 1;
        while (end < keyed && keys[order[end] as number] === key) end++;
        const size = end - start;
        if (size >= 2) {
          blocks++;
          if (size > kind.maxBlock) skipped++;
          else {
            pairs.reserve((size * (size - 1)) / 2);
            const left = pairs.left;
            const right = pairs.right;
            for (let x = start; x < end; x++) {
              const i = (order[x] as number) % n;
              for (let y = x + 1; y < end; y++) {
                const j = (order[y] as number) % n;
                // A record's two keys can meet in one block only through a hash collision.
                if (i === j) continue;
                left[pairs.length] = Math.min(i, j);
                right[pairs.length] = Math.max(i, j);
                pairs.length++;
                proposed++;
              }
            }
          }
        }
        start = end;
      }
      stats.push({ kind: kind.name, blocks, skippedBlocks: skipped, pairs: proposed });
    }
    visitGroupedByLeft(n, this.ids, this.ids2, pairs, visit);
    return stats;
  }
}

/**
 * Calls `visit(i, j)` (i < j, indexes into `records`) once for every candidate pair, in order
 * of `i`. Records with the same record id are never paired.
 */
export function forEachCandidatePair(
  records: readonly PreparedRecord[],
  visit: (i: number, j: number) => void,
  kinds: readonly BlockingKind[] = BLOCKING_KINDS,
  features: readonly BlockingFeature[] = BLOCKING_FEATURES,
): BlockingStats[] {
  const index = new CandidateIndex(kinds, features);
  for (const record of records) index.add(record);
  return index.forEachPair(visit);
}

/** Groups the proposed pairs by their left index (counting sort) and visits each distinct pair once. */
function visitGroupedByLeft(
  n: number,
  ids: Int32Array,
  ids2: Int32Array,
  pairs: PairBuffer,
  visit: (i: number, j: number) => void,
): void {
  const start = new Int32Array(n + 1);
  const { left, right, length } = pairs;
  for (let p = 0; p < length; p++) {
    const i = (left[p] as number) + 1;
    start[i] = (start[i] as number) + 1;
  }
  for (let i = 0; i < n; i++) start[i + 1] = (start[i + 1] as number) + (start[i] as number);
  const fill = start.slice(0, n);
  const grouped = new Int32Array(length);
  for (let p = 0; p < length; p++) {
    const i = left[p] as number;
    grouped[fill[i] as number] = right[p] as number;
    fill[i] = (fill[i] as number) + 1;
  }
  // Which left index last visited each right index: a pair proposed by several kinds is seen once.
  const seenBy = new Int32Array(n).fill(-1);
  for (let i = 0; i < n; i++) {
    const end = start[i + 1] as number;
    let from = start[i] as number;
    if (from === end) continue;
    const id = ids[i];
    const id2 = ids2[i];
    for (; from < end; from++) {
      const j = grouped[from] as number;
      if (seenBy[j] === i) continue;
      seenBy[j] = i;
      if (ids[j] !== id || ids2[j] !== id2) visit(i, j);
    }
  }
}
