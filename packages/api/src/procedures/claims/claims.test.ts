import { readdirSync, readFileSync } from 'node:fs';
import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { deleteExpiredDocuments } from '../../claims/claim-documents.js';
import { auditLog, jhtClaimDocuments, jhtClaims } from '../../db/schema.js';
import { DEMO_MEMBER_PASSWORD } from '../../demo/demo-accounts.js';
import { messagesTo } from '../../test-support/outbox.js';
import { loginStaffWithTotp } from '../../test-support/staff-login.js';
import { createTestServer, dataOf, type TestServer } from '../../test-support/test-server.js';

const AGUS = 'agus.setiawan@example.com';
const AGUS_PHONE = '+6281311112222';
const PDF = Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n');
const PNG = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(64, 7)]);
const BANK = { bankCode: '002', accountNumber: '0123-01-000456-50-7', holderName: 'Agus Setiawan' };

interface Assessment {
  eligible: boolean;
  blockers: string[];
  documents: string[];
  gross: number;
  tax: number;
  net: number;
  channel: 'online' | 'branch';
  kpj: string | null;
  balance: number;
}
interface Claim {
  id: string;
  state: string;
  gross: number;
  net: number;
  bankAccountLast4: string;
  events: { state: string; note: string | null }[];
  documents: { id: string; kind: string; contentType: string }[];
}

async function upload(server: TestServer, cookie: string, kind: string, content: Buffer = PDF) {
  return server.call('claims.uploadDocument', { kind, contentBase64: content.toString('base64') }, { cookie });
}

/** Uploads every document the assessment asks for; returns their ids. */
async function uploadAll(server: TestServer, cookie: string, kinds: string[]): Promise<string[]> {
  const ids: string[] = [];
  for (const kind of kinds) ids.push(dataOf<{ id: string }>(await upload(server, cookie, kind)).id);
  return ids;
}

async function agusReadyToClaim() {
  const server = await createTestServer();
  const cookie = await server.loginMember(AGUS, DEMO_MEMBER_PASSWORD);
  const assessment = dataOf<Assessment>(
    await server.call('claims.assess', { reason: 'resignation' }, { method: 'GET', cookie }),
  );
  return { server, cookie, assessment };
}

