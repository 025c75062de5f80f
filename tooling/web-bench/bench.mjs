// `pnpm bench:web [--runs N]`: after the build (done by the root script), measures
//  1. the initial JS + CSS of the member portal and of the kiosk: the files their built index.html
//     loads at start (module scripts, modulepreloads, stylesheets), gzipped at level 9 with
//     node:zlib, each file listed; chunks loaded later are counted apart;
//  2. Lighthouse 12 (performance only, its default mobile emulation and simulated throttling) on
//     `/` and `/kiosk`, served by the built server in demo mode on a free port with a temporary
//     data directory, in Debian's Chromium (`/usr/bin/chromium`, or PULIH_CHROMIUM); the median of
//     N runs (default 3) per page.
// A benchmark, not a test: it prints "target met" / "MISSED" and exits 0 either way; it exits 1
// only when it could not measure (no build, no browser, the server did not start).
import { execFileSync, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, extname, join, relative } from 'node:path';
import { env } from 'node:process';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import * as chromeLauncher from 'chrome-launcher';
import lighthouse from 'lighthouse';
import { computeMedianRun } from 'lighthouse/core/lib/median-run.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const args = process.argv.slice(2);
const runsArg = args.indexOf('--runs');
const RUNS = Math.max(1, Number(runsArg >= 0 ? args[runsArg + 1] : 3) || 3);
const KB = 1000;
const kb = (bytes) => `${(bytes / KB).toFixed(1)} KB`;
const verdict = (ok) => (ok ? 'target met' : 'MISSED');

const apps = [
  { name: 'member portal', dist: join(root, 'apps', 'web', 'dist'), base: '/', path: '/', jsTarget: 80 * KB },
  { name: 'kiosk', dist: join(root, 'apps', 'kiosk', 'dist'), base: '/kiosk/', path: '/kiosk', jsTarget: 60 * KB },
];
const SCORE_TARGET = 90;

/** The JS and CSS files a built index.html makes the browser fetch before anything else happens. */
function initialFiles(app) {
  const html = readFileSync(join(app.dist, 'index.html'), 'utf8');
  const urls = [];
  for (const tag of html.match(/<(script|link)\b[^>]*>/g) ?? []) {
    const attr = (name) => new RegExp(`\\b${name}="([^"]*)"`).exec(tag)?.[1];
    if (tag.startsWith('<script') && attr('src')) urls.push(attr('src'));
    else if (/^(stylesheet|modulepreload)$/.test(attr('rel') ?? '') && attr('href')) urls.push(attr('href'));
  }
  return urls.map((url) => {
    if (!url.startsWith(app.base)) throw new Error(`${app.name}: ${url} is outside ${app.base}`);
    return join(app.dist, url.slice(app.base.length));
  });
}

function listFiles(dir) {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? listFiles(join(dir, entry.name)) : [join(dir, entry.name)],
  );
}

function measure(app) {
  const sizeOf = (file) => {
    const raw = readFileSync(file);
    return {
      file: relative(app.dist, file),
      kind: extname(file).slice(1),
      raw: raw.length,
      gzip: gzipSync(raw, { level: 9 }).length,
    };
  };
  const initial = initialFiles(app).map(sizeOf);
  const initialNames = new Set(initial.map((f) => f.file));
  const later = listFiles(app.dist)
    .filter((file) => /\.(js|css)$/.test(file))
    .map(sizeOf)
    .filter((f) => !initialNames.has(f.file));
  const total = (files, kind) => files.filter((f) => !kind || f.kind === kind).reduce((sum, f) => sum + f.gzip, 0);
  return { app, initial, later, js: total(initial, 'js'), css: total(initial, 'css'), laterGzip: total(later) };
}

