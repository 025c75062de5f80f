/**
 * `pnpm bench:import [SIZE] [--seed N] [--contribution-months M] [--cache DIR]`: how fast does a
 * members file load through the real path, and at what memory, next to a plain loader?
 *
 * 1. Generates (or reuses, in `--cache`, default `$TMPDIR/pulih-import-bench`) a seeded extract of
 *    SIZE members (default 1,000,000; `import-generate.ts`) and M months of their contributions
 *    (default 1).
 * 2. The real path: the built server in its own process (demo mode, a fresh data directory), the
 *    real `pulih login` and `pulih import members FILE --json` (hash pass, upload, the server's
 *    streaming import in batches), then `pulih import contributions FILE --json`. Wall time of
 *    each command; peak RSS of the server while it imports (VmRSS polled from /proc) and of the
 *    CLI (its own maxRSS via GNU time when present).
 * 3. The baseline, in a process of its own: the same file, the same CSV splitter and row checks,
 *    plain prepared INSERTs into the same tables of a fresh database in 50,000-row transactions
 *    (the largest batch of the import) with the same page cache.
 *
 * Targets: the import at ≥ 50% of the baseline's rows/s, the server at ≤ 500 MB RSS. A
 * benchmark, not a test: it prints "target met" or "MISSED" and exits 0 either way.
 */
import { spawn, spawnSync } from 'node:child_process';
import { closeSync, existsSync, fsyncSync, mkdtempSync, openSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { openDatabase } from '../db/database.js';
import { DEMO_STAFF_PASSWORD, DEMO_STAFF_TOTP_SECRETS } from '../demo/demo-accounts.js';
import { totpCode } from '../security/totp.js';
import { describeResponsiveness, probeResponsiveness, type Responsiveness } from './responsiveness.js';
import { startDemoServer } from './server-process.js';

const here = (path: string) => fileURLToPath(new URL(path, import.meta.url));
const generateJs = here('./import-generate.js');
const baselineJs = here('./import-baseline.js');
const pulihJs = here('../../../../apps/cli/bin/pulih.js');

const args = process.argv.slice(2);
const flag = (name: string): string | undefined => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? args[i + 1] : undefined;
};
const bare = args.find((a, i) => /^[\d_.e]+$/i.test(a) && !String(args[i - 1]).startsWith('--'));
const size = Number((flag('size') ?? bare ?? '1000000').replaceAll('_', ''));
const seed = Number(flag('seed') ?? 1);
const months = Number(flag('contribution-months') ?? 1);
const cacheRoot = flag('cache') ?? join(tmpdir(), 'pulih-import-bench');
/** For iterating on one half: `--skip baseline` or `--skip contributions`. */
const skip = new Set(args.flatMap((a, i) => (args[i - 1] === '--skip' ? [a] : [])));
if (!Number.isInteger(size) || size < 1) {
  console.error(`bench:import: the size must be a whole number of members ≥ 1 (got ${bare ?? flag('size')})`);
  process.exit(2);
}

const mb = (kb: number) => kb / 1024;
const fmt = (n: number, digits = 0) =>
  n.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits });

function flush(path: string): void {
  const fd = openSync(path, 'r');
  fsyncSync(fd);
  closeSync(fd);
}

/** CPU seconds (user + system) a process has used so far. */
function procCpuSeconds(pid: number): number {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]?.split(' ') ?? [];
    return (Number(fields[11]) + Number(fields[12])) / 100;
  } catch {
    return Number.NaN;
  }
}

function procKb(pid: number, field: 'VmRSS' | 'VmHWM'): number {
  try {
    const match = new RegExp(`${field}:\\s+(\\d+)`).exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return match ? Number(match[1]) : 0;
  } catch {
    return 0;
  }
}

interface CommandRun {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
  readonly seconds: number;
  readonly cliPeakKb: number;
  readonly serverPeakKb: number;
  readonly serverCpuSeconds: number;
  /** How long other requests waited meanwhile (`responsiveness.ts`). */
  readonly responsiveness: Responsiveness;
}

