import { beforeAll, describe, expect, it } from 'vitest';
import { DEMO_MEMBER_PASSWORD } from '../demo/demo-accounts.js';
import {
  csv,
  type ImportReply,
  type ImportReportLine,
  importFileOf,
  interruptedAfter,
  lineOf,
  reportOfJob,
  startImportOf,
  uploadTo,
} from '../test-support/import-uploads.js';
import { loginStaffWithTotp } from '../test-support/staff-login.js';
import { createTestServer, dataOf, type TestServer } from '../test-support/test-server.js';
import { placeholderEmployerName } from './import-contributions.js';

const HEADER = 'kpj,npp,segment,started_on,ended_on,end_reason,employer_name';

// Demo employments (demo/demo-contributions.ts): Siti 20022222222 at 10000002 since 2018-08-01,
// Budi 19033333333 at 10000003 since 2010-01-01, Agus 19099999999 at 10000003 2022-03-01 to
// 2026-08-31 (resignation); Rina 19055555555 has none. The test clock stands on 2026-11-24.
const SITI_KPJ = '20022222222';
const BUDI_KPJ = '19033333333';
const AGUS_KPJ = '19099999999';
const RINA_KPJ = '19055555555';

let server: TestServer;
let admin: string;

beforeAll(async () => {
  server = await createTestServer();
  admin = await loginStaffWithTotp(server, 'demo.admin');
});

const sql = <T>(query: string, ...params: unknown[]) => server.database.sqlite.prepare(query).all(...params) as T[];
const employmentsOf = (kpj: string) =>
  sql<{ npp: string; segment: string; started_on: string; ended_on: string | null; end_reason: string | null }>(
    'SELECT npp, segment, started_on, ended_on, end_reason FROM participations WHERE kpj = ? ORDER BY started_on',
    kpj,
  );
const employerName = (npp: string) => sql<{ name: string }>('SELECT name FROM employers WHERE npp = ?', npp)[0]?.name;

describe('employment report import', () => {
  const rows = [
    `${SITI_KPJ},10000002,PU,2018-08-01,2026-10-31,mengundurkan diri,`, // the open employment ends
    `${RINA_KPJ},20000001,,2026-09-01,,,PT BARU SEJAHTERA`, // a new employment at a new employer
    `${BUDI_KPJ},10000003,PU,2010-01-01,,,`, // already registered as reported
    `${AGUS_KPJ},10000003,PU,2022-03-01,,,`, // would reopen an ended employment
    `${AGUS_KPJ},10000003,PU,2022-03-01,2026-09-30,resignation,`, // another end for an ended one
    `${BUDI_KPJ},10000003,PU,2015-01-01,,,`, // overlaps the open employment there
    '29999999999,10000002,PU,2020-01-01,,,', // unknown KPJ
    `${RINA_KPJ},1234,PU,2020-01-01,,,`, // bad NPP
    `${RINA_KPJ},20000002,PU,2020-02-30,,,`, // not a real date
    `${RINA_KPJ},20000002,PU,2021-01-01,2020-12-31,phk,`, // ends before it starts
    `${RINA_KPJ},20000002,PU,2021-01-01,2021-06-30,,`, // an end without a reason
    `${RINA_KPJ},20000002,PU,2021-01-01,2021-06-30,dipecat,`, // an unknown reason
    `${RINA_KPJ},20000002,XYZ,2021-01-01,,,`, // an unknown segment
    `${RINA_KPJ},20000003,BPU,2019-01-01,2019-12-31,Habis Kontrak,`, // an ended employment, no employer name
    `${RINA_KPJ},20000004,PU,2031-01-01,,,`, // years ahead: a typo
  ];
  const text = csv(HEADER, rows);
  let outcome: ImportReply;
  let report: Map<number, ImportReportLine>;

  beforeAll(async () => {
    outcome = await importFileOf(server, admin, 'employment', text);
    report = await reportOfJob(server, admin, outcome.jobId);
  });

  it('writes the good rows and refuses the others, with counts and a report by line', () => {
    expect(outcome).toMatchObject({ state: 'completed', rowsRead: 15, rowsAccepted: 4, rowsRejected: 11 });
    const refused = [...report.values()].filter((l) => l.outcome === 'rejected').map((l) => l.line);
    expect(refused).toEqual([3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 14].map((i) => lineOf(i)));
    expect(report.get(lineOf(3))?.reason).toContain('already ended');
    expect(report.get(lineOf(4))?.reason).toContain('already ended');
    expect(report.get(lineOf(5))?.reason).toContain('same days');
    expect(report.get(lineOf(6))?.reason).toBe('KPJ not in the registry');
    expect(report.get(lineOf(7))?.reason).toBe('NPP is not 8 digits');
    expect(report.get(lineOf(8))?.reason).toBe('started_on is not a real YYYY-MM-DD date');
    expect(report.get(lineOf(9))?.reason).toBe('ended_on is before started_on');
    expect(report.get(lineOf(10))?.reason).toContain('both or neither');
    expect(report.get(lineOf(11))?.reason).toContain('end_reason is not');
    expect(report.get(lineOf(12))?.reason).toContain('segment is not');
    expect(report.get(lineOf(14))?.reason).toBe('started_on is more than a year ahead');
  });

  it('records the end of an open employment as the employer reported it, reason words included', () => {
    expect(employmentsOf(SITI_KPJ)).toEqual([
      { npp: '10000002', segment: 'PU', started_on: '2018-08-01', ended_on: '2026-10-31', end_reason: 'resignation' },
    ]);
  });

  it('registers new employments, and their employers under the name given or a placeholder', () => {
    expect(employmentsOf(RINA_KPJ)).toEqual([
      { npp: '20000003', segment: 'BPU', started_on: '2019-01-01', ended_on: '2019-12-31', end_reason: 'contract_end' },
      { npp: '20000001', segment: 'PU', started_on: '2026-09-01', ended_on: null, end_reason: null },
    ]);
    expect(employerName('20000001')).toBe('PT BARU SEJAHTERA');
    expect(employerName('20000003')).toBe(placeholderEmployerName('20000003'));
    expect(report.get(lineOf(1))).toEqual({
      line: lineOf(1),
      outcome: 'imported_with_note',
      reason: 'employer registered',
    });
    expect(report.get(lineOf(13))?.reason).toContain('without a name');
  });

  it('changes nothing for a report the registry already holds, and says so', () => {
    expect(employmentsOf(BUDI_KPJ)).toEqual([
      { npp: '10000003', segment: 'PU', started_on: '2010-01-01', ended_on: null, end_reason: null },
    ]);
    expect(report.get(lineOf(2))).toMatchObject({
      outcome: 'imported_with_note',
      reason: 'already recorded; nothing changed',
    });
    expect(employmentsOf(AGUS_KPJ)).toEqual([
      { npp: '10000003', segment: 'PU', started_on: '2022-03-01', ended_on: '2026-08-31', end_reason: 'resignation' },
    ]);
  });

  it('never repeats a row’s data in the report', () => {
    for (const line of report.values()) {
      expect(line.reason).not.toMatch(/\d{11}/);
      expect(line.reason).not.toContain('SEJAHTERA');
    }
  });

  it('does not import the same file twice, and a file of the same reports again changes nothing', async () => {
    const again = await startImportOf(server, admin, 'employment', text);
    expect(again).toMatchObject({ jobId: outcome.jobId, alreadyImported: true });
    const before = sql('SELECT * FROM participations ORDER BY id');
    const reordered = await importFileOf(server, admin, 'employment', csv(HEADER, [...rows].reverse()));
    expect(reordered).toMatchObject({ state: 'completed', rowsAccepted: 4, rowsRejected: 11 });
    expect(sql('SELECT * FROM participations ORDER BY id')).toEqual(before);
  });

  it('names an employer known only by the placeholder the contributions import gave it', async () => {
    server.database.sqlite
      .prepare('INSERT INTO employers (npp, name) VALUES (?, ?)')
      .run('20000009', placeholderEmployerName('20000009'));
    const named = await importFileOf(
      server,
      admin,
      'employment',
      csv(HEADER, [`${RINA_KPJ},20000009,PU,2027-01-04,,,CV NAMA ASLI`]),
    );
    expect(named).toMatchObject({ state: 'completed', rowsAccepted: 1 });
    expect(employerName('20000009')).toBe('CV NAMA ASLI');
  });
});

