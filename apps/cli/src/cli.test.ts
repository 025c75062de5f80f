import { execFile } from 'node:child_process';
import { mkdtempSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { DEMO_STAFF_PASSWORD, listen, type RunningServer } from '@pulih/api';
import { createTestServer } from '@pulih/api/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const bin = fileURLToPath(new URL('../bin/pulih.js', import.meta.url));

let server: RunningServer;

beforeAll(async () => {
  const test = await createTestServer();
  server = await listen(test.app, 0, '127.0.0.1');
});
afterAll(() => server.close());

/** Runs the real `pulih` binary as staff would, with its own config directory. */
function pulih(args: string[], env: Record<string, string> = {}, input?: string) {
  return new Promise<{ code: number; stdout: string; stderr: string }>((resolve) => {
    const child = execFile(
      process.execPath,
      [bin, ...args],
      { env: { PATH: process.env.PATH ?? '', PULIH_API_URL: server.url, ...env } },
      (error, stdout, stderr) => resolve({ code: error ? Number(error.code ?? 1) : 0, stdout, stderr }),
    );
    child.stdin?.end(input ?? '');
  });
}

const freshConfig = () => mkdtempSync(join(tmpdir(), 'pulih-cli-'));

describe('pulih login', () => {
  it('stores the staff token in the config directory, readable by the user alone', async () => {
    const config = freshConfig();
    const result = await pulih(
      ['login', '--username', 'demo.agent'],
      { PULIH_CONFIG_DIR: config },
      `${DEMO_STAFF_PASSWORD}\n`,
    );
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('call_center_agent');
    expect(statSync(join(config, 'credentials.json')).mode & 0o777).toBe(0o600);
  });

  it('says in one line that the password is wrong and exits non-zero', async () => {
    const config = freshConfig();
    const result = await pulih(['login', '-u', 'demo.agent'], {
      PULIH_CONFIG_DIR: config,
      PULIH_STAFF_PASSWORD: 'wrong-password',
    });
    expect(result.code).toBe(1);
    expect(result.stderr).toBe('pulih: The username or password is wrong. (INVALID_CREDENTIALS)\n');
  });

  it('says in one line when the API cannot be reached', async () => {
    const result = await pulih(['login', '-u', 'demo.agent', '--api-url', 'http://127.0.0.1:1'], {
      PULIH_CONFIG_DIR: freshConfig(),
      PULIH_STAFF_PASSWORD: 'x',
    });
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/^pulih: cannot reach the Pulih API at http:\/\/127\.0\.0\.1:1 .*\n$/);
  });
});

describe('pulih member show', () => {
  const loggedIn = async () => {
    const config = freshConfig();
    await pulih(['login', '-u', 'demo.agent'], { PULIH_CONFIG_DIR: config, PULIH_STAFF_PASSWORD: DEMO_STAFF_PASSWORD });
    return { PULIH_CONFIG_DIR: config };
  };

  it('shows the member with masked email and phone', async () => {
    const result = await pulih(['member', 'show', '19011111111'], await loggedIn());
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('SITI RAHAYU');
    expect(result.stdout).toContain('s***u@example.com (terverifikasi)');
    expect(result.stdout).toContain('0812-****-**90');
    expect(result.stdout).not.toContain('siti.rahayu@example.com');
  });

  it('prints one JSON object with --json, looked up by NIK', async () => {
    const result = await pulih(['member', 'show', '3273015708900001', '--json'], await loggedIn());
    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout)).toMatchObject({
      fullName: 'SITI RAHAYU',
      disclosure: 'masked',
      phone: '0812-****-**90',
    });
  });

  it('explains a malformed NIK in one line with a non-zero exit', async () => {
    const result = await pulih(['member', 'show', '9974051708900003'], await loggedIn());
    expect(result.code).toBe(1);
    expect(result.stderr).toBe('pulih: Give an 11-digit KPJ number or a valid 16-digit NIK. (INVALID_INPUT)\n');
  });

  it('tells an unknown member apart from a malformed key', async () => {
    const result = await pulih(['member', 'show', '99999999999'], await loggedIn());
    expect(result.code).toBe(1);
    expect(result.stderr).toBe('pulih: No member matches that KPJ or NIK. (MEMBER_NOT_FOUND)\n');
  });

  it('asks staff to log in first', async () => {
    const result = await pulih(['member', 'show', '19011111111'], { PULIH_CONFIG_DIR: freshConfig() });
    expect(result.code).toBe(1);
    expect(result.stderr).toBe('pulih: not logged in: run `pulih login` first\n');
  });

  it('exits with 2 and one line on an unknown command', async () => {
    const result = await pulih(['member', 'frobnicate'], { PULIH_CONFIG_DIR: freshConfig() });
    expect(result.code).toBe(2);
    expect(result.stderr.trim().split('\n')).toHaveLength(1);
  });

  it('forgets the token on logout', async () => {
    const env = await loggedIn();
    expect((await pulih(['logout'], env)).code).toBe(0);
    expect((await pulih(['member', 'show', '19011111111'], env)).code).toBe(1);
  });
});
