import { beforeAll, describe, expect, it, vi } from 'vitest';
import { runJhtNoticeJobs } from '../notices/jht-notice-jobs.js';
import { sendPendingJhtNotices } from '../notices/pending-jht-notices.js';
import {
  csv,
  type ImportKindName,
  type ImportReply,
  type ImportReportLine,
  importFileOf,
  interruptedAfter,
  lineOf,
  reportOfJob,
  sha256,
  startImportOf,
  uploadTo,
} from '../test-support/import-uploads.js';
import { loginStaffWithTotp } from '../test-support/staff-login.js';
import { createTestServer, type TestServer } from '../test-support/test-server.js';
import { importContributions } from './import-contributions.js';
import { findJob } from './import-job-store.js';
import { NIK_NEEDS_CORRECTION } from './member-row.js';
import { startImport } from './start-import.js';

const MEMBERS_HEADER = 'record_id,nik,kpj,full_name,birth_date,sex,mother_name,phone,email';
const CONTRIBUTIONS_HEADER =
  'kpj,npp,period,wage,jht_employee,jht_employer,jkk,jkm,jp_employee,jp_employer,jkp,paid_at';

let server: TestServer;
let admin: string;
let branchOfficer: string;

beforeAll(async () => {
  server = await createTestServer();
  admin = await loginStaffWithTotp(server, 'demo.admin');
  branchOfficer = await loginStaffWithTotp(server, 'demo.branch');
});

const start = (kind: ImportKindName, text: string, token = admin) => startImportOf(server, token, kind, text);
const upload = (jobId: string, body: string | ReadableStream<Uint8Array>, declaredBytes: number, token = admin) =>
  uploadTo(server, token, jobId, body, declaredBytes);
const importFile = (kind: ImportKindName, text: string) => importFileOf(server, admin, kind, text);
const reportOf = (jobId: string) => reportOfJob(server, admin, jobId);
type Outcome = ImportReply;

const sql = <T>(query: string, ...params: unknown[]) => server.database.sqlite.prepare(query).all(...params) as T[];
const memberOfKpj = (kpj: string) =>
  sql<{ id: number; nik: string | null; status_reason: string | null; full_name: string }>(
    'SELECT m.id, m.nik, m.status_reason, m.full_name FROM member_kpj k JOIN members m ON m.id = k.member_id WHERE k.kpj = ?',
    kpj,
  )[0];
const contactsOf = (memberId: number) =>
  sql<{ email: string | null; phone: string | null }>(
    'SELECT email, phone FROM member_contacts WHERE member_id = ?',
    memberId,
  )[0];

/** A contributions job started by staff 1 for `text`, to import it directly (not over HTTP). */
function startedContributionsJob(text: string) {
  const started = startImport(
    server.db,
    { kind: 'contributions', fileName: 'c.csv', fileSha256: sha256(text) },
    1,
    server.clock.now(),
  );
  const job = findJob(server.db, started.jobId);
  if (!job) throw new Error('no job');
  return job;
}
const uploadOf = (text: string) => ({
  body: new Response(text).body as ReadableStream<Uint8Array>,
  expectedBytes: Buffer.byteLength(text),
});