describe('what an employer’s report changes for the member', () => {
  it('makes the member non-aktif from the day the employment ended, with the reason, at once in the profile', async () => {
    const own = await createTestServer();
    const token = await loginStaffWithTotp(own, 'demo.admin');
    const cookie = await own.loginMember('siti.rahayu@example.com', DEMO_MEMBER_PASSWORD);
    const profile = async () =>
      dataOf<{ membership: { status: string; reason: string; since: string } }>(
        await own.call('member.profile', undefined, { method: 'GET', cookie }),
      ).membership;
    // Read once, so that the reply is stored as the member's view.
    expect(await profile()).toMatchObject({ status: 'aktif', reason: 'contributing' });
    await importFileOf(own, token, 'employment', csv(HEADER, [`${SITI_KPJ},10000002,PU,2018-08-01,2026-10-31,phk,`]));
    expect(await profile()).toEqual({ status: 'non_aktif', reason: 'employment_ended', since: '2026-10-31' });
  });
});

describe('resuming an employment import', () => {
  it('continues after the last committed line with every employment exactly once', async () => {
    const own = await createTestServer();
    const token = await loginStaffWithTotp(own, 'demo.admin');
    const rows = Array.from(
      { length: 30 },
      (_, i) => `${RINA_KPJ},${30000000 + i},PU,2010-01-01,2010-12-31,phk,PT ${i}`,
    );
    const text = csv(HEADER, rows);
    const started = await startImportOf(own, token, 'employment', text);
    // The sender goes away in the middle of row 13 (line 14).
    const cut = text.indexOf(rows[12] as string) + 10;
    const first = await uploadTo(
      own,
      token,
      started.jobId,
      interruptedAfter(text.slice(0, cut)),
      Buffer.byteLength(text),
    );
    expect(first.json).toMatchObject({ state: 'failed', rowsRead: 12, lastCommittedLine: lineOf(11) });
    const resumed = await startImportOf(own, token, 'employment', text);
    expect(resumed).toMatchObject({ jobId: started.jobId, state: 'running', resumeAfterLine: lineOf(11) });
    const second = await uploadTo(own, token, resumed.jobId, text, Buffer.byteLength(text));
    expect(second.json).toMatchObject({ state: 'completed', rowsRead: 30, rowsAccepted: 30, rowsRejected: 0 });
    const count = own.database.sqlite
      .prepare("SELECT count(*) AS n, count(DISTINCT npp) AS npps FROM participations WHERE npp LIKE '300000%'")
      .get();
    expect(count).toEqual({ n: 30, npps: 30 });
  });
});

describe('who may import employment reports', () => {
  it('refuses a branch officer', async () => {
    const officer = await loginStaffWithTotp(server, 'demo.branch');
    const reply = await server.call(
      'imports.start',
      { kind: 'employment', fileName: 'e.csv', fileSha256: 'a'.repeat(64) },
      { bearer: officer },
    );
    expect(reply.status).toBe(403);
  });
});
