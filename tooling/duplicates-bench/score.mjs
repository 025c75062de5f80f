// Pairwise precision and recall over clusters, as issue 5 defines them:
//   node tooling/duplicates-bench/score.mjs --truth truth.csv --pairs pairs.jsonl [--records records.csv]
// The emitted pairs are joined into clusters (connected components, union-find). A predicted pair
// is every pair of records inside one cluster; it is true when both records belong to the same
// true person. Precision = true predicted pairs / predicted pairs; recall = true predicted pairs /
// true pairs. `match` pairs give precision and recall; `match` + `review` pairs give review recall.
// With --records, the baseline "naive same-NIK matching" (records with the same non-empty NIK
// are one cluster) is scored the same way.
import { createReadStream, readFileSync } from 'node:fs';
import { createInterface } from 'node:readline';

class UnionFind {
  constructor(n) {
    this.parent = new Int32Array(n).map((_, i) => i);
  }
  find(x) {
    let r = x;
    while (this.parent[r] !== r) r = this.parent[r];
    while (this.parent[x] !== r) {
      const next = this.parent[x];
      this.parent[x] = r;
      x = next;
    }
    return r;
  }
  union(a, b) {
    const ra = this.find(a);
    const rb = this.find(b);
    if (ra !== rb) this.parent[ra] = rb;
  }
}

export function readTruth(path) {
  const lines = readFileSync(path, 'utf8').split('\n');
  const index = new Map();
  const person = [];
  const personIds = new Map();
  for (let i = 1; i < lines.length; i++) {
    const line = lines[i];
    if (!line) continue;
    const comma = line.indexOf(',');
    const id = line.slice(0, comma);
    const p = line.slice(comma + 1);
    if (!personIds.has(p)) personIds.set(p, personIds.size);
    index.set(id, person.length);
    person.push(personIds.get(p));
  }
  return { index, person: Int32Array.from(person) };
}

const choose2 = (n) => (n * (n - 1)) / 2;

/** Precision and recall of the clusters in `uf` against the true persons. */
export function clusterQuality(uf, person) {
  const n = person.length;
  const clusterSize = new Map();
  const cell = new Map();
  const trueSize = new Map();
  for (let i = 0; i < n; i++) {
    const c = uf.find(i);
    clusterSize.set(c, (clusterSize.get(c) ?? 0) + 1);
    const key = c * 4194304 + person[i];
    cell.set(key, (cell.get(key) ?? 0) + 1);
    trueSize.set(person[i], (trueSize.get(person[i]) ?? 0) + 1);
  }
  let predicted = 0;
  let truePairs = 0;
  let correct = 0;
  for (const s of clusterSize.values()) predicted += choose2(s);
  for (const s of trueSize.values()) truePairs += choose2(s);
  for (const s of cell.values()) correct += choose2(s);
  return {
    precision: predicted === 0 ? 1 : correct / predicted,
    recall: truePairs === 0 ? 1 : correct / truePairs,
    predictedPairs: predicted,
    truePairs,
  };
}

export async function scorePairs({ truthPath, pairsPath }) {
  const { index, person } = readTruth(truthPath);
  const match = new UnionFind(person.length);
  const review = new UnionFind(person.length);
  let matchLines = 0;
  let reviewLines = 0;
  let unknown = 0;
  const lines = createInterface({ input: createReadStream(pairsPath), crlfDelay: Number.POSITIVE_INFINITY });
  for await (const line of lines) {
    if (!line) continue;
    const pair = JSON.parse(line);
    const a = index.get(pair.left);
    const b = index.get(pair.right);
    if (a === undefined || b === undefined) {
      unknown++;
      continue;
    }
    if (pair.decision === 'match') {
      matchLines++;
      match.union(a, b);
    } else reviewLines++;
    review.union(a, b);
  }
  const m = clusterQuality(match, person);
  const r = clusterQuality(review, person);
  return { match: m, review: r, matchLines, reviewLines, unknown, records: person.length };
}

/** The baseline: records with the same non-empty NIK (digits only) are the same person. */
export async function scoreNaiveNik({ truthPath, recordsPath }) {
  const { index, person } = readTruth(truthPath);
  const uf = new UnionFind(person.length);
  const byNik = new Map();
  const lines = createInterface({ input: createReadStream(recordsPath), crlfDelay: Number.POSITIVE_INFINITY });
  let first = true;
  for await (const line of lines) {
    if (first) {
      first = false;
      continue;
    }
    // record_id and nik never contain commas or quotes in the generated file.
    const c1 = line.indexOf(',');
    const c2 = line.indexOf(',', c1 + 1);
    const id = index.get(line.slice(0, c1));
    const nik = line.slice(c1 + 1, c2).replace(/\D/g, '');
    if (id === undefined || nik === '') continue;
    const seen = byNik.get(nik);
    if (seen === undefined) byNik.set(nik, id);
    else uf.union(seen, id);
  }
  return clusterQuality(uf, person);
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const arg = (name) => {
    const i = process.argv.indexOf(`--${name}`);
    return i >= 0 ? process.argv[i + 1] : undefined;
  };
  const result = await scorePairs({ truthPath: arg('truth'), pairsPath: arg('pairs') });
  console.log(JSON.stringify(result, null, 2));
  if (arg('records'))
    console.log(JSON.stringify(await scoreNaiveNik({ truthPath: arg('truth'), recordsPath: arg('records') })));
}