function printSizes(m) {
  const pad = (s, n) => String(s).padEnd(n);
  const lpad = (s, n) => String(s).padStart(n);
  console.log(`\n${m.app.name}: ${relative(root, join(m.app.dist, 'index.html'))} loads at start`);
  console.log(`  ${pad('file', 44)}${lpad('raw', 11)}${lpad('gzip -9', 11)}`);
  for (const f of m.initial) console.log(`  ${pad(f.file, 44)}${lpad(kb(f.raw), 11)}${lpad(kb(f.gzip), 11)}`);
  console.log(
    `  ${pad('initial JS', 55)}${lpad(kb(m.js), 11)}   target ≤ ${kb(m.app.jsTarget)}: ${verdict(m.js <= m.app.jsTarget)}`,
  );
  console.log(`  ${pad('initial CSS', 55)}${lpad(kb(m.css), 11)}`);
  console.log(`  ${pad('initial JS + CSS', 55)}${lpad(kb(m.js + m.css), 11)}`);
  console.log(`  loaded later (not counted): ${m.later.length} JS/CSS files, ${kb(m.laterGzip)} gzip`);
}

async function freePort() {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      probe.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

/** The built server in demo mode, as `pnpm start` runs it, on a free port and a throwaway data directory. */
async function startServer() {
  const port = await freePort();
  const dataDir = mkdtempSync(join(tmpdir(), 'pulih-web-bench-'));
  const child = spawn(process.execPath, [join(root, 'packages', 'api', 'dist', 'main.js'), 'start'], {
    env: {
      PULIH_DEMO: '1',
      PULIH_DEMO_MEMBERS: '200',
      PULIH_DATA_DIR: dataDir,
      PORT: String(port),
      HOST: '127.0.0.1',
      INBOUND_SMTP_PORT: '0',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  await new Promise((resolve, reject) => {
    let output = '';
    const collect = (chunk) => {
      output += chunk;
      if (output.includes('listening on')) resolve();
    };
    child.stdout.on('data', collect);
    child.stderr.on('data', collect);
    child.once('exit', (code) => reject(new Error(`the server exited with ${code}: ${output.trim()}`)));
  });
  return {
    url: `http://127.0.0.1:${port}`,
    stop: async () => {
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      await exited;
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

function findChromium() {
  // biome-ignore lint/style/noProcessEnv: PULIH_CHROMIUM is the project's setting for the browser, as in scripts/test.mjs
  return [env.PULIH_CHROMIUM, '/usr/bin/chromium', '/usr/bin/chromium-browser'].find((p) => p && existsSync(p));
}

/** As `pnpm test` does: Debian's Chromium, installed with apt-get when missing and this user may. */
function chromiumOrInstall() {
  const found = findChromium();
  if (found || process.getuid?.() !== 0 || !existsSync('/usr/bin/apt-get')) return found;
  console.log("Chromium is missing: installing Debian's chromium with apt-get for Lighthouse…");
  try {
    execFileSync('apt-get', ['update', '-qq'], { stdio: 'inherit' });
    execFileSync('apt-get', ['install', '-y', '-qq', 'chromium'], {
      stdio: 'inherit',
      env: { PATH: '/usr/sbin:/usr/bin:/sbin:/bin', DEBIAN_FRONTEND: 'noninteractive' },
    });
  } catch {
    // Reported by the caller as a missing browser.
  }
  return findChromium();
}

/** Attempts per measured run: Lighthouse 12 with a recent Chromium now and then fails to record the trace (NO_NAVSTART). */
const ATTEMPTS = 3;

/** One Lighthouse run in a fresh Chromium (as the Lighthouse CLI does), retried when the trace was not recorded. */
async function lighthouseRun(chromePath, url) {
  for (let attempt = 1; ; attempt++) {
    const chrome = await chromeLauncher.launch({
      chromePath,
      chromeFlags: ['--headless=new', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-sync'],
    });
    let result;
    try {
      // Defaults of Lighthouse 12: mobile form factor and screen, simulated slow 4G and 4× CPU slowdown.
      result = await lighthouse(url, {
        port: chrome.port,
        output: 'json',
        logLevel: 'error',
        onlyCategories: ['performance'],
      });
    } finally {
      await chrome.kill();
    }
    const problem = result ? result.lhr.runtimeError?.message : 'Lighthouse returned no result';
    if (!problem) return result.lhr;
    if (attempt >= ATTEMPTS) throw new Error(`Lighthouse on ${url}: ${problem}`);
    console.log(`  ${url}: ${problem}: run again (attempt ${attempt + 1} of ${ATTEMPTS})`);
  }
}

async function runLighthouse(chromePath, baseUrl) {
  const results = [];
  for (const app of apps) {
    const url = `${baseUrl}${app.path}`;
    const lhrs = [];
    for (let i = 0; i < RUNS; i++) lhrs.push(await lighthouseRun(chromePath, url));
    results.push({ app, url, lhrs, median: computeMedianRun(lhrs) });
  }
  return results;
}

const metric = (lhr, id) => lhr.audits[id]?.numericValue ?? Number.NaN;
const score = (lhr) => Math.round((lhr.categories.performance.score ?? 0) * 100);

function printTable(rows) {
  const widths = rows[0].map((_, i) => Math.max(...rows.map((r) => String(r[i]).length)));
  const line = (r) => `| ${r.map((c, i) => String(c).padEnd(widths[i])).join(' | ')} |`;
  console.log(line(rows[0]));
  console.log(`|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`);
  for (const r of rows.slice(1)) console.log(line(r));
}

async function main() {
  for (const app of apps) {
    if (!existsSync(join(app.dist, 'index.html'))) throw new Error(`${app.name} is not built: run \`pnpm build\``);
  }
  console.log('bench:web: initial JS + CSS (files index.html loads at start), gzip level 9 (node:zlib), 1 KB = 1000 B');
  const sizes = apps.map(measure);
  for (const m of sizes) printSizes(m);

  const chromePath = chromiumOrInstall();
  if (!chromePath) {
    throw new Error(
      'Lighthouse needs Chromium: run `apt-get install chromium` (Debian/Ubuntu) or set PULIH_CHROMIUM to a Chrome/Chromium binary.',
    );
  }
  const version = JSON.parse(
    readFileSync(join(root, 'tooling', 'web-bench', 'node_modules', 'lighthouse', 'package.json'), 'utf8'),
  ).version;
  console.log(
    `\nLighthouse ${version}, performance only, mobile emulation, ${RUNS} run(s) per page, median run; ${chromePath}`,
  );
  const server = await startServer();
  let pages;
  try {
    pages = await runLighthouse(chromePath, server.url);
  } finally {
    await server.stop();
  }
  for (const p of pages) {
    console.log(`  ${p.app.path.padEnd(7)} scores of the runs: ${p.lhrs.map(score).join(', ')}`);
  }

  console.log('\nsummary');
  const rows = [['measure', 'member portal (/)', 'kiosk (/kiosk)', 'target']];
  rows.push([
    'initial JS, gzip',
    ...sizes.map((m) => `${kb(m.js)} (${verdict(m.js <= m.app.jsTarget)})`),
    `≤ ${kb(apps[0].jsTarget)} / ≤ ${kb(apps[1].jsTarget)}`,
  ]);
  rows.push(['initial CSS, gzip', ...sizes.map((m) => kb(m.css)), '–']);
  rows.push(['initial JS + CSS, gzip', ...sizes.map((m) => kb(m.js + m.css)), '–']);
  rows.push([
    'Lighthouse performance',
    ...pages.map((p) => `${score(p.median)} (${verdict(score(p.median) >= SCORE_TARGET)})`),
    `≥ ${SCORE_TARGET}`,
  ]);
  const ms = (v) => `${Math.round(v)} ms`;
  rows.push(['First Contentful Paint', ...pages.map((p) => ms(metric(p.median, 'first-contentful-paint'))), '–']);
  rows.push(['Largest Contentful Paint', ...pages.map((p) => ms(metric(p.median, 'largest-contentful-paint'))), '–']);
  rows.push(['Total Blocking Time', ...pages.map((p) => ms(metric(p.median, 'total-blocking-time'))), '–']);
  rows.push([
    'Cumulative Layout Shift',
    ...pages.map((p) => metric(p.median, 'cumulative-layout-shift').toFixed(3)),
    '–',
  ]);
  printTable(rows);
}

main().catch((error) => {
  console.error(`bench:web failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
