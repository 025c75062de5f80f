import { setTimeout as sleep } from 'node:timers/promises';
import { threadId, Worker } from 'node:worker_threads';
import { findDuplicates } from '@pulih/domain';
import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import type { Db } from '../db/database.js';
import { duplicateCandidates, members } from '../db/schema.js';
import { findScan, insertScan, readRegistryPage } from '../repositories/duplicate-repository.js';
import { motherNameDigest } from '../security/identity-digest.js';
import { loginStaffWithTotp } from '../test-support/staff-login.js';
import { createTestServer, dataOf, type TestServer } from '../test-support/test-server.js';
import { runRegistryScan } from './registry-scan.js';

const GIVEN = [
  'AGUS',
  'BAMBANG',
  'CAHYONO',
  'DARMAWAN',
  'EDI',
  'FAJAR',
  'GUNAWAN',
  'HARTONO',
  'IRWAN',
  'JOKO',
  'KURNIAWAN',
  'LUKMAN',
  'MULYADI',
  'NURDIN',
  'OKTAVIANUS',
  'PURNOMO',
  'RAHMAT',
  'SLAMET',
  'TEGUH',
  'UMAR',
  'VINCENT',
  'WAHYUDI',
  'YANTO',
  'ZAINAL',
  'ARIF',
];
const MOTHERS = [
  'SUMARNI',
  'AMINAH',
  'PAINEM',
  'RATNA',
  'DEWI',
  'SUKINAH',
  'MARYAM',
  'FATIMAH',
  'KARTINI',
  'LESTARI',
  'NURHAYATI',
  'PONIRAH',
  'RUKMINI',
  'SITI',
  'TUMINAH',
  'WAGIYEM',
  'YULIANA',
  'ZUBAIDAH',
  'HALIMAH',
  'JUBAEDAH',
  'KOMARIAH',
  'MASITAH',
  'NGATINI',
  'SRI',
  'UMI',
];
const FAMILIES = ['HADIKUSUMO', 'SANTOSO', 'PRATAMA', 'WIBOWO', 'SETIAWAN', 'NUGROHO', 'SAPUTRA', 'HIDAYAT'];
/** Four digits that look random, so that two NIKs rarely differ by a single digit. */
const digits = (n: number) => String((Math.imul(n + 1, 2654435761) >>> 0) % 10_000).padStart(4, '0');

/**
 * Adds `count` persons to the registry, each registered twice (with a NIK, and again without
 * one), in groups of 25 persons who share a family name and a birth date: every group is one
 * block of 50 records to compare pair by pair, of which 25 pairs are the same person.
 */
function addRegisteredTwice(db: Db, identityKey: Buffer, count: number): void {
  const rows: (typeof members.$inferInsert)[] = [];
  for (let i = 0; i < count; i++) {
    const group = Math.floor(i / 25);
    const day = String(1 + (group % 28)).padStart(2, '0');
    const month = String(1 + (Math.floor(group / 28) % 12)).padStart(2, '0');
    const year = String(1960 + Math.floor(group / 336));
    const person = {
      fullName: `${GIVEN[i % 25]} ${FAMILIES[group % FAMILIES.length]}`,
      birthDate: `${year}-${month}-${day}`,
      sex: 'L' as const,
      motherNameDigest: motherNameDigest(identityKey, MOTHERS[(i + group) % 25] as string),
      createdAt: '2026-01-01',
    };
    rows.push({ ...person, nik: `${digits(i)}01${day}${month}${year.slice(2)}${digits(i + count)}` });
    rows.push({ ...person, nik: null });
  }
  db.transaction((tx) => {
    for (let start = 0; start < rows.length; start += 500)
      tx.insert(members)
        .values(rows.slice(start, start + 500))
        .run();
  });
}

const pairKeys = (pairs: readonly { left: number | string; right: number | string; decision: string }[]) =>
  pairs
    .map((p) => {
      const [a, b] = [Number(p.left), Number(p.right)].sort((x, y) => x - y);
      return `${a}-${b}-${p.decision}`;
    })
    .sort();

