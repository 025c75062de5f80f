import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const mainJs = fileURLToPath(new URL('../dist/main.js', import.meta.url));

/** Runs the built server entry until it exits or prints the listening line. */
function runServer(args: string[], env: Record<string, string>) {
  return new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve) => {
    const child = spawn(process.execPath, [mainJs, ...args], {
      env: { PATH: process.env.PATH ?? '', PORT: '0', HOST: '127.0.0.1', PULIH_DEMO_MEMBERS: '10', ...env },
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => {
      stdout += chunk;
      if (stdout.includes('listening on')) child.kill('SIGTERM');
    });
    child.stderr.on('data', (chunk: Buffer) => {
      stderr += chunk;
    });
    child.on('exit', (code) => resolve({ code, stdout, stderr }));
  });
}

describe('the server process', () => {
  it('starts in demo mode, says so in its first line, and seeds demo data', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'pulih-main-'));
    const result = await runServer(['start'], { PULIH_DEMO: '1', PULIH_DATA_DIR: dir });
    expect(result.stdout.split('\n')[0]).toMatch(/^Pulih: DEMO MODE/);
    expect(result.stdout).toContain('Demo data seeded');
    expect(result.stdout).toMatch(/listening on http:\/\/localhost:\d+/);
  });

  it('exits with one line and a non-zero code on a corrupt database file', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'pulih-main-'));
    mkdirSync(dir, { recursive: true });
    writeFileSync(
      join(dir, 'pulih.sqlite'),
      'garbage garbage garbage garbage garbage garbage garbage garbage garbage garbage',
    );
    const result = await runServer(['start'], { PULIH_DEMO: '1', PULIH_DATA_DIR: dir });
    expect(result.code).toBe(1);
    expect(result.stderr.trim().split('\n')).toHaveLength(1);
    expect(result.stderr).toMatch(/^pulih: cannot use the database .*file is not a database/);
    expect(result.stdout).not.toContain('listening');
  });

  it('refuses the production start in demo mode', async () => {
    const result = await runServer(['serve'], { PULIH_DEMO: '1', PULIH_SECRET: 's'.repeat(40) });
    expect(result.code).toBe(1);
    expect(result.stderr.trim()).toBe('pulih: refusing to serve: demo mode (PULIH_DEMO) is on');
  });
});