describe('JHT claims: the member online', () => {
  it('tells a member who resigned that the claim is eligible online, with documents, amount and tax', async () => {
    const { assessment } = await agusReadyToClaim();
    expect(assessment).toMatchObject({ eligible: true, blockers: [], channel: 'online', kpj: '19099999999' });
    expect(assessment.documents).toEqual(expect.arrayContaining(['ktp', 'kpj_card', 'paklaring']));
    expect(assessment.balance).toBeGreaterThan(5_000_000);
    expect(assessment.balance).toBeLessThanOrEqual(15_000_000);
    // Under Rp50 million the tax is 0%.
    expect(assessment).toMatchObject({ gross: assessment.balance, tax: 0, net: assessment.balance });
  });

  it('refuses documents by their content, not their name: HTML, empty and oversized files', async () => {
    const { server, cookie } = await agusReadyToClaim();
    const html = await upload(server, cookie, 'ktp', Buffer.from('<html><script>alert(1)</script></html>'));
    expect(html.json.error?.data.appCode).toBe('DOCUMENT_REJECTED');
    expect(html.json.error?.message).toMatch(/PDF, JPEG and PNG/);
    const big = await upload(server, cookie, 'ktp', Buffer.concat([PDF, Buffer.alloc(6 * 1024 * 1024)]));
    expect(big.json.error?.data.appCode).toBe('DOCUMENT_REJECTED');
    const notBase64 = await server.call('claims.uploadDocument', { kind: 'ktp', contentBase64: '<<>>' }, { cookie });
    expect(notBase64.json.error?.data.appCode).toBe('INVALID_INPUT');
    expect(server.db.select().from(jhtClaimDocuments).all()).toHaveLength(0);
    const png = dataOf<{ contentType: string }>(await upload(server, cookie, 'ktp', PNG));
    expect(png.contentType).toBe('image/png');
  });

  it('stores a document encrypted outside the database: the file on disk does not hold its bytes', async () => {
    const { server, cookie } = await agusReadyToClaim();
    const marker = Buffer.from('%PDF-1.4 NIK 3273011505920004 AGUS SETIAWAN');
    const { id } = dataOf<{ id: string }>(await upload(server, cookie, 'ktp', marker));
    const row = server.db.select().from(jhtClaimDocuments).where(eq(jhtClaimDocuments.id, id)).get();
    const dir = server.config.documents.dir;
    expect(readdirSync(dir)).toContain(row?.storageKey);
    const onDisk = readFileSync(`${dir}/${row?.storageKey}`);
    expect(onDisk.includes(Buffer.from('3273011505920004'))).toBe(false);
    expect(onDisk.includes(Buffer.from('%PDF'))).toBe(false);
  });

  it('refuses a claim with a document missing, or paid to someone else’s bank account', async () => {
    const { server, cookie, assessment } = await agusReadyToClaim();
    const ids = await uploadAll(server, cookie, assessment.documents.slice(1));
    const missing = await server.call(
      'claims.submit',
      { reason: 'resignation', bank: BANK, documentIds: ids },
      { cookie },
    );
    expect(missing.json.error?.data).toMatchObject({
      appCode: 'DOCUMENTS_MISSING',
      reasons: [assessment.documents[0]],
    });
    const all = [...ids, ...(await uploadAll(server, cookie, assessment.documents.slice(0, 1)))];
    const other = await server.call(
      'claims.submit',
      { reason: 'resignation', bank: { ...BANK, holderName: 'Budi Santoso' }, documentIds: all },
      { cookie },
    );
    expect(other.json.error?.data).toMatchObject({ appCode: 'INVALID_INPUT', reasons: ['NOT_OWN_NAME'] });
    expect(server.db.select().from(jhtClaims).all()).toHaveLength(0);
  });

  it('follows a claim from submitted to paid with staff actions; the member is told at each step and the balance goes down', async () => {
    const { server, cookie, assessment } = await agusReadyToClaim();
    const ids = await uploadAll(server, cookie, assessment.documents);
    const submitted = dataOf<Claim>(
      await server.call('claims.submit', { reason: 'resignation', bank: BANK, documentIds: ids }, { cookie }),
    );
    expect(submitted).toMatchObject({ state: 'submitted', gross: assessment.gross, bankAccountLast4: '6507' });
    expect(submitted.documents).toHaveLength(assessment.documents.length);

    const officer = await loginStaffWithTotp(server, 'demo.branch');
    const queue = dataOf<{ claims: { id: string; kpjMasked: string }[] }>(
      await server.call('claims.list', { state: 'submitted' }, { method: 'GET', bearer: officer }),
    );
    expect(queue.claims.map((c) => c.id)).toEqual([submitted.id]);
    expect(queue.claims[0]?.kpjMasked).not.toContain('19099999999');

    const opened = dataOf<{ documentId: string; contentBase64: string }>(
      await server.call(
        'claims.document',
        { claimId: submitted.id, documentId: submitted.documents[0]?.id },
        { method: 'GET', bearer: officer },
      ),
    );
    expect(Buffer.from(opened.contentBase64, 'base64').equals(PDF)).toBe(true);
    const reads = server.db.select().from(auditLog).where(eq(auditLog.action, 'jht.claim_document_read')).all();
    expect(reads).toHaveLength(1);

    for (const [action, input] of [
      ['claims.verify', { claimId: submitted.id }],
      ['claims.approve', { claimId: submitted.id }],
      ['claims.pay', { claimId: submitted.id, reference: 'BRI-TRF-20261124-0001' }],
    ] as const) {
      const reply = await server.call(action, input, { bearer: officer });
      expect(reply.status, reply.text).toBe(200);
    }
    const mine = dataOf<{ claims: Claim[] }>(await server.call('claims.mine', undefined, { method: 'GET', cookie }));
    expect(mine.claims[0]?.events.map((e) => e.state)).toEqual(['submitted', 'verifying', 'approved', 'paid']);

    const mail = messagesTo(server.db, AGUS).filter((m) => m.template === 'claim_state_changed');
    expect(mail.map((m) => m.subject)).toEqual([
      `Klaim JHT ${submitted.id}: diajukan`,
      `Klaim JHT ${submitted.id}: sedang diverifikasi`,
      `Klaim JHT ${submitted.id}: disetujui`,
      `Klaim JHT ${submitted.id}: dibayarkan`,
    ]);
    expect(messagesTo(server.db, AGUS_PHONE).filter((m) => m.template === 'claim_state_changed')).toHaveLength(4);

    const balances = dataOf<{ total: number }>(
      await server.call('jht.kpjBalances', undefined, { method: 'GET', cookie }),
    );
    expect(balances.total).toBe(0);
    // Paid and finished: the same reason may be claimed again later (nothing is in progress).
    expect(server.db.select().from(jhtClaims).get()?.openKey).toBeNull();
  });

  it('submits one claim when the same claim is submitted 50 times at once', async () => {
    const { server, cookie, assessment } = await agusReadyToClaim();
    const sets: string[][] = [];
    for (let i = 0; i < 50; i++) sets.push(await uploadAll(server, cookie, assessment.documents));
    const replies = await Promise.all(
      sets.map((documentIds) =>
        server.call('claims.submit', { reason: 'resignation', bank: BANK, documentIds }, { cookie }),
      ),
    );
    expect(replies.filter((r) => r.status === 200)).toHaveLength(1);
    expect(new Set(replies.filter((r) => r.status !== 200).map((r) => r.json.error?.data.appCode))).toEqual(
      new Set(['CLAIM_IN_PROGRESS']),
    );
    expect(server.db.select().from(jhtClaims).all()).toHaveLength(1);
  });

  it('tells the member the reasons when a claim is not eligible yet, and stores nothing', async () => {
    const server = await createTestServer();
    const cookie = await server.loginMember('siti.rahayu@example.com', DEMO_MEMBER_PASSWORD);
    const assessment = dataOf<Assessment>(
      await server.call('claims.assess', { reason: 'resignation' }, { method: 'GET', cookie }),
    );
    expect(assessment.eligible).toBe(false);
    expect(assessment.blockers).toEqual(expect.arrayContaining(['merge_kpj_first', 'still_employed']));
    const reply = await server.call(
      'claims.submit',
      { reason: 'resignation', bank: BANK, documentIds: [] },
      { cookie },
    );
    expect(reply.json.error?.data).toMatchObject({ appCode: 'CLAIM_NOT_ELIGIBLE' });
    expect(reply.json.error?.data.reasons).toEqual(expect.arrayContaining(['merge_kpj_first']));
  });

  it('sends claim notices only on the channels the member chose', async () => {
    const { server, cookie, assessment } = await agusReadyToClaim();
    const saved = await server.call(
      'notices.setPreferences',
      { claim_state: { email: true, sms: false }, contribution_credited: { email: false, sms: false } },
      { cookie },
    );
    expect(dataOf<Record<string, unknown>>(saved)).toMatchObject({
      claim_state: { email: true, sms: false },
      contribution_credited: { email: false, sms: false },
      contribution_missing: { email: true, sms: true },
    });
    const ids = await uploadAll(server, cookie, assessment.documents);
    await server.call('claims.submit', { reason: 'resignation', bank: BANK, documentIds: ids }, { cookie });
    expect(messagesTo(server.db, AGUS).filter((m) => m.template === 'claim_state_changed')).toHaveLength(1);
    expect(messagesTo(server.db, AGUS_PHONE).filter((m) => m.template === 'claim_state_changed')).toHaveLength(0);
  });
});

