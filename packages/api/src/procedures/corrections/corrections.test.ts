import { readFileSync } from 'node:fs';
import { and, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import {
  auditLog,
  correctionRequests,
  duplicateCandidates,
  jhtClaimDocuments,
  members,
  outbox,
} from '../../db/schema.js';
import { DEMO_MEMBER_PASSWORD } from '../../demo/demo-accounts.js';
import { motherNameDigest } from '../../security/identity-digest.js';
import { openSecret } from '../../security/secret-box.js';
import { loginStaffWithTotp } from '../../test-support/staff-login.js';
import { createTestServer, dataOf, type TestServer } from '../../test-support/test-server.js';

const SITI = 'siti.rahayu@example.com';
const BUDI = 'budi.santoso@example.com';
const SITI_NIK = '3273015708900001';
const BUDI_NIK = '3174051203850002';
const KTP = Buffer.from('%PDF-1.4\n% KTP scan\n1 0 obj << /Type /Catalog >> endobj\n%%EOF\n');
const HOURS = 3_600_000;

interface Summary {
  id: string;
  memberId: number;
  field: string;
  state: string;
  dueAt: string;
  minutesLeft: number;
  overdue: boolean;
  decisionReason: string | null;
  kpjMasked: string[];
}

async function requestCorrection(
  server: TestServer,
  cookie: string,
  field: string,
  value: string,
  evidence: Buffer = KTP,
) {
  return server.call(
    'corrections.request',
    { field, value, evidenceKind: 'ktp', evidenceBase64: evidence.toString('base64') },
    { cookie },
  );
}

const memberRow = (server: TestServer, nik: string) =>
  server.db.select().from(members).where(eq(members.nik, nik)).get();

describe('corrections: the member asks, staff decide within 3×24 hours', () => {
  it('takes a request from request to approval: the record changes, it is audited, the member is told and re-checked for duplicates', async () => {
    const server = await createTestServer();
    const cookie = await server.loginMember(SITI, DEMO_MEMBER_PASSWORD);
    const requested = dataOf<{ id: string; state: string; dueAt: string }>(
      await requestCorrection(server, cookie, 'birth_date', '1990-08-18'),
    );
    expect(requested.id).toMatch(/^KOR-[0-9A-Z]{4}-[0-9A-Z]{4}$/);
    expect(Date.parse(requested.dueAt) - server.clock.now().getTime()).toBe(72 * HOURS);
    const received = server.db.select().from(outbox).where(eq(outbox.template, 'correction_received')).all();
    expect(received.map((m) => m.recipient).sort()).toEqual(['+6281234567890', SITI]);

    const branch = await loginStaffWithTotp(server, 'demo.branch');
    const queue = dataOf<{ corrections: Summary[] }>(
      await server.call('corrections.list', { state: 'pending' }, { method: 'GET', bearer: branch }),
    );
    expect(queue.corrections.map((c) => c.id)).toEqual([requested.id]);
    expect(queue.corrections[0]).toMatchObject({ field: 'birth_date', overdue: false });
    expect(queue.corrections[0]?.kpjMasked).toEqual(expect.arrayContaining(['*******1111']));

    const shown = dataOf<{ currentValue: string; requestedValue: string }>(
      await server.call('corrections.show', { id: requested.id }, { method: 'GET', bearer: branch }),
    );
    expect(shown).toMatchObject({ currentValue: '1990-08-17', requestedValue: '1990-08-18' });

    const approved = dataOf<Summary & { duplicateCandidates: number }>(
      await server.call('corrections.approve', { id: requested.id, reason: 'sesuai KTP' }, { bearer: branch }),
    );
    expect(approved).toMatchObject({ state: 'approved', decisionReason: 'sesuai KTP' });
    expect(memberRow(server, SITI_NIK)?.birthDate).toBe('1990-08-18');
    const row = server.db.select().from(correctionRequests).where(eq(correctionRequests.id, requested.id)).get();
    expect(row?.duplicateScanId).not.toBeNull();
    const actions = server.db
      .select({ action: auditLog.action })
      .from(auditLog)
      .where(eq(auditLog.memberId, row?.memberId ?? 0))
      .all()
      .map((entry) => entry.action);
    expect(actions).toEqual(
      expect.arrayContaining(['corrections.requested', 'corrections.viewed', 'corrections.approved']),
    );
    const told = server.db.select().from(outbox).where(eq(outbox.template, 'correction_approved')).all();
    expect(told).toHaveLength(2);
    // Deciding twice: the second officer sees the conflict.
    const twice = await server.call(
      'corrections.approve',
      { id: requested.id, reason: 'sesuai KTP' },
      { bearer: branch },
    );
    expect(twice.json.error?.data.appCode).toBe('CORRECTION_DECIDED');
  });

  it('keeps the stated value and the evidence encrypted: neither is readable on disk or in the table', async () => {
    const server = await createTestServer();
    const cookie = await server.loginMember(SITI, DEMO_MEMBER_PASSWORD);
    const { id } = dataOf<{ id: string }>(await requestCorrection(server, cookie, 'full_name', 'Siti Rahayu Ningsih'));
    const row = server.db.select().from(correctionRequests).where(eq(correctionRequests.id, id)).get();
    expect(row?.requestedValueEncrypted).not.toContain('NINGSIH');
    const document = server.db
      .select()
      .from(jhtClaimDocuments)
      .where(eq(jhtClaimDocuments.id, row?.evidenceDocumentId ?? ''))
      .get();
    const onDisk = readFileSync(`${server.config.documents.dir}/${document?.storageKey}`);
    expect(onDisk.includes(Buffer.from('KTP scan'))).toBe(false);
    const supervisor = await loginStaffWithTotp(server, 'demo.supervisor');
    const evidence = dataOf<{ contentBase64: string; contentType: string }>(
      await server.call('corrections.evidence', { id }, { method: 'GET', bearer: supervisor }),
    );
    expect(Buffer.from(evidence.contentBase64, 'base64').equals(KTP)).toBe(true);
    expect(evidence.contentType).toBe('application/pdf');
    const reads = server.db.select().from(auditLog).where(eq(auditLog.action, 'corrections.evidence_read')).all();
    expect(reads).toHaveLength(1);
  });

  it('refuses evidence that is not a PDF, JPEG or PNG, an impossible value, a second open request for the same item, and an old password', async () => {
    const server = await createTestServer();
    const cookie = await server.loginMember(SITI, DEMO_MEMBER_PASSWORD);
    const html = await requestCorrection(
      server,
      cookie,
      'full_name',
      'Siti Rahayu Ningsih',
      Buffer.from('<html></html>'),
    );
    expect(html.json.error?.data.appCode).toBe('DOCUMENT_REJECTED');
    const future = await requestCorrection(server, cookie, 'birth_date', '2090-01-01');
    expect(future.json.error?.data).toMatchObject({ appCode: 'INVALID_INPUT', reasons: ['DATE_FUTURE'] });
    const badNik = await requestCorrection(server, cookie, 'nik', '1234');
    expect(badNik.json.error?.data.appCode).toBe('INVALID_INPUT');
    const same = await requestCorrection(server, cookie, 'full_name', 'siti  rahayu');
    expect(same.json.error?.data).toMatchObject({ appCode: 'INVALID_INPUT', reasons: ['UNCHANGED'] });
    dataOf(await requestCorrection(server, cookie, 'full_name', 'Siti Rahayu Ningsih'));
    const again = await requestCorrection(server, cookie, 'full_name', 'Siti Rahayoe');
    expect(again.json.error?.data.appCode).toBe('CORRECTION_PENDING');
    // Refused requests leave no document behind.
    expect(server.db.select().from(jhtClaimDocuments).all()).toHaveLength(1);
    server.clock.advance(11 * 60_000);
    const stale = await requestCorrection(server, cookie, 'birth_date', '1990-08-18');
    expect(stale.json.error?.data.appCode).toBe('REAUTH_REQUIRED');
  });

  it('lists the oldest deadline first with the time left and marks the overdue ones', async () => {
    const server = await createTestServer();
    const siti = await server.loginMember(SITI, DEMO_MEMBER_PASSWORD);
    const first = dataOf<{ id: string }>(await requestCorrection(server, siti, 'full_name', 'Siti Rahayu Ningsih'));
    server.clock.advance(48 * HOURS);
    const budi = await server.loginMember(BUDI, DEMO_MEMBER_PASSWORD);
    const second = dataOf<{ id: string }>(await requestCorrection(server, budi, 'birth_date', '1985-03-21'));
    server.clock.advance(25 * HOURS);
    const agent = await loginStaffWithTotp(server, 'demo.branch');
    const { corrections } = dataOf<{ corrections: Summary[] }>(
      await server.call('corrections.list', { state: 'pending' }, { method: 'GET', bearer: agent }),
    );
    expect(corrections.map((c) => c.id)).toEqual([first.id, second.id]);
    expect(corrections[0]).toMatchObject({ overdue: true });
    expect(corrections[0]?.minutesLeft).toBeLessThan(0);
    expect(corrections[1]).toMatchObject({ overdue: false });
    expect(corrections[1]?.minutesLeft).toBeGreaterThan(46 * 60);
  });

  it('rejects with a reason the member is told, and never sends a full NIK in that reason', async () => {
    const server = await createTestServer();
    const cookie = await server.loginMember(SITI, DEMO_MEMBER_PASSWORD);
    const { id } = dataOf<{ id: string }>(await requestCorrection(server, cookie, 'mother_name', 'Sumarni Wati'));
    const branch = await loginStaffWithTotp(server, 'demo.branch');
    const withNik = await server.call(
      'corrections.reject',
      { id, reason: `KTP menunjukkan ${SITI_NIK}` },
      { bearer: branch },
    );
    expect(withNik.json.error?.data.appCode).toBe('INVALID_INPUT');
    const rejected = dataOf<Summary>(
      await server.call('corrections.reject', { id, reason: 'Pindaian KK tidak terbaca' }, { bearer: branch }),
    );
    expect(rejected.state).toBe('rejected');
    expect(memberRow(server, SITI_NIK)?.motherNameDigest).toBe(motherNameDigest(server.config.identityKey, 'SUMARNI'));
    const told = server.db
      .select()
      .from(outbox)
      .where(and(eq(outbox.template, 'correction_rejected'), eq(outbox.channel, 'email')))
      .get();
    expect(told?.body).toContain('Pindaian KK tidak terbaca');
    // The member sees the outcome; the mother's name they stated is not shown back.
    const mine = dataOf<{ corrections: { state: string; requestedValue: string | null }[] }>(
      await server.call('corrections.mine', undefined, { method: 'GET', cookie }),
    );
    expect(mine.corrections).toEqual([expect.objectContaining({ state: 'rejected', requestedValue: null })]);
  });

  it("never shows a mother's name, not even to the officer: approval needs the name typed from the evidence to match", async () => {
    const server = await createTestServer();
    const cookie = await server.loginMember(SITI, DEMO_MEMBER_PASSWORD);
    const { id } = dataOf<{ id: string }>(await requestCorrection(server, cookie, 'mother_name', 'Sumarni Wati'));
    // Kept as the digest of the stated name even inside the request: nothing opens it back to letters.
    const stored = server.db.select().from(correctionRequests).where(eq(correctionRequests.id, id)).get();
    const sealed = openSecret(server.config.documents.key, stored?.requestedValueEncrypted ?? '');
    expect(sealed).toBe(motherNameDigest(server.config.identityKey, 'SUMARNI WATI'));
    const officer = await loginStaffWithTotp(server, 'demo.branch');
    const shown = await server.call('corrections.show', { id }, { method: 'GET', bearer: officer });
    expect(shown.status).toBe(200);
    expect(shown.text).not.toMatch(/SUMARNI|Sumarni/);
    const approve = (motherNameOnEvidence?: string) =>
      server.call(
        'corrections.approve',
        { id, reason: 'KK diperiksa', ...(motherNameOnEvidence === undefined ? {} : { motherNameOnEvidence }) },
        { bearer: officer },
      );
    expect((await approve()).json.error?.data.reasons).toEqual(['MOTHER_NAME_FROM_EVIDENCE_NEEDED']);
    expect((await approve('SUMARNI WATIK')).json.error?.data.reasons).toEqual(['MOTHER_NAME_EVIDENCE_MISMATCH']);
    expect(memberRow(server, SITI_NIK)?.motherNameDigest).toBe(motherNameDigest(server.config.identityKey, 'SUMARNI'));
    // Written as on the KK, with its spacing and case: the same name.
    const approved = dataOf<Summary>(await approve('  sumarni   WATI '));
    expect(approved.state).toBe('approved');
    expect(memberRow(server, SITI_NIK)?.motherNameDigest).toBe(
      motherNameDigest(server.config.identityKey, 'SUMARNI WATI'),
    );
    // The call center's identity check now knows the corrected name, and only it.
    const agent = await loginStaffWithTotp(server, 'demo.agent');
    const check = async (motherName: string) =>
      dataOf<{ outcome: string }>(
        await server.call(
          'case.openCallCenter',
          { kpj: '19011111111', nik: SITI_NIK, fullName: 'Siti Rahayu', birthDate: '1990-08-17', motherName },
          { bearer: agent },
        ),
      ).outcome;
    expect(await check('Sumarni')).toBe('failed');
    expect(await check('Sumarni Wati')).toBe('passed');
  });

  it('shows staff the stated NIK in full but the current one masked, and lets only a supervisor decide it', async () => {
    const server = await createTestServer();
    const cookie = await server.loginMember(SITI, DEMO_MEMBER_PASSWORD);
    const corrected = '3273015708900009';
    const { id } = dataOf<{ id: string }>(await requestCorrection(server, cookie, 'nik', corrected));
    const branch = await loginStaffWithTotp(server, 'demo.branch');
    const shown = dataOf<{ currentValue: string; requestedValue: string; difference: string }>(
      await server.call('corrections.show', { id }, { method: 'GET', bearer: branch }),
    );
    expect(shown.requestedValue).toBe(corrected);
    expect(shown.currentValue).not.toContain(SITI_NIK);
    expect(shown.difference).toBe('digit 16');
    const byOfficer = await server.call('corrections.approve', { id, reason: 'sesuai KTP' }, { bearer: branch });
    expect(byOfficer.json.error?.data.appCode).toBe('FORBIDDEN');
    const supervisor = await loginStaffWithTotp(server, 'demo.supervisor');
    dataOf(await server.call('corrections.approve', { id, reason: 'sesuai KTP' }, { bearer: supervisor }));
    expect(memberRow(server, corrected)?.fullName).toBe('SITI RAHAYU');
    expect(memberRow(server, SITI_NIK)).toBeUndefined();
  });

  it('refuses a NIK that belongs to another member and puts the pair before the supervisors as a duplicate', async () => {
    const server = await createTestServer();
    const cookie = await server.loginMember(SITI, DEMO_MEMBER_PASSWORD);
    const { id } = dataOf<{ id: string }>(await requestCorrection(server, cookie, 'nik', BUDI_NIK));
    const supervisor = await loginStaffWithTotp(server, 'demo.supervisor');
    const refused = await server.call('corrections.approve', { id, reason: 'sesuai KTP' }, { bearer: supervisor });
    expect(refused.status).toBe(409);
    expect(refused.json.error?.data.appCode).toBe('NIK_BELONGS_TO_ANOTHER_MEMBER');
    expect(refused.json.error?.message).toMatch(/another member record.*duplicate/);
    // Nothing changed, the request still waits, and both records are one review item.
    const siti = memberRow(server, SITI_NIK);
    const budi = memberRow(server, BUDI_NIK);
    expect(siti?.nik).toBe(SITI_NIK);
    expect(server.db.select().from(correctionRequests).where(eq(correctionRequests.id, id)).get()?.state).toBe(
      'pending',
    );
    const [left, right] = [siti?.id ?? 0, budi?.id ?? 0].sort((a, b) => a - b);
    const item = server.db
      .select()
      .from(duplicateCandidates)
      .where(and(eq(duplicateCandidates.leftMemberId, left ?? 0), eq(duplicateCandidates.rightMemberId, right ?? 0)))
      .get();
    expect(item?.state).toBe('open');
  });

  it('keeps the correction queue to customer service, branch officers and supervisors', async () => {
    const server = await createTestServer();
    const agent = await loginStaffWithTotp(server, 'demo.agent');
    const reply = await server.call('corrections.list', { state: 'pending' }, { method: 'GET', bearer: agent });
    expect(reply.status).toBe(403);
  });
});
