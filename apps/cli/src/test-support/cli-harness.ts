import { execFile } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { DEMO_STAFF_PASSWORD, listen, type RunningServer } from '@pulih/api';
import { createTestServer, DEMO_STAFF_TOTP_SECRETS, totpCode } from '@pulih/api/testing';
import { afterAll, beforeAll, expect } from 'vitest';

/** The `pulih` executable, as installed. */
export const pulihBin = fileURLToPath(new URL('../../bin/pulih.js', import.meta.url));

export interface CliRun {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

/**
 * A real API server (in-process, on a free port, demo data) for one test file, and the real
 * `pulih` binary run against it as a child process, as staff would run it.
 */
export function useCliHarness() {
  const state: { server?: RunningServer; test?: Awaited<ReturnType<typeof createTestServer>> } = {};
  beforeAll(async () => {
    state.test = await createTestServer();
    state.server = await listen(state.test.app, 0, '127.0.0.1');
  });
  afterAll(() => state.server?.close());

  const testServer = () => {
    if (!state.test) throw new Error('the CLI harness is used outside a test');
    return state.test;
  };

  function pulih(args: string[], env: Record<string, string> = {}, input?: string): Promise<CliRun> {
    return new Promise((resolve) => {
      const child = execFile(
        process.execPath,
        [pulihBin, ...args],
        { env: { PATH: process.env.PATH ?? '', PULIH_API_URL: state.server?.url ?? '', ...env } },
        (error, stdout, stderr) => resolve({ code: error ? Number(error.code ?? 1) : 0, stdout, stderr }),
      );
      child.stdin?.end(input ?? '');
    });
  }

  /** A config directory logged in as a demo staff user; each login waits for the next TOTP window. */
  async function loggedInAs(username: keyof typeof DEMO_STAFF_TOTP_SECRETS): Promise<Record<string, string>> {
    const env = { PULIH_CONFIG_DIR: mkdtempSync(join(tmpdir(), 'pulih-cli-')) };
    const test = testServer();
    test.clock.advance(30_000);
    const login = await pulih(['login', '-u', username], {
      ...env,
      PULIH_STAFF_PASSWORD: DEMO_STAFF_PASSWORD,
      PULIH_STAFF_TOTP: totpCode(DEMO_STAFF_TOTP_SECRETS[username], test.clock.now()),
    });
    expect(login.code, login.stderr).toBe(0);
    return env;
  }

  /** The URL of the running test API. */
  const apiUrl = () => state.server?.url ?? '';

  return { pulih, loggedInAs, testServer, apiUrl };
}