/** Runs a `pulih` command, polling the server's RSS and probing its `/healthz` meanwhile. */
function runPulih(
  command: string[],
  env: Record<string, string>,
  server: { readonly pid: number; readonly url: string },
): Promise<CommandRun> {
  const serverPid = server.pid;
  const gnuTime = existsSync('/usr/bin/time');
  const argv = [process.execPath, pulihJs, ...command];
  return new Promise((resolve) => {
    const probe = probeResponsiveness(server.url);
    const started = performance.now();
    const cpuBefore = procCpuSeconds(serverPid);
    const child = gnuTime
      ? spawn('/usr/bin/time', ['-v', ...argv], { env: { PATH: process.env.PATH ?? '', ...env } })
      : spawn(argv[0] as string, argv.slice(1), { env: { PATH: process.env.PATH ?? '', ...env } });
    let stdout = '';
    let stderr = '';
    let serverPeakKb = procKb(serverPid, 'VmRSS');
    let cliPeakKb = 0;
    const poll = setInterval(() => {
      serverPeakKb = Math.max(serverPeakKb, procKb(serverPid, 'VmRSS'));
      if (!gnuTime && child.pid) cliPeakKb = Math.max(cliPeakKb, procKb(child.pid, 'VmHWM'));
    }, 50);
    child.stdout.on('data', (d: Buffer) => {
      stdout += d;
    });
    child.stderr.on('data', (d: Buffer) => {
      stderr += d;
    });
    child.on('close', async (code) => {
      clearInterval(poll);
      const seconds = (performance.now() - started) / 1000;
      if (gnuTime) cliPeakKb = Number(/Maximum resident set size \(kbytes\): (\d+)/.exec(stderr)?.[1] ?? 0);
      const serverCpuSeconds = procCpuSeconds(serverPid) - cpuBefore;
      const responsiveness = await probe.stop();
      resolve({ code: code ?? 1, stdout, stderr, seconds, cliPeakKb, serverPeakKb, serverCpuSeconds, responsiveness });
    });
  });
}

interface JobJson {
  jobId: string;
  state: string;
  rowsRead: number;
  rowsAccepted: number;
  rowsRejected: number;
  notes: number;
  startedAt: string;
  finishedAt: string | null;
}

interface BaselineJson {
  rows: number;
  kpjs: number;
  seconds: number;
  cpuSeconds: number;
  peakRssMb: number;
}