describe('members import', () => {
  const rows = [
    '1,3174054506900001,30000000001,Ani Lestari,1990-06-05,P,Sumarni,0812-3456-7890,Ani.Lestari@Example.com',
    '2,3174051203850022,30000000002,budi  santoso,1985-03-12,L,,+62 813 1111 2222,',
    '3,,30000000003,Citra,1992-01-01,P,,,',
    '4,12345,30000000004,Dodi,1980-01-01,L,,,',
    '5,3174051203850022,30000000005,BUDI SANTOSO,1985-03-12,L,,,budi.baru@example.com',
    '6,3174052003850006,19011111111,Eko,1985-03-20,L,,,',
    '7,3174052003850007,123,Fajar,1985-03-20,L,,,',
    '8,3174051508950004,30000000008,Gita,1995-08-15,L,,12345,not-an-email',
    '9,3174051508950009,30000000009,  ,1995-08-15,L,,,',
    '10,1,2',
    '11,3273015708900001,30000000011,SITI RAHAYU,1990-08-17,P,,,',
    '12,3174051203850012,30000000012,Hadi,1985-03-12,P,,,siti.rahayu@example.com',
    '13,,30000000013,Indra,1991-02-02,L,,,',
  ];
  const text = csv(MEMBERS_HEADER, rows);
  let outcome: Outcome;
  let report: Map<number, ImportReportLine>;

  beforeAll(async () => {
    outcome = await importFile('members', text);
    report = await reportOf(outcome.jobId);
  });

  it('imports good rows and refuses bad ones, with counts and a report by line', () => {
    expect(outcome).toMatchObject({ state: 'completed', rowsRead: 13, rowsAccepted: 9, rowsRejected: 4 });
    expect(outcome.lastCommittedLine).toBe(lineOf(12));
    expect(report.get(lineOf(5))).toEqual({
      line: lineOf(5),
      outcome: 'rejected',
      reason: 'KPJ already belongs to another member',
    });
    expect(report.get(lineOf(6))?.reason).toBe('KPJ is not 11 digits');
    expect(report.get(lineOf(8))?.reason).toBe('full name missing');
    expect(report.get(lineOf(9))?.reason).toBe('wrong number of columns (3, expected 9)');
    expect(memberOfKpj('30000000001')).toMatchObject({ nik: '3174054506900001', full_name: 'ANI LESTARI' });
    expect(contactsOf(memberOfKpj('30000000001')?.id ?? 0)).toEqual({
      email: 'ani.lestari@example.com',
      phone: '+6281234567890',
    });
    expect(memberOfKpj('30000000006')).toBeUndefined();
  });

  it('never repeats the personal data of a row in the report', () => {
    const reasons = [...report.values()].map((l) => l.reason).join('\n');
    for (const value of ['3174052003850006', '19011111111', 'Eko', 'siti.rahayu', '12345', 'not-an-email', 'Gita'])
      expect(reasons).not.toContain(value);
  });

  it('adds the KPJ of a row whose NIK is already known to that member', () => {
    const budi = memberOfKpj('30000000002');
    expect(memberOfKpj('30000000005')?.id).toBe(budi?.id);
    const siti = sql<{ member_id: number }>("SELECT member_id FROM member_kpj WHERE kpj = '19011111111'")[0];
    expect(memberOfKpj('30000000011')?.id).toBe(siti?.member_id);
    // The known member's registered email is kept; an empty field is filled.
    expect(contactsOf(siti?.member_id ?? 0)?.email).toBe('siti.rahayu@example.com');
    expect(contactsOf(budi?.id ?? 0)).toEqual({ email: 'budi.baru@example.com', phone: '+6281311112222' });
  });

  it('imports a row with an empty or invalid NIK as a member flagged for correction', () => {
    for (const kpj of ['30000000003', '30000000004', '30000000013'])
      expect(memberOfKpj(kpj)).toMatchObject({ nik: null, status_reason: NIK_NEEDS_CORRECTION });
    expect(report.get(lineOf(2))).toMatchObject({
      outcome: 'imported_with_note',
      reason: `${NIK_NEEDS_CORRECTION}: empty`,
    });
    expect(report.get(lineOf(3))?.reason).toBe(`${NIK_NEEDS_CORRECTION}: not 16 digits`);
    // A NIK whose +40 says a man when the row says a woman is not trusted either.
    expect(memberOfKpj('30000000012')).toMatchObject({ nik: null });
    expect(report.get(lineOf(11))?.reason).toContain('it does not agree with the sex');
  });

  it('drops an invalid phone or email, or an email of another member, with a note and keeps the member', () => {
    const gita = memberOfKpj('30000000008');
    expect(gita).toMatchObject({ nik: '3174051508950004' });
    expect(contactsOf(gita?.id ?? 0)).toBeUndefined();
    expect(report.get(lineOf(7))).toEqual({
      line: lineOf(7),
      outcome: 'imported_with_note',
      reason: 'phone dropped (not an Indonesian mobile number); email dropped (not a valid address)',
    });
    expect(report.get(lineOf(11))?.reason).toContain('email dropped (registered to another member)');
  });

  it('does not import the same file twice', async () => {
    const again = await start('members', text);
    expect(again).toMatchObject({ jobId: outcome.jobId, state: 'completed', alreadyImported: true });
  });

  it('refuses a file without the expected header', async () => {
    const bad = 'nik,name\n1,2\n';
    const started = await start('members', bad);
    const reply = await upload(started.jobId, bad, Buffer.byteLength(bad));
    expect(reply.status).toBe(400);
    expect(JSON.stringify(reply.json)).toContain('IMPORT_FILE_INVALID');
    expect(findJob(server.db, started.jobId)?.state).toBe('failed');
  });
});

