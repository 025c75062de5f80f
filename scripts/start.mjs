#!/usr/bin/env node
// `pnpm start` (demo: PULIH_DEMO=1, after a build) and `pnpm serve` (production start).
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const demo = process.argv.includes('--demo');
const main = fileURLToPath(new URL('../packages/api/dist/main.js', import.meta.url));
if (!existsSync(main)) {
  console.error('pulih: the server is not built yet: run `pnpm build` first');
  process.exit(1);
}
const child = spawn(process.execPath, [main, demo ? 'start' : 'serve'], {
  stdio: 'inherit',
  env: demo ? { ...process.env, PULIH_DEMO: '1' } : process.env,
});
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