async function main(): Promise<void> {
  // 1. The data, generated once per size, seed and months.
  const dir = join(cacheRoot, `members-${size}-seed-${seed}-months-${months}`);
  const membersCsv = join(dir, 'members.csv');
  const contributionsCsv = join(dir, 'contributions.csv');
  if (!existsSync(membersCsv) || (months > 0 && !existsSync(contributionsCsv))) {
    const t0 = performance.now();
    const generated = spawnSync(
      process.execPath,
      [
        generateJs,
        '--members',
        String(size),
        '--seed',
        String(seed),
        '--contribution-months',
        String(months),
        '--out',
        dir,
      ],
      { stdio: ['ignore', 'inherit', 'inherit'] },
    );
    if (generated.status !== 0) process.exit(1);
    console.log(`generated in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
  } else console.log(`reusing ${dir}`);
  flush(membersCsv);
  if (months > 0) flush(contributionsCsv);

  // 2. The real path: server process + CLI.
  const dataDir = mkdtempSync(join(tmpdir(), 'pulih-import-bench-data-'));
  const server = await startDemoServer({ PULIH_DEMO_MEMBERS: '100', PULIH_DATA_DIR: dataDir });
  const serverPid = server.child.pid ?? 0;
  const idleKb = procKb(serverPid, 'VmRSS');
  const idleProbe = probeResponsiveness(server.url);
  await new Promise((resolve) => setTimeout(resolve, 3_000));
  const idle = await idleProbe.stop();
  const probed = { pid: serverPid, url: server.url };
  const env = { PULIH_CONFIG_DIR: mkdtempSync(join(tmpdir(), 'pulih-import-bench-cli-')), PULIH_API_URL: server.url };
  const login = spawnSync(process.execPath, [pulihJs, 'login', '-u', 'demo.admin'], {
    env: {
      PATH: process.env.PATH ?? '',
      ...env,
      PULIH_STAFF_PASSWORD: DEMO_STAFF_PASSWORD,
      PULIH_STAFF_TOTP: totpCode(DEMO_STAFF_TOTP_SECRETS['demo.admin'], new Date()),
    },
    encoding: 'utf8',
  });
  if (login.status !== 0) throw new Error(`login failed: ${login.stderr}`);

  const membersRun = await runPulih(
    ['import', 'members', membersCsv, '--json', '--report', join(dataDir, 'members-report.csv')],
    env,
    probed,
  );
  if (membersRun.code !== 0) throw new Error(`pulih import members failed: ${membersRun.stderr.split('\n')[0]}`);
  const membersJob = JSON.parse(membersRun.stdout) as JobJson;
  let contributionsRun: CommandRun | null = null;
  let contributionsJob: JobJson | null = null;
  if (months > 0 && !skip.has('contributions')) {
    contributionsRun = await runPulih(
      ['import', 'contributions', contributionsCsv, '--json', '--report', join(dataDir, 'contributions-report.csv')],
      env,
      probed,
    );
    contributionsJob = JSON.parse(
      contributionsRun.stdout.split('\n').find((l) => l.startsWith('{')) ?? '{}',
    ) as JobJson;
  }
  const serverHwmKb = procKb(serverPid, 'VmHWM');
  await server.stop();
  const imported = openDatabase(join(dataDir, 'pulih.sqlite'));
  const importedKpjs = (imported.sqlite.prepare('SELECT count(*) AS n FROM member_kpj').get() as { n: number }).n;
  imported.close();

  // 3. The baseline, on a fresh database of its own.
  const baselineDir = mkdtempSync(join(tmpdir(), 'pulih-import-bench-baseline-'));
  let baseline: BaselineJson | null = null;
  if (!skip.has('baseline')) {
    const baselineRun = spawnSync(process.execPath, [baselineJs, membersCsv, join(baselineDir, 'baseline.sqlite')], {
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    if (baselineRun.status !== 0) throw new Error('the baseline failed');
    baseline = JSON.parse(baselineRun.stdout.trim()) as BaselineJson;
  }

  const serverSeconds = (job: JobJson) =>
    job.finishedAt ? (Date.parse(job.finishedAt) - Date.parse(job.startedAt)) / 1000 : Number.NaN;
  const importRate = membersJob.rowsRead / membersRun.seconds;
  const baselineRate = baseline ? baseline.rows / baseline.seconds : Number.NaN;
  const ratio = importRate / baselineRate;
  const serverPeakMb = mb(membersRun.serverPeakKb);

  console.log('');
  console.log(`members: ${fmt(membersJob.rowsRead)} rows (${fmt(size)} members), seed ${seed}; ${membersCsv}`);
  console.log(
    `  pulih import members:  ${membersRun.seconds.toFixed(1)} s wall (server job ${serverSeconds(membersJob).toFixed(1)} s)  ` +
      `${fmt(importRate)} rows/s  server CPU ${membersRun.serverCpuSeconds.toFixed(1)} s  server peak RSS ${fmt(serverPeakMb)} MB (idle ${fmt(mb(idleKb))} MB)  ` +
      `CLI peak RSS ${fmt(mb(membersRun.cliPeakKb))} MB`,
  );
  console.log(
    `    ${membersJob.state}: ${fmt(membersJob.rowsAccepted)} imported (${fmt(membersJob.notes)} with a note), ` +
      `${fmt(membersJob.rowsRejected)} refused; ${fmt(importedKpjs)} KPJ in the database (demo data included)`,
  );
  if (baseline)
    console.log(
      `  baseline (plain prepared INSERTs): ${baseline.seconds.toFixed(1)} s  ${fmt(baselineRate)} rows/s  ` +
        `CPU ${baseline.cpuSeconds.toFixed(1)} s (server CPU / baseline CPU: ${((membersRun.serverCpuSeconds / baseline.cpuSeconds) * 100).toFixed(0)}%)  ` +
        `peak RSS ${fmt(baseline.peakRssMb)} MB; ${fmt(baseline.kpjs)} KPJ`,
    );
  const share = baseline
    ? `${(ratio * 100).toFixed(0)}% (target ≥ 50%: ${ratio >= 0.5 ? 'target met' : 'MISSED'})`
    : 'not measured (--skip baseline)';
  console.log(
    `  import / baseline: ${share}; ` +
      `server RSS ${fmt(serverPeakMb)} MB (target ≤ 500 MB: ${serverPeakMb <= 500 ? 'target met' : 'MISSED'}); ` +
      `server VmHWM over the whole run ${fmt(mb(serverHwmKb))} MB`,
  );
  console.log(`  other requests while the server is idle:     ${describeResponsiveness(idle)}`);
  console.log(`  other requests while it imports members:    ${describeResponsiveness(membersRun.responsiveness)}`);
  if (contributionsRun && contributionsJob)
    console.log(
      `contributions (${months} month${months === 1 ? '' : 's'}): pulih import contributions: ${contributionsRun.seconds.toFixed(1)} s wall ` +
        `(server job ${serverSeconds(contributionsJob).toFixed(1)} s)  ${fmt(contributionsJob.rowsRead / contributionsRun.seconds)} rows/s  ` +
        `${contributionsJob.state}, ${fmt(contributionsJob.rowsAccepted)} loaded, ${fmt(contributionsJob.rowsRejected)} refused  ` +
        `server peak RSS ${fmt(mb(contributionsRun.serverPeakKb))} MB\n` +
        `  other requests while it imports contributions: ${describeResponsiveness(contributionsRun.responsiveness)}`,
    );
  for (const path of [dataDir, baselineDir, env.PULIH_CONFIG_DIR]) rmSync(path, { recursive: true, force: true });
}

await main();
