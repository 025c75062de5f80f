import type { ChildProcess } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { DEMO_STAFF_PASSWORD, openDatabase } from '@pulih/api';
import { DEMO_STAFF_TOTP_SECRETS, startDemoServer, totpCode } from '@pulih/api/testing';
import { afterAll, describe, expect, it } from 'vitest';
import { useCliHarness } from './test-support/cli-harness.js';

const { pulih, loggedInAs } = useCliHarness();

const MEMBERS_HEADER = 'record_id,nik,kpj,full_name,birth_date,sex,mother_name,phone,email';
const CONTRIBUTIONS_HEADER =
  'kpj,npp,period,wage,jht_employee,jht_employer,jkk,jkm,jp_employee,jp_employer,jkp,paid_at';
const dir = mkdtempSync(join(tmpdir(), 'pulih-cli-import-'));

function writeCsv(name: string, header: string, rows: readonly string[]): string {
  const path = join(dir, name);
  writeFileSync(path, `${[header, ...rows].join('\n')}\n`);
  return path;
}

describe('pulih import members', () => {
  it('imports a file with good and bad rows and reports the bad ones by line, without their data', async () => {
    const admin = await loggedInAs('demo.admin');
    const file = writeCsv('members.csv', MEMBERS_HEADER, [
      '1,3174054506900101,50000000001,Ani Lestari,1990-06-05,P,,0812-3456-7001,ani.cli@example.com',
      '2,3174054506900101,50000000002,ANI LESTARI,1990-06-05,P,,,',
      '3,,50000000003,Citra,1992-01-01,P,,,',
      '4,3174052003850104,19011111111,Eko,1985-03-20,L,,,',
      '5,3174052003850105,50000000005,Fajar,1985-03-20,L,,0000,',
    ]);
    const result = await pulih(['import', 'members', file], admin);
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toContain('5 rows read, 4 imported (2 with a note), 1 refused');
    expect(result.stdout).toContain(
      'line 4: diimpor dengan catatan / imported, note: NIK perlu dikoreksi / NIK needs correction: empty',
    );
    expect(result.stdout).toContain('line 5: ditolak / refused: KPJ already belongs to another member');
    expect(result.stdout).toContain(
      'line 6: diimpor dengan catatan / imported, note: phone dropped (not an Indonesian mobile number)',
    );
    expect(result.stdout).not.toMatch(/19011111111|3174052003850104|Eko/);

    const shown = await pulih(['member', 'show', '50000000002', '--json'], admin);
    expect(JSON.parse(shown.stdout)).toMatchObject({ kpjNumbers: ['50000000001', '50000000002'] });

    const again = await pulih(['import', 'members', file], admin);
    expect(again.stdout).toContain('already imported');
  });

  it('writes the whole report to a CSV file with --report, and shows jobs with list and status', async () => {
    const admin = await loggedInAs('demo.supervisor');
    const file = writeCsv('members-report.csv', MEMBERS_HEADER, [
      '1,,51000000001,Satu,1990-01-01,L,,,',
      '2,,123,Dua,1990-01-01,L,,,',
    ]);
    const reportPath = join(dir, 'report.csv');
    const result = await pulih(['import', 'members', file, '--report', reportPath, '--json'], admin);
    expect(result.code, result.stderr).toBe(0);
    const job = JSON.parse(result.stdout) as { jobId: string; state: string; rowsRejected: number };
    expect(job).toMatchObject({ state: 'completed', rowsRejected: 1 });
    expect(readFileSync(reportPath, 'utf8')).toBe(
      'line,outcome,reason\n' +
        '2,imported_with_note,NIK perlu dikoreksi / NIK needs correction: empty\n' +
        '3,rejected,KPJ is not 11 digits\n',
    );
    const listed = await pulih(['import', 'list'], admin);
    expect(listed.stdout).toContain(job.jobId);
    const status = await pulih(['import', 'status', job.jobId], admin);
    expect(status.stdout).toContain('2 rows read, 1 imported (1 with a note), 1 refused');
    expect(status.stdout).toContain('line 3: ditolak / refused: KPJ is not 11 digits');
  });

  it('refuses staff without the admin or supervisor role in one line', async () => {
    const agent = await loggedInAs('demo.agent');
    const file = writeCsv('members-agent.csv', MEMBERS_HEADER, ['1,,52000000001,Satu,1990-01-01,L,,,']);
    const result = await pulih(['import', 'members', file], agent);
    expect(result.code).toBe(1);
    expect(result.stderr.trim().split('\n')).toHaveLength(1);
    expect(result.stderr).toContain('FORBIDDEN');
  });

  it('says in one line when the file cannot be read', async () => {
    const admin = await loggedInAs('demo.admin');
    const result = await pulih(['import', 'members', join(dir, 'missing.csv')], admin);
    expect(result.code).toBe(1);
    expect(result.stderr).toBe(`pulih: cannot read ${join(dir, 'missing.csv')}: no such file\n`);
  });
});