describe('resuming a members import', () => {
  const rows = Array.from(
    { length: 50 },
    (_, i) => `${i},${3174050101900000 + i + 1},${40000000000 + i},ANGGOTA ${i},1990-01-01,L,,,`,
  );
  const text = csv(MEMBERS_HEADER, rows);
  const kpjCounts = () =>
    sql<{ n: number; kpjs: number }>(
      "SELECT count(*) AS n, count(DISTINCT kpj) AS kpjs FROM member_kpj WHERE kpj LIKE '400000000%'",
    )[0];

  it('continues after the last committed line with every row exactly once', async () => {
    const membersBefore = sql<{ n: number }>('SELECT count(*) AS n FROM members')[0]?.n ?? 0;
    const started = await start('members', text);
    // The sender goes away in the middle of row 21 (line 22).
    const cut = text.indexOf(rows[20] as string) + 12;
    const first = await upload(started.jobId, interruptedAfter(text.slice(0, cut)), Buffer.byteLength(text));
    expect(first.json).toMatchObject({ state: 'failed', rowsRead: 20, lastCommittedLine: lineOf(19) });
    expect(first.json.error).toContain('send the same file again to resume');
    expect(kpjCounts()).toEqual({ n: 20, kpjs: 20 });

    const resumed = await start('members', text);
    expect(resumed).toEqual({
      jobId: started.jobId,
      state: 'running',
      alreadyImported: false,
      resumeAfterLine: lineOf(19),
    });
    const second = await upload(resumed.jobId, text, Buffer.byteLength(text));
    expect(second.json).toMatchObject({ state: 'completed', rowsRead: 50, rowsAccepted: 50, rowsRejected: 0 });
    expect(kpjCounts()).toEqual({ n: 50, kpjs: 50 });
    expect((sql<{ n: number }>('SELECT count(*) AS n FROM members')[0]?.n ?? 0) - membersBefore).toBe(50);
  });

  it('treats a body shorter than its declared length as interrupted, without its last partial row', async () => {
    const other = csv(MEMBERS_HEADER, [
      '1,,41000000001,SATU,1990-01-01,L,,,',
      '2,,41000000002,DU', // cut: no line break, so never a row
    ]);
    const started = await start('members', other);
    const reply = await upload(started.jobId, other.slice(0, -1), Buffer.byteLength(other));
    // The server sees the stream end early (Content-Length not reached).
    expect(reply.json).toMatchObject({ state: 'failed', rowsRead: 1 });
    expect(memberOfKpj('41000000002')).toBeUndefined();
  });
});

