#!/usr/bin/env node
// Fails when the Drizzle schema changed without a committed migration. drizzle-kit can print
// an error and still exit 0, so its output is read rather than trusted.
import { spawnSync } from 'node:child_process';

const result = spawnSync('pnpm', ['exec', 'drizzle-kit', 'generate', '--name', 'ci-check'], { encoding: 'utf8' });
const output = `${result.stdout}\n${result.stderr}`;
if (result.status !== 0 || /error/i.test(output)) {
  console.error(`migration check: drizzle-kit failed:\n${output.trim()}`);
  process.exit(1);
}
if (!/No schema changes, nothing to migrate/.test(output)) {
  console.error(
    'migration check: the schema changed without a migration: run `pnpm --filter @pulih/api db:generate` and commit it',
  );
  spawnSync('git', ['checkout', '--', 'drizzle'], { stdio: 'ignore' });
  spawnSync('git', ['clean', '-fdq', 'drizzle'], { stdio: 'ignore' });
  process.exit(1);
}
console.log('migration check: schema and migrations agree');
