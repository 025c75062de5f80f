// `pnpm bench:duplicates [SIZE] [--seed N] [--variant standard|harsh] [--keep DIR]`: generate a
// labelled extract (default 100,000 records, seed 1, standard error model), run the real
// `pulih duplicates scan --json` on it as a child process, measure its wall time and peak memory
// (GNU time's maximum resident set size, else VmHWM polled from /proc), score the pairs, and
// print them beside the naive same-NIK baseline of the same run.
import { spawn, spawnSync } from 'node:child_process';
import { closeSync, existsSync, fsyncSync, mkdtempSync, openSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { scoreNaiveNik, scorePairs } from './score.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, '..', '..');
const bin = join(root, 'apps', 'cli', 'bin', 'pulih.js');
const args = process.argv.slice(2);
const flag = (name) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? args[i + 1] : undefined;
};
// The size is the first bare number (`1000000`, `1_000_000` or `1e6`) or `--size N`.
const bare = args.find((a, i) => /^[\d_.e]+$/i.test(a) && !String(args[i - 1]).startsWith('--'));
const size = Number((flag('size') ?? bare ?? '100000').replaceAll('_', ''));
if (!Number.isInteger(size) || size < 2) {
  console.error(`bench:duplicates: the size must be a whole number of records ≥ 2 (got ${flag('size') ?? bare})`);
  process.exit(2);
}
const seed = Number(flag('seed') ?? 1);
const variant = flag('variant') ?? 'standard';
const keep = flag('keep');
const dir = keep ?? mkdtempSync(join(tmpdir(), 'pulih-dup-bench-'));

// Generated in a child process: a parent left holding a million generated rows would collect
// them on the same two cores while the scan is timed.
const t0 = performance.now();
const generated = spawnSync(
  process.execPath,
  [join(here, 'generate.mjs'), '--size', String(size), '--seed', String(seed), '--variant', variant, '--out', dir],
  { stdio: ['ignore', 'pipe', 'inherit'], encoding: 'utf8' },
);
if (generated.status !== 0) process.exit(1);
const data = {
  records: join(dir, 'records.csv'),
  truth: join(dir, 'truth.csv'),
  count: Number(/^(\d+) records/.exec(generated.stdout)?.[1] ?? size),
};
const genSeconds = (performance.now() - t0) / 1000;
console.log(
  `generated ${data.count} records (seed ${seed}, ${variant}) in ${genSeconds.toFixed(1)} s → ${data.records}`,
);

// The files just written are flushed first, so that the timed scan does not compete with the
// kernel writing them back to disk.
for (const path of [data.records, data.truth]) {
  const fd = openSync(path, 'r');
  fsyncSync(fd);
  closeSync(fd);
}

const pairsPath = join(dir, 'pairs.jsonl');
const gnuTime = existsSync('/usr/bin/time');
const command = [process.execPath, bin, 'duplicates', 'scan', '--input', data.records, '--json', '--output', pairsPath];
const started = performance.now();
const run = await new Promise((resolve) => {
  const child = gnuTime ? spawn('/usr/bin/time', ['-v', ...command]) : spawn(command[0], command.slice(1));
  let stderr = '';
  let peakKb = 0;
  const poll = gnuTime
    ? null
    : setInterval(() => {
        try {
          const m = /VmHWM:\s+(\d+)/.exec(readFileSync(`/proc/${child.pid}/status`, 'utf8'));
          if (m) peakKb = Math.max(peakKb, Number(m[1]));
        } catch {}
      }, 50);
  child.stderr.on('data', (d) => {
    stderr += d;
  });
  child.on('close', (code) => {
    if (poll) clearInterval(poll);
    const wall = (performance.now() - started) / 1000;
    const rss = /Maximum resident set size \(kbytes\): (\d+)/.exec(stderr);
    resolve({ code, wall, peakKb: rss ? Number(rss[1]) : peakKb, stderr });
  });
});
if (run.code !== 0) {
  console.error(run.stderr);
  process.exit(1);
}
const summary = run.stderr.split('\n').find((l) => l.startsWith('pulih: ') && l.includes('compared'));
const quality = await scorePairs({ truthPath: data.truth, pairsPath });
const naive = await scoreNaiveNik({ truthPath: data.truth, recordsPath: data.records });
const f = (x) => x.toFixed(4);
console.log(`scan: ${summary?.slice(7) ?? ''}`);
console.log('');
console.log(`| ${data.count} records | precision | recall | review recall | wall | peak RSS |`);
console.log('| --- | --- | --- | --- | --- | --- |');
console.log(
  `| pulih duplicates scan | ${f(quality.match.precision)} | ${f(quality.match.recall)} | ${f(quality.review.recall)} | ${run.wall.toFixed(1)} s | ${(run.peakKb / 1024).toFixed(0)} MiB |`,
);
console.log(`| naive same-NIK | ${f(naive.precision)} | ${f(naive.recall)} | – | – | – |`);
console.log('');
console.log(
  `true pairs ${quality.match.truePairs}; predicted pairs: match ${quality.match.predictedPairs}, match+review ${quality.review.predictedPairs} (review precision ${f(quality.review.precision)})`,
);
if (!keep) rmSync(dir, { recursive: true, force: true });