describe('contributions import', () => {
  const siti = '19011111111';
  const dewi = '19044444444';
  const contributionCount = () => sql<{ n: number }>('SELECT count(*) AS n FROM contributions')[0]?.n ?? 0;

  it('loads nothing when one row is bad, and lists every bad row', async () => {
    const before = contributionCount();
    const rows = [
      `${dewi},10000004,2026-07,5100000,102000,188700,12240,15300,51000,102000,18360,2026-11-20`,
      `99999999999,10000004,2026-07,5100000,102000,188700,12240,15300,51000,102000,18360,2026-11-20`,
      `${siti},10000001,2026-13,1,1,1,1,1,1,1,1,`,
      `${siti},10000001,2026-01,-5,1,1,1,1,1,1,1,`,
      `${siti},10000001,2026-02,1.5,1,1,1,1,1,1,1,2026-02-30`,
      `${dewi},10000004,2026-07,5100000,102000,188700,12240,15300,51000,102000,18360,`,
    ];
    const text = csv(CONTRIBUTIONS_HEADER, rows);
    const outcome = await importFile('contributions', text);
    expect(outcome).toMatchObject({ state: 'rejected', rowsRead: 6, rowsAccepted: 0, rowsRejected: 5 });
    expect(contributionCount()).toBe(before);
    const report = await reportOf(outcome.jobId);
    expect([...report.keys()]).toEqual([lineOf(1), lineOf(2), lineOf(3), lineOf(4), lineOf(5)]);
    expect(report.get(lineOf(1))?.reason).toBe('unknown KPJ');
    expect(report.get(lineOf(2))?.reason).toBe('period is not YYYY-MM');
    expect(report.get(lineOf(3))?.reason).toBe('wage is negative');
    expect(report.get(lineOf(4))?.reason).toBe(
      'wage is not a whole number of rupiah; paid_at is not a real YYYY-MM-DD date',
    );
    expect(report.get(lineOf(5))?.reason).toBe(`duplicate of line ${lineOf(0)} (same kpj, period and npp)`);
    const paid = sql<{ paid_at: string | null }>(
      "SELECT paid_at FROM contributions WHERE kpj = ? AND period = '2026-07'",
      dewi,
    )[0];
    expect(paid?.paid_at).toBeNull();
  });

  it('loads a good file in one go: a late payment sets paid_at, a new NPP becomes an employer', async () => {
    const rows = [
      `${dewi},10000004,2026-07,5100000,102000,188700,12240,15300,51000,102000,18360,2026-11-20`,
      `${dewi},10000004,2026-08,5100000,102000,188700,12240,15300,51000,102000,18360,`,
      `${siti},20000001,2026-09,4000000,80000,148000,9600,12000,40000,80000,14400,2026-10-10`,
    ];
    const text = csv(CONTRIBUTIONS_HEADER, rows);
    const job = startedContributionsJob(text);
    server.database.sqlite.exec('DELETE FROM jht_notices_pending');
    const result = await importContributions(server.database, server.clock, job, 1, uploadOf(text));
    expect(result.outcome).toMatchObject({ state: 'completed', rowsRead: 3, rowsAccepted: 3, employersCreated: 1 });
    expect(result.newlyPaidCount).toBe(2);
    // The two cards whose months became paid wait for their notices (in the database, not in memory).
    expect(sql<{ kpj: string }>('SELECT kpj FROM jht_notices_pending ORDER BY kpj').map((r) => r.kpj)).toEqual(
      [dewi, siti].sort(),
    );
    expect(
      sql<{ paid_at: string | null }>(
        "SELECT paid_at FROM contributions WHERE kpj = ? AND period = '2026-07'",
        dewi,
      )[0],
    ).toEqual({ paid_at: '2026-11-20' });
    expect(sql<{ name: string }>("SELECT name FROM employers WHERE npp = '20000001'")[0]?.name).toContain('20000001');
  });
});

