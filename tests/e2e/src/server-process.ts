import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const mainJs = fileURLToPath(new URL('../../../packages/api/dist/main.js', import.meta.url));

export interface DemoServer {
  readonly url: string;
  readonly stop: () => Promise<void>;
}

/** Starts the built server exactly as `pnpm start` does (demo mode), on a free port. */
export function startDemoServer(): Promise<DemoServer> {
  const dataDir = mkdtempSync(join(tmpdir(), 'pulih-e2e-'));
  const child: ChildProcess = spawn(process.execPath, [mainJs, 'start'], {
    env: {
      PATH: process.env.PATH ?? '',
      PULIH_DEMO: '1',
      PULIH_DATA_DIR: dataDir,
      PORT: '0',
      HOST: '127.0.0.1',
      PULIH_DEMO_MEMBERS: '50',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  return new Promise((resolve, reject) => {
    let output = '';
    const onData = (chunk: Buffer) => {
      output += chunk;
      const match = /listening on http:\/\/localhost:(\d+)/.exec(output);
      if (match) {
        resolve({
          url: `http://127.0.0.1:${match[1]}`,
          stop: () =>
            new Promise((done) => {
              child.once('exit', () => done());
              child.kill('SIGTERM');
            }),
        });
      }
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', (chunk: Buffer) => {
      output += chunk;
    });
    child.once('exit', (code) => reject(new Error(`server exited with ${code}: ${output}`)));
  });
}
