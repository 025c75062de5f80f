#!/usr/bin/env node
// `pnpm test`: every suite of every package through turbo, then one line totalling them all:
// "N passed, N failed". Browser tests need Chromium: found here, or installed with apt-get
// where this user may, or else named in one line.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const workspaces = ['packages', 'apps', 'tests'].flatMap((group) =>
  readdirSync(join(root, group), { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && existsSync(join(root, group, entry.name, 'package.json')))
    .map((entry) => join(root, group, entry.name)),
);

function findChromium() {
  const candidates = [process.env.PULIH_CHROMIUM, '/usr/bin/chromium', '/usr/bin/chromium-browser'];
  return candidates.find((path) => path && existsSync(path));
}

let chromium = findChromium();
if (!chromium && process.getuid?.() === 0 && existsSync('/usr/bin/apt-get')) {
  console.log("Chromium is missing: installing Debian's chromium with apt-get for the browser tests…");
  try {
    execFileSync('apt-get', ['update', '-qq'], { stdio: 'inherit' });
    execFileSync('apt-get', ['install', '-y', '-qq', 'chromium'], {
      stdio: 'inherit',
      env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
    });
  } catch {
    // Reported below as a missing browser.
  }
  chromium = findChromium();
}
if (chromium) process.env.PULIH_CHROMIUM = chromium;
else
  console.error(
    'Browser tests need Chromium: run `apt-get install chromium` (Debian/Ubuntu) or set PULIH_CHROMIUM to a Chrome/Chromium binary.',
  );

for (const dir of workspaces) rmSync(join(dir, '.vitest-report.json'), { force: true });

const turbo = spawnSync('pnpm', ['exec', 'turbo', 'run', 'test', '--continue', ...process.argv.slice(2)], {
  cwd: root,
  stdio: 'inherit',
});

let passed = 0;
let failed = 0;
let skipped = 0;
for (const dir of workspaces) {
  const manifest = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8'));
  if (!manifest.scripts?.test) continue;
  const reportFile = join(dir, '.vitest-report.json');
  if (!existsSync(reportFile)) {
    console.error(`${manifest.name}: no test report (the suite did not run): counted as one failure`);
    failed += 1;
    continue;
  }
  const report = JSON.parse(readFileSync(reportFile, 'utf8'));
  passed += report.numPassedTests;
  failed += report.numFailedTests;
  skipped += report.numPendingTests + report.numTodoTests;
  // A suite that failed to load counts no test but is a failure all the same.
  failed += report.testResults.filter((file) => file.status === 'failed' && file.assertionResults.length === 0).length;
}
const ok = turbo.status === 0 && failed === 0;
if (!ok && failed === 0) failed = 1;
console.log(`${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`);
process.exit(ok ? 0 : 1);