describe('contributions load in chunks', () => {
  const paidRow = (kpj: string, period: string) =>
    `${kpj},10000001,${period},4000000,80000,148000,9600,12000,40000,80000,14400,2026-11-10`;
  const fourCards = () => sql<{ kpj: string }>('SELECT kpj FROM member_kpj ORDER BY kpj LIMIT 4').map((r) => r.kpj);
  const fileFor = (cards: readonly string[], periods: readonly string[]) =>
    csv(
      CONTRIBUTIONS_HEADER,
      cards.flatMap((kpj) => periods.map((period) => paidRow(kpj, period))),
    );

  it('loads whole cards a chunk at a time, counting the rows loaded, and lets other work run between chunks', async () => {
    const cards = fourCards();
    const text = fileFor(cards, ['2002-01', '2002-02']);
    const job = startedContributionsJob(text);
    const accepted = () => (findJob(server.db, job.id)?.rowsAccepted ?? -1) as number;
    // Other work of the server: it runs whenever the event loop turns, and notes what it sees.
    const seen: number[] = [];
    let done = false;
    const watcher = (async () => {
      while (!done) {
        seen.push(accepted());
        await new Promise((resolve) => setImmediate(resolve));
      }
    })();
    const result = await importContributions(server.database, server.clock, job, 1, uploadOf(text), { loadRows: 2 });
    done = true;
    await watcher;
    expect(result.outcome).toMatchObject({ state: 'completed', rowsRead: 8, rowsAccepted: 8 });
    // Each chunk was one card's two months, and the watcher ran after each of them.
    expect([...new Set(seen)].filter((n) => n > 0)).toEqual([2, 4, 6, 8]);
    expect(
      sql<{ n: number }>("SELECT count(*) AS n FROM contributions WHERE period IN ('2002-01', '2002-02')")[0]?.n,
    ).toBe(8);
  });

  it('a load that stops half-way says how far it got, and the same file sent again loads every month once', async () => {
    const cards = fourCards();
    const text = fileFor(cards, ['2003-01', '2003-02']);
    server.database.sqlite.exec('DELETE FROM jht_notices_pending');
    // The third card's months cannot be written (as a full disk would refuse them).
    server.database.sqlite.exec(
      `CREATE TEMP TRIGGER refuse_third_card BEFORE INSERT ON contributions WHEN NEW.kpj = '${cards[2]}'
       BEGIN SELECT RAISE(ABORT, 'disk I/O error'); END`,
    );
    try {
      await expect(
        importContributions(server.database, server.clock, startedContributionsJob(text), 1, uploadOf(text), {
          loadRows: 2,
        }),
      ).rejects.toThrow(/disk I\/O error/);
    } finally {
      server.database.sqlite.exec('DROP TRIGGER refuse_third_card');
    }
    const monthsLoaded = () =>
      sql<{ n: number }>("SELECT count(*) AS n FROM contributions WHERE period IN ('2003-01', '2003-02')")[0]?.n;
    expect(monthsLoaded()).toBe(4);
    const stopped = sql<{ state: string; error: string; rows_accepted: number }>(
      "SELECT state, error, rows_accepted FROM import_jobs WHERE file_sha256 = ? AND kind = 'contributions'",
      sha256(text),
    )[0];
    expect(stopped).toMatchObject({ state: 'failed', rows_accepted: 4 });
    expect(stopped?.error).toMatch(/stopped after 4 rows .*send the same file again/);

    // The first two cards' months became paid in the chunks that committed: they wait for notices.
    const pending = () => sql<{ kpj: string }>('SELECT kpj FROM jht_notices_pending ORDER BY kpj').map((r) => r.kpj);
    expect(pending()).toEqual(cards.slice(0, 2).sort());

    const again = await importContributions(
      server.database,
      server.clock,
      startedContributionsJob(text),
      1,
      uploadOf(text),
      {
        loadRows: 2,
      },
    );
    expect(again.outcome).toMatchObject({ state: 'completed', rowsRead: 8, rowsAccepted: 8, rowsRejected: 0 });
    expect(monthsLoaded()).toBe(8);
    // Only the months the first attempt did not load became paid now: nobody is credited twice.
    expect(again.newlyPaidCount).toBe(4);
    expect(pending()).toEqual([...cards].sort());
  });
});

