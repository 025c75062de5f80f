import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The built server (`packages/api/dist/main.js`), whether this module runs from dist or src. */
const mainJs = fileURLToPath(new URL('../../dist/main.js', import.meta.url));

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      probe.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

export interface ServerProcessOptions {
  /** The script and its arguments; by default the built server, `main.js start`. */
  readonly args?: readonly string[];
  /** Node's own options, before the script (`--cpu-prof`). */
  readonly nodeArgs?: readonly string[];
  /** The environment besides PATH, PORT and HOST; nothing else is inherited. */
  readonly env?: Readonly<Record<string, string>>;
  /** The server's stderr: shown (the default) or piped away. */
  readonly stderr?: 'inherit' | 'pipe';
}

export interface ServerProcess {
  readonly url: string;
  readonly child: ChildProcess;
  /** Signals the server (SIGTERM by default) and resolves once it has exited. */
  stop(signal?: NodeJS.Signals): Promise<void>;
  /**
   * The CPU time the server process has used so far (user + system, all its threads), in seconds,
   * from `/proc/<pid>/stat`; NaN where there is no `/proc` (not Linux).
   */
  cpuSeconds(): number;
}

/** Clock ticks per second of `/proc/<pid>/stat` (`getconf CLK_TCK`: 100 on every Linux port Node runs on). */
const CLOCK_TICKS = 100;

function cpuSecondsOf(pid: number | undefined): number {
  if (pid === undefined) return Number.NaN;
  try {
    // The command name (field 2) is in parentheses and may hold spaces: count fields after it.
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    // utime and stime are fields 14 and 15 of the whole line, 12 and 13 after the name.
    return (Number(fields[11]) + Number(fields[12])) / CLOCK_TICKS;
  } catch {
    return Number.NaN;
  }
}

/**
 * A server in a process of its own on a free port of 127.0.0.1, so that load generated here does
 * not share its event loop (benches) or so that a test can kill it. Resolves once it says
 * `listening on`; rejects if it exits before.
 */
export async function startServerProcess(options: ServerProcessOptions = {}): Promise<ServerProcess> {
  const port = await freePort();
  const child = spawn(process.execPath, [...(options.nodeArgs ?? []), ...(options.args ?? [mainJs, 'start'])], {
    env: { PATH: process.env.PATH ?? '', ...options.env, PORT: String(port), HOST: '127.0.0.1' },
    stdio: ['ignore', 'pipe', options.stderr ?? 'inherit'],
  });
  await new Promise<void>((resolve, reject) => {
    let output = '';
    child.stdout?.on('data', (chunk: Buffer) => {
      output += chunk;
      if (output.includes('listening on')) resolve();
    });
    child.once('exit', (code) => reject(new Error(`the server exited with ${code}: ${output}`)));
  });
  return {
    url: `http://127.0.0.1:${port}`,
    child,
    cpuSeconds: () => cpuSecondsOf(child.pid),
    stop: (signal = 'SIGTERM') =>
      new Promise((resolve) => {
        if (child.exitCode !== null || child.signalCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill(signal);
      }),
  };
}

/**
 * The built server in demo mode (`PULIH_DEMO=1`, no inbound SMTP) on `PULIH_DATA_DIR` from `env`,
 * or a fresh data directory.
 */
export function startDemoServer(
  env: Readonly<Record<string, string>> = {},
  stderr: 'inherit' | 'pipe' = 'inherit',
): Promise<ServerProcess> {
  return startServerProcess({
    env: {
      PULIH_DEMO: '1',
      PULIH_DATA_DIR: env.PULIH_DATA_DIR ?? mkdtempSync(join(tmpdir(), 'pulih-bench-')),
      INBOUND_SMTP_PORT: '0',
      ...env,
    },
    stderr,
  });
}
