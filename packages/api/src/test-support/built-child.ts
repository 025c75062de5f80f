/**
 * Runs a script of this package's build (`dist/…`) in its own Node process, as a second server
 * process would run: for the tests of several processes on one database file.
 */
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

export interface BuiltChild {
  readonly path: string;
  /** False until `pnpm --filter @pulih/api build` has run. */
  readonly built: boolean;
  /** A suite's title, saying why it is skipped when the script is not built. */
  readonly title: (suite: string) => string;
}

/** The built script at `dist/<distPath>`. */
export function builtChild(distPath: string): BuiltChild {
  const path = fileURLToPath(new URL(`../../dist/${distPath}`, import.meta.url));
  const built = existsSync(path);
  return {
    path,
    built,
    title: (suite) => (built ? suite : `${suite} (skipped: ${path} is not built; run pnpm --filter @pulih/api build)`),
  };
}

/** Runs the script with `args`; resolves with what it printed, rejects with its stderr. */
export function runBuiltChild(path: string, args: readonly string[]): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [path, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    child.stdout.on('data', (chunk: Buffer) => {
      out += chunk.toString();
    });
    child.stderr.on('data', (chunk: Buffer) => {
      err += chunk.toString();
    });
    child.on('error', reject);
    child.on('exit', (code) => (code === 0 ? resolve(out) : reject(new Error(`child exited ${code}: ${err}`))));
  });
}