describe('JHT claims: staff', () => {
  async function submittedClaim() {
    const ready = await agusReadyToClaim();
    const ids = await uploadAll(ready.server, ready.cookie, ready.assessment.documents);
    const claim = dataOf<Claim>(
      await ready.server.call(
        'claims.submit',
        { reason: 'resignation', bank: BANK, documentIds: ids },
        { cookie: ready.cookie },
      ),
    );
    return { ...ready, claim };
  }

  it('rejects only with a reason, tells the member why, and lets them claim again', async () => {
    const { server, claim } = await submittedClaim();
    const officer = await loginStaffWithTotp(server, 'demo.branch');
    const bare = await server.call('claims.reject', { claimId: claim.id }, { bearer: officer });
    expect(bare.json.error?.data.appCode).toBe('INVALID_INPUT');
    const rejected = await server.call(
      'claims.reject',
      { claimId: claim.id, note: 'Paklaring tidak terbaca' },
      { bearer: officer },
    );
    expect(dataOf<Claim>(rejected).state).toBe('rejected');
    const notice = messagesTo(server.db, AGUS).find((m) => m.subject === `Klaim JHT ${claim.id}: ditolak`);
    expect(notice?.body).toContain('Alasan: Paklaring tidak terbaca');
    // Finished: paying a rejected claim is refused, and a new claim may be made.
    const pay = await server.call('claims.pay', { claimId: claim.id, reference: 'X-1' }, { bearer: officer });
    expect(pay.json.error?.data.appCode).toBe('CLAIM_STATE_CHANGED');
    expect(server.db.select().from(jhtClaims).get()?.openKey).toBeNull();
  });

  it('refuses steps out of order and lets one of two officers win a race', async () => {
    const { server, claim } = await submittedClaim();
    const officer = await loginStaffWithTotp(server, 'demo.branch');
    const early = await server.call('claims.approve', { claimId: claim.id }, { bearer: officer });
    expect(early.json.error?.data.appCode).toBe('CLAIM_STATE_CHANGED');
    const both = await Promise.all([
      server.call('claims.verify', { claimId: claim.id }, { bearer: officer }),
      server.call('claims.verify', { claimId: claim.id }, { bearer: officer }),
    ]);
    expect(both.map((r) => r.status).sort()).toEqual([200, 409]);
  });

  it('needs a supervisor to approve a claim above the online limit', async () => {
    const { server, claim } = await submittedClaim();
    // As if the balance had been above the limit when the claim was made at the counter.
    server.db.update(jhtClaims).set({ gross: 20_000_000 }).where(eq(jhtClaims.id, claim.id)).run();
    const officer = await loginStaffWithTotp(server, 'demo.branch');
    await server.call('claims.verify', { claimId: claim.id }, { bearer: officer });
    const byOfficer = await server.call('claims.approve', { claimId: claim.id }, { bearer: officer });
    expect(byOfficer.json.error?.data.appCode).toBe('FORBIDDEN');
    const supervisor = await loginStaffWithTotp(server, 'demo.supervisor');
    const bySupervisor = await server.call('claims.approve', { claimId: claim.id }, { bearer: supervisor });
    expect(dataOf<Claim>(bySupervisor).state).toBe('approved');
  });

  it('shows a claim with the member’s identity to the officer and audits the look', async () => {
    const { server, claim } = await submittedClaim();
    const officer = await loginStaffWithTotp(server, 'demo.branch');
    const shown = dataOf<{ member: { fullName: string; nik: string } }>(
      await server.call('claims.show', { claimId: claim.id.toLowerCase() }, { method: 'GET', bearer: officer }),
    );
    expect(shown.member).toMatchObject({ fullName: 'AGUS SETIAWAN', nik: '3273011505920004' });
    expect(server.db.select().from(auditLog).where(eq(auditLog.action, 'jht.claim_viewed')).all()).toHaveLength(1);
    const unknown = await server.call('claims.show', { claimId: 'KLM-0000-0000' }, { method: 'GET', bearer: officer });
    expect(unknown.json.error?.data.appCode).toBe('CLAIM_NOT_FOUND');
  });

  it('deletes documents when their retention ends, and says so when one is asked for', async () => {
    const { server, claim } = await submittedClaim();
    const dir = server.config.documents.dir;
    expect(readdirSync(dir)).toHaveLength(claim.documents.length);
    const years = server.config.documents.retentionDays + 1;
    expect(deleteExpiredDocuments(server.db, server.config.documents, new Date(Date.now() + years * 86_400_000))).toBe(
      claim.documents.length,
    );
    expect(readdirSync(dir)).toHaveLength(0);
    const officer = await loginStaffWithTotp(server, 'demo.branch');
    const gone = await server.call(
      'claims.document',
      { claimId: claim.id, documentId: claim.documents[0]?.id },
      { method: 'GET', bearer: officer },
    );
    expect(gone.json.error?.data.appCode).toBe('DOCUMENT_NOT_FOUND');
  });
});