function startedScan(server: TestServer, scanId: string): void {
  insertScan(server.db, scanId, 1, 0, server.clock.now());
}

interface ScanStatus {
  state: string;
  phase: string;
  processed: number;
  total: number;
  candidatesFound: number;
  error: string | null;
}

describe('registry scan', () => {
  it('compares on a worker thread and finds the same pairs as the domain engine on this thread', async () => {
    const server = await createTestServer();
    startedScan(server, 'on-a-worker');
    const result = await runRegistryScan(server.db, server.clock, 'on-a-worker', 1, { workerFrom: 0 });
    expect(result.state).toBe('done');
    expect(result.comparedOnThread).not.toBeNull();
    expect(result.comparedOnThread).not.toBe(threadId);
    const expected = findDuplicates(readRegistryPage(server.db, 0, 1_000_000));
    expect(expected.length).toBeGreaterThan(0);
    const stored = server.db
      .select()
      .from(duplicateCandidates)
      .where(eq(duplicateCandidates.scanId, 'on-a-worker'))
      .all()
      .map((r) => ({ left: r.leftMemberId, right: r.rightMemberId, decision: r.decision }));
    expect(pairKeys(stored)).toEqual(pairKeys(expected));
    expect(findScan(server.db, 'on-a-worker')).toMatchObject({ state: 'done', phase: 'done', error: null });
  });

  it('keeps answering requests while a large registry is compared, and reports how far the comparison is', async () => {
    const server = await createTestServer();
    addRegisteredTwice(server.db, server.config.identityKey, 2_000);
    const token = await loginStaffWithTotp(server, 'demo.supervisor');
    const { scanId } = dataOf<{ scanId: string }>(await server.call('duplicates.startScan', {}, { bearer: token }));
    // Answered while the comparison is neither at its start nor at its end: impossible if the
    // comparison held this thread (nothing would be answered until it returned).
    let answeredMidComparison = false;
    let status: ScanStatus;
    for (;;) {
      await sleep(10);
      const health = await server.app.request('/healthz');
      status = dataOf<ScanStatus>(
        await server.call('duplicates.scanStatus', { scanId }, { method: 'GET', bearer: token }),
      );
      if (status.state !== 'running') break;
      if (
        health.status === 200 &&
        status.phase === 'compare' &&
        status.processed > 0 &&
        status.processed < status.total
      )
        answeredMidComparison = true;
    }
    expect(status).toMatchObject({ state: 'done', phase: 'done', error: null });
    expect(status.candidatesFound).toBe(2_000);
    expect(answeredMidComparison).toBe(true);
  }, 30_000);

  it('marks the scan failed, with the reason, when the comparison thread throws', async () => {
    const server = await createTestServer();
    startedScan(server, 'thread-throws');
    const result = await runRegistryScan(server.db, server.clock, 'thread-throws', 1, {
      workerFrom: 0,
      startWorker: () => new Worker('throw new Error("out of cheese")', { eval: true }),
    });
    expect(result.state).toBe('failed');
    const row = findScan(server.db, 'thread-throws');
    expect(row).toMatchObject({ state: 'failed', error: 'the comparison thread failed: out of cheese' });
    expect(row?.finishedAt).not.toBeNull();
  });

  it('marks the scan failed when the comparison thread ends without an answer, and a new scan can start', async () => {
    const server = await createTestServer();
    startedScan(server, 'thread-exits');
    await runRegistryScan(server.db, server.clock, 'thread-exits', 1, {
      workerFrom: 0,
      startWorker: () =>
        new Worker(
          `require('node:worker_threads').parentPort.on('message', (m) => { if (m.type === 'compare') process.exit(3); });`,
          { eval: true },
        ),
    });
    expect(findScan(server.db, 'thread-exits')).toMatchObject({
      state: 'failed',
      phase: 'compare',
      error: 'the comparison thread stopped before it finished (exit code 3)',
    });
    const token = await loginStaffWithTotp(server, 'demo.supervisor');
    const reply = await server.call('duplicates.startScan', {}, { bearer: token });
    expect(reply.status).toBe(200);
  });
});