describe('notices after a contributions import', () => {
  it('tells the member of a month the file shows as paid, and a non-aktif member that they are aktif again', async () => {
    // Dewi's employer stopped paying after June: non-aktif, and told so; with nothing ahead that
    // could change it, her status is not due to be looked at for a year. October paid makes her
    // aktif on the day.
    await runJhtNoticeJobs(server.db, server.clock.now());
    expect(sql("SELECT due_on FROM membership_checks WHERE due_on <= '2026-11-24'")).toEqual([]);
    const dewi = '19044444444';
    const paidOn = server.clock.now().toISOString().slice(0, 10);
    const text = csv(CONTRIBUTIONS_HEADER, [
      `${dewi},10000004,2026-10,5100000,102000,188700,12240,15300,51000,102000,18360,${paidOn}`,
    ]);
    expect((await importFile('contributions', text)).state).toBe('completed');
    await vi.waitFor(() => {
      const subjects = sql<{ subject: string }>(
        "SELECT subject FROM outbox WHERE recipient = 'dewi.lestari@example.com' AND template = 'contribution_credited'",
      ).map((row) => row.subject);
      expect(subjects).toContain('Iuran JHT bulan 2026-10 telah masuk');
    });
    await vi.waitFor(() =>
      expect(
        sql<{ subject: string }>(
          "SELECT subject FROM outbox WHERE recipient = 'dewi.lestari@example.com' AND template = 'membership_status_changed'",
        ).map((row) => row.subject),
      ).toEqual(['Status kepesertaan Anda kini AKTIF']),
    );
    await vi.waitFor(() => expect(sql('SELECT kpj FROM jht_notices_pending')).toEqual([]));
  });

  it('tells an aktif payer of the month without recomputing their status (a payment never makes it due sooner)', async () => {
    await runJhtNoticeJobs(server.db, server.clock.now());
    const siti = '20022222222';
    const dueOn = () =>
      sql<{ due_on: string }>(
        `SELECT c.due_on FROM membership_checks c JOIN member_kpj k ON k.member_id = c.member_id WHERE k.kpj = '${siti}'`,
      )[0]?.due_on;
    const before = dueOn();
    expect(before).toBe('2027-02-01');
    const paidOn = server.clock.now().toISOString().slice(0, 10);
    const text = csv(CONTRIBUTIONS_HEADER, [
      `${siti},10000002,2026-11,6200000,124000,229400,14880,18600,62000,124000,22320,${paidOn}`,
    ]);
    expect((await importFile('contributions', text)).state).toBe('completed');
    await vi.waitFor(() =>
      expect(
        sql<{ subject: string }>(
          "SELECT subject FROM outbox WHERE recipient = 'siti.rahayu@example.com' AND template = 'contribution_credited'",
        ).map((row) => row.subject),
      ).toContain('Iuran JHT bulan 2026-11 telah masuk'),
    );
    await vi.waitFor(() => expect(sql('SELECT kpj FROM jht_notices_pending')).toEqual([]));
    expect(dueOn()).toBe(before);
  });

  it('sends the notices an import queued on the next run when its server stopped before sending them', async () => {
    const dewi = '19044444444';
    const paidOn = server.clock.now().toISOString().slice(0, 10);
    // As a server killed right after committing an import leaves it: the month paid, its notice queued.
    server.database.sqlite
      .prepare(
        `INSERT INTO contributions (kpj, period, npp, wage, jht_employee, jht_employer, jkk, jkm, jp_employee, jp_employer, jkp, paid_at)
         VALUES (?, '2026-11', '10000004', 5100000, 102000, 188700, 12240, 15300, 51000, 102000, 18360, ?)`,
      )
      .run(dewi, paidOn);
    server.database.sqlite
      .prepare("INSERT INTO jht_notices_pending (kpj, queued_at) VALUES (?, '2026-11-24T08:00:00.000Z')")
      .run(dewi);
    const credited = () =>
      sql<{ subject: string }>(
        "SELECT subject FROM outbox WHERE recipient = 'dewi.lestari@example.com' AND template = 'contribution_credited'",
      ).map((row) => row.subject);
    expect(credited()).not.toContain('Iuran JHT bulan 2026-11 telah masuk');
    expect(await sendPendingJhtNotices(server.db, server.clock.now())).toBeGreaterThan(0);
    expect(credited()).toContain('Iuran JHT bulan 2026-11 telah masuk');
    expect(sql('SELECT kpj FROM jht_notices_pending')).toEqual([]);
    // Sent once: running again finds nothing to send.
    expect(await sendPendingJhtNotices(server.db, server.clock.now())).toBe(0);
  });
});

describe('who may import', () => {
  it('refuses a branch officer both the start and the upload', async () => {
    const text = csv(MEMBERS_HEADER, ['1,,42000000001,SATU,1990-01-01,L,,,']);
    const refused = await server.call(
      'imports.start',
      { kind: 'members', fileName: 'x.csv', fileSha256: sha256(text) },
      { bearer: branchOfficer },
    );
    expect(refused.status).toBe(403);
    const started = await start('members', text);
    const reply = await upload(started.jobId, text, Buffer.byteLength(text), branchOfficer);
    expect(reply.status).toBe(403);
    expect(JSON.stringify(reply.json)).toContain('FORBIDDEN');
    const anonymous = await server.app.request(`http://localhost/api/imports/${started.jobId}`, {
      method: 'POST',
      body: text,
    });
    expect(anonymous.status).toBe(401);
    expect(memberOfKpj('42000000001')).toBeUndefined();
  });
});