describe('pulih import contributions', () => {
  it('loads nothing when a row is bad, lists it and exits non-zero; loads the corrected file', async () => {
    const admin = await loggedInAs('demo.admin');
    const good = '19044444444,10000004,2026-07,5100000,102000,188700,12240,15300,51000,102000,18360,2026-11-20';
    const bad = writeCsv('contributions-bad.csv', CONTRIBUTIONS_HEADER, [
      good,
      '19011111111,10000001,2026-07,5100000,-1,0,0,0,0,0,0,',
    ]);
    const refused = await pulih(['import', 'contributions', bad], admin);
    expect(refused.code).toBe(1);
    expect(refused.stdout).toContain('line 3: ditolak / refused: jht_employee is negative');
    expect(refused.stderr).toMatch(/^pulih: nothing was loaded: 1 rows refused/);
    const before = await pulih(['import', 'status', '--json'], admin);
    expect(JSON.parse(before.stdout)).toMatchObject({ state: 'rejected', rowsAccepted: 0 });

    const fixed = writeCsv('contributions-good.csv', CONTRIBUTIONS_HEADER, [good]);
    const loaded = await pulih(['import', 'contributions', fixed], admin);
    expect(loaded.code, loaded.stderr).toBe(0);
    expect(loaded.stdout).toContain('1 rows read, 1 imported, 0 refused');
  });
});

/** The built server as a process of its own on a data directory, so that a test can kill it. */
const children: ChildProcess[] = [];
afterAll(() => {
  for (const child of children) child.kill('SIGKILL');
});

async function startServerProcess(dataDir: string) {
  const server = await startDemoServer({ PULIH_DEMO_MEMBERS: '20', PULIH_DATA_DIR: dataDir }, 'pipe');
  children.push(server.child);
  return server;
}

async function trpc<T>(url: string, token: string, path: string, input: unknown, method: 'GET' | 'POST'): Promise<T> {
  const target =
    method === 'GET' ? `${url}/trpc/${path}?input=${encodeURIComponent(JSON.stringify(input))}` : `${url}/trpc/${path}`;
  const response = await fetch(target, {
    method,
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    ...(method === 'POST' ? { body: JSON.stringify(input) } : {}),
  });
  const reply = (await response.json()) as { result?: { data: T } };
  if (!reply.result) throw new Error(`${path} failed: ${JSON.stringify(reply)}`);
  return reply.result.data;
}