describe('claims made at a branch', () => {
  it('sends a member above the online limit to book a branch visit, and the branch checks them in', async () => {
    const server = await createTestServer();
    const cookie = await server.loginMember('dewi.lestari@example.com', DEMO_MEMBER_PASSWORD);
    const assessment = dataOf<Assessment>(
      await server.call('claims.assess', { reason: 'partial_10' }, { method: 'GET', cookie }),
    );
    expect(assessment.channel).toBe('branch');
    const online = await server.call(
      'claims.submit',
      { reason: 'partial_10', bank: BANK, documentIds: [] },
      { cookie },
    );
    expect(online.json.error?.data.appCode).toMatch(/CLAIM_AT_BRANCH|CLAIM_NOT_ELIGIBLE/);

    const options = dataOf<{ branches: { code: string }[]; days: string[] }>(
      await server.call('appointments.options', {}, { method: 'GET', cookie }),
    );
    const day = options.days[0] as string;
    const slots = dataOf<{ slots: { slot: string; free: number }[] }>(
      await server.call('appointments.options', { branchCode: 'JKT-SUDIRMAN', day }, { method: 'GET', cookie }),
    );
    expect(slots.slots[0]).toEqual({ slot: '08:00', free: 3 });
    const booked = dataOf<{ id: string; state: string }>(
      await server.call(
        'appointments.book',
        { branchCode: 'JKT-SUDIRMAN', day, slot: '08:00', reason: 'partial_10' },
        { cookie },
      ),
    );
    expect(booked.state).toBe('booked');
    expect(messagesTo(server.db, 'dewi.lestari@example.com').some((m) => m.template === 'appointment_booked')).toBe(
      true,
    );
    const again = await server.call(
      'appointments.book',
      { branchCode: 'JKT-SUDIRMAN', day, slot: '09:00', reason: 'partial_10' },
      { cookie },
    );
    expect(again.json.error?.data.appCode).toBe('CONFLICT');

    const officer = await loginStaffWithTotp(server, 'demo.branch');
    const listed = dataOf<{ appointments: { id: string; memberName: string }[] }>(
      await server.call('appointments.list', { day }, { method: 'GET', bearer: officer }),
    );
    expect(listed.appointments).toEqual([expect.objectContaining({ id: booked.id, memberName: 'DEWI LESTARI' })]);
    const checked = await server.call('appointments.checkIn', { appointmentId: booked.id }, { bearer: officer });
    expect(dataOf<{ state: string }>(checked).state).toBe('checked_in');
    const twice = await server.call('appointments.checkIn', { appointmentId: booked.id }, { bearer: officer });
    expect(twice.json.error?.data.appCode).toBe('CONFLICT');
  });

  it('refuses a full slot', async () => {
    const server = await createTestServer();
    const day = dataOf<{ days: string[] }>(
      await server.call(
        'appointments.options',
        {},
        {
          method: 'GET',
          cookie: await server.loginMember(AGUS, DEMO_MEMBER_PASSWORD),
        },
      ),
    ).days[0] as string;
    const members = ['siti.rahayu@example.com', 'dewi.lestari@example.com', AGUS, 'budi.santoso@example.com'];
    const replies = [];
    for (const email of members) {
      const cookie = await server.loginMember(email, DEMO_MEMBER_PASSWORD);
      replies.push(
        await server.call(
          'appointments.book',
          { branchCode: 'JKT-SUDIRMAN', day, slot: '10:00', reason: 'age_56' },
          { cookie },
        ),
      );
    }
    expect(replies.map((r) => r.status)).toEqual([200, 200, 200, 409]);
    expect(replies[3]?.json.error?.data.appCode).toBe('SLOT_UNAVAILABLE');
  });
});

