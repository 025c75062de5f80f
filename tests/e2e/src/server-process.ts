import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const mainJs = fileURLToPath(new URL('../../../packages/api/dist/main.js', import.meta.url));

export interface DemoServer {
  /** The server's origin, also its public URL: links in emails and SMS point here. */
  readonly url: string;
  readonly stop: () => Promise<void>;
}

/**
 * A port that was free a moment ago: the OS picks one for a throwaway listener, which is closed
 * again. The server is then started on it, so that its public URL (the links in messages) is known
 * before it starts; with PORT=0 the server would only learn its port after the links are configured.
 */
function findFreePort(host: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, host, () => {
      const address = probe.address();
      if (address === null || typeof address === 'string') {
        probe.close();
        reject(new Error(`no port from ${String(address)}`));
        return;
      }
      probe.close((error) => (error ? reject(error) : resolve(address.port)));
    });
  });
}

/** Starts the built server exactly as `pnpm start` does (demo mode), on a free port. */
export async function startDemoServer(): Promise<DemoServer> {
  const host = '127.0.0.1';
  const port = await findFreePort(host);
  const url = `http://${host}:${port}`;
  const dataDir = mkdtempSync(join(tmpdir(), 'pulih-e2e-'));
  const child: ChildProcess = spawn(process.execPath, [mainJs, 'start'], {
    env: {
      PATH: process.env.PATH ?? '',
      PULIH_DEMO: '1',
      PULIH_DATA_DIR: dataDir,
      PORT: String(port),
      HOST: host,
      PULIH_PUBLIC_URL: url,
      PULIH_DEMO_MEMBERS: '50',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  return new Promise((resolve, reject) => {
    let output = '';
    const onData = (chunk: Buffer) => {
      output += chunk;
      const match = /listening on http:\/\/localhost:(\d+)/.exec(output);
      if (!match) return;
      if (match[1] !== String(port)) {
        child.kill('SIGTERM');
        reject(new Error(`server listens on port ${match[1]}, not on ${port}: ${output}`));
        return;
      }
      resolve({
        url,
        stop: () =>
          new Promise((done) => {
            if (child.exitCode !== null || child.signalCode !== null) return done();
            child.once('exit', () => done());
            child.kill('SIGTERM');
          }),
      });
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', (chunk: Buffer) => {
      output += chunk;
    });
    child.once('exit', (code) => reject(new Error(`server exited with ${code}: ${output}`)));
  });
}