describe('pulih import employment', () => {
  it('records the starts and ends employers report, refuses what contradicts the registry by line, and lists the job', async () => {
    const admin = await loggedInAs('demo.admin');
    const file = writeCsv('employment.csv', 'kpj,npp,segment,started_on,ended_on,end_reason,employer_name', [
      '19033333333,10000003,PU,2010-01-01,2026-10-31,PHK,', // Budi's open employment ends
      '19066666666,20000101,,2026-09-01,,,PT CONTOH JAYA', // Agus Prasetyo starts at a new employer
      '19099999999,10000003,PU,2022-03-01,,,', // Agus Setiawan's ended employment cannot reopen
    ]);
    const result = await pulih(['import', 'employment', file], admin);
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toContain('3 rows read, 2 imported (1 with a note), 1 refused');
    expect(result.stdout).toContain('line 3: diimpor dengan catatan / imported, note: employer registered');
    expect(result.stdout).toContain('line 4: ditolak / refused: this employment has already ended');
    const listed = await pulih(['import', 'list', '--kind', 'employment', '--json'], admin);
    expect(JSON.parse(listed.stdout)).toMatchObject([{ kind: 'employment', state: 'completed', rowsAccepted: 2 }]);
    const again = await pulih(['import', 'employment', file], admin);
    expect(again.stdout).toContain('already imported');
  });
});

describe('resuming an import after the server was killed', () => {
  it('continues where the killed server stopped, with every row exactly once', { timeout: 90_000 }, async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'pulih-cli-import-server-'));
    const first = await startServerProcess(dataDir);
    const env = { PULIH_CONFIG_DIR: mkdtempSync(join(tmpdir(), 'pulih-cli-')), PULIH_API_URL: first.url };
    const login = await pulih(['login', '-u', 'demo.admin'], {
      ...env,
      PULIH_STAFF_PASSWORD: DEMO_STAFF_PASSWORD,
      PULIH_STAFF_TOTP: totpCode(DEMO_STAFF_TOTP_SECRETS['demo.admin'], new Date()),
    });
    expect(login.code, login.stderr).toBe(0);
    const token = (
      JSON.parse(readFileSync(join(env.PULIH_CONFIG_DIR, 'credentials.json'), 'utf8')) as { token: string }
    ).token;

    const rows = Array.from({ length: 200 }, (_, i) => `${i},,${53000000000 + i},ANGGOTA ${i},1990-01-01,L,,,`);
    const path = writeCsv('members-resume.csv', MEMBERS_HEADER, rows);
    const content = readFileSync(path);
    const sha = createHash('sha256').update(content).digest('hex');
    const started = await trpc<{ jobId: string }>(
      first.url,
      token,
      'imports.start',
      { kind: 'members', fileName: 'members-resume.csv', fileSha256: sha },
      'POST',
    );

    // Send the first 80 rows and part of the 81st, then nothing: the server commits what it has.
    const request = http.request(`${first.url}/api/imports/${started.jobId}`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-length': String(content.length) },
    });
    request.on('error', () => {});
    const cut = content.indexOf(rows[80] as string) + 10;
    request.write(content.subarray(0, cut));
    let committed = 0;
    for (let i = 0; i < 100 && committed < 81; i++) {
      await sleep(100);
      const job = await trpc<{ lastCommittedLine: number }>(
        first.url,
        token,
        'imports.status',
        { jobId: started.jobId },
        'GET',
      );
      committed = job.lastCommittedLine;
    }
    expect(committed).toBe(81);
    await first.stop('SIGKILL');
    request.destroy();

    const second = await startServerProcess(dataDir);
    const resumed = await pulih(['import', 'members', path, '--json'], { ...env, PULIH_API_URL: second.url });
    expect(resumed.code, resumed.stderr).toBe(0);
    expect(resumed.stderr).toContain(`resuming job ${started.jobId} after line 81`);
    expect(JSON.parse(resumed.stdout)).toMatchObject({
      jobId: started.jobId,
      state: 'completed',
      rowsRead: 200,
      rowsAccepted: 200,
      rowsRejected: 0,
    });
    await second.stop();

    const database = openDatabase(join(dataDir, 'pulih.sqlite'));
    try {
      const counts = database.sqlite
        .prepare(
          "SELECT count(*) AS n, count(DISTINCT kpj) AS kpjs, count(DISTINCT member_id) AS members FROM member_kpj WHERE kpj LIKE '53%'",
        )
        .get();
      expect(counts).toEqual({ n: 200, kpjs: 200, members: 200 });
    } finally {
      database.close();
    }
  });
});