describe('claims at the counter', () => {
  it("takes an heir's death claim with scanned documents inside an in-person case; the heir is stored encrypted", async () => {
    const server = await createTestServer();
    const officer = await loginStaffWithTotp(server, 'demo.branch');
    const opened = dataOf<{ caseId: string }>(
      await server.call(
        'case.openBranch',
        {
          kpj: '19044444444',
          nik: '3578044211790003',
          documents: ['ktp', 'kpj_card'],
          photoMatches: true,
          reason: 'ahli waris mengajukan klaim JHT',
        },
        { bearer: officer },
      ),
    );
    const heir = { fullName: 'Andi Pratama', nik: '3578041504000001', relation: 'anak' };
    const documents = ['death_certificate', 'family_card', 'heir_ktp', 'bank_book', 'npwp'].map((kind) => ({
      kind,
      contentBase64: PDF.toString('base64'),
    }));
    const reply = await server.call(
      'claims.submitAtCounter',
      {
        caseId: opened.caseId,
        reason: 'death',
        heir,
        npwp: '09.254.294.3-407.000',
        bank: { bankCode: '009', accountNumber: '0987654321', holderName: 'ANDI PRATAMA' },
        documents,
      },
      { bearer: officer },
    );
    expect(reply.status, reply.text).toBe(200);
    const claim = dataOf<Claim & { claimant: string }>(reply);
    expect(claim).toMatchObject({ claimant: 'heir', state: 'submitted' });
    const row = server.db.select().from(jhtClaims).get();
    expect(row?.heirEncrypted).not.toContain('Andi');
    expect(row?.bankAccountEncrypted).not.toContain('0987654321');
    const shown = dataOf<{ heir: typeof heir }>(
      await server.call('claims.show', { claimId: claim.id }, { method: 'GET', bearer: officer }),
    );
    expect(shown.heir).toEqual(heir);
  });

  it('refuses a death claim paid to an account that is not the heir’s', async () => {
    const server = await createTestServer();
    const officer = await loginStaffWithTotp(server, 'demo.branch');
    const { caseId } = dataOf<{ caseId: string }>(
      await server.call(
        'case.openBranch',
        {
          kpj: '19044444444',
          nik: '3578044211790003',
          documents: ['ktp', 'kpj_card'],
          photoMatches: true,
          reason: 'ahli waris',
        },
        { bearer: officer },
      ),
    );
    const reply = await server.call(
      'claims.submitAtCounter',
      {
        caseId,
        reason: 'death',
        npwp: '092542943407000',
        heir: { fullName: 'Andi Pratama', nik: '3578041504000001', relation: 'anak' },
        bank: { bankCode: '009', accountNumber: '0987654321', holderName: 'DEWI LESTARI' },
        documents: ['death_certificate', 'family_card', 'heir_ktp', 'bank_book', 'npwp'].map((kind) => ({
          kind,
          contentBase64: PDF.toString('base64'),
        })),
      },
      { bearer: officer },
    );
    expect(reply.json.error?.data).toMatchObject({ appCode: 'INVALID_INPUT', reasons: ['NOT_OWN_NAME'] });
    // Nothing half-written: no document rows, and the scanned files are gone from disk too.
    expect(server.db.select().from(jhtClaimDocuments).all()).toHaveLength(0);
    expect(readdirSync(server.config.documents.dir)).toEqual([]);
  });
});
