#!/usr/bin/env node
// Thin launcher so the bin exists before the first build; the CLI itself is compiled TypeScript.
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const main = new URL('../dist/main.js', import.meta.url);
if (!existsSync(fileURLToPath(main))) {
  process.stderr.write('pulih: the CLI is not built yet; run `pnpm build` first\n');
  process.exit(1);
}
const { run } = await import(main.href);
process.exitCode = await run(process.argv);
