import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { auditLog } from '../../db/schema.js';
import { DEMO_MEMBER_PASSWORD } from '../../demo/demo-accounts.js';
import { type MemberData, memberDataCategories } from '../../privacy/member-data.js';
import { createTestServer, dataOf, type TestServer } from '../../test-support/test-server.js';

const SITI = 'siti.rahayu@example.com';
const AGUS = 'agus.setiawan@example.com';
const PDF = Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n');
const BANK = { bankCode: '002', accountNumber: '0123-01-000456-50-7', holderName: 'Agus Setiawan' };

async function exportOf(server: TestServer, cookie: string): Promise<MemberData> {
  return dataOf<MemberData>(await server.call('privacy.myData', undefined, { method: 'GET', cookie }));
}

/** Agus submits a JHT claim online with every document, so his export has a claim and documents. */
async function agusWithClaim(server: TestServer): Promise<string> {
  const cookie = await server.loginMember(AGUS, DEMO_MEMBER_PASSWORD);
  const assessment = dataOf<{ documents: string[] }>(
    await server.call('claims.assess', { reason: 'resignation' }, { method: 'GET', cookie }),
  );
  const documentIds: string[] = [];
  for (const kind of assessment.documents) {
    const uploaded = await server.call(
      'claims.uploadDocument',
      { kind, contentBase64: PDF.toString('base64') },
      { cookie },
    );
    documentIds.push(dataOf<{ id: string }>(uploaded).id);
  }
  dataOf(await server.call('claims.submit', { reason: 'resignation', bank: BANK, documentIds }, { cookie }));
  return cookie;
}

describe('privacy.myData: the member downloads everything held about them', () => {
  it('has every category, even the empty ones, with the full NIK for the member who just entered the password', async () => {
    const server = await createTestServer();
    const cookie = await server.loginMember(SITI, DEMO_MEMBER_PASSWORD);
    const data = await exportOf(server, cookie);
    for (const category of memberDataCategories) expect(data).toHaveProperty(category);
    expect(data.identity).toMatchObject({ fullName: 'SITI RAHAYU', nik: '3273015708900001', birthDate: '1990-08-17' });
    expect(data.kpjNumbers.map((card) => card.kpj)).toEqual(expect.arrayContaining(['19011111111', '20022222222']));
    expect(data.contacts[0]).toMatchObject({ email: SITI, phone: '+6281234567890' });
    expect(data.accounts).toHaveLength(1);
    expect(data.sessions.length).toBeGreaterThanOrEqual(1);
    expect(data.contributions.length).toBeGreaterThan(0);
    // Siti has no claim: the category is there, empty.
    expect(data.claims).toEqual([]);
    expect(data.claimDocuments).toEqual([]);
    expect(Object.keys(data.noticePreferences.topics)).toContain('claim_state');
    expect(data.noticePreferences.securityNotices).toBe('email and SMS, always');
  });

  it('leaves out hashes and never shows the mother’s maiden name back', async () => {
    const server = await createTestServer();
    const cookie = await server.loginMember(SITI, DEMO_MEMBER_PASSWORD);
    const text = JSON.stringify(await exportOf(server, cookie));
    expect(text).not.toMatch(/argon2|passwordHash|password_hash|tokenHash|token_hash/);
    expect(text).not.toContain('SUMARNI');
    expect(JSON.parse(text).identity.motherNameOnRecord).toBe(true);
  });

  it('shows a claim with only the last four digits of the bank account, and the list of its documents', async () => {
    const server = await createTestServer();
    const cookie = await agusWithClaim(server);
    const data = await exportOf(server, cookie);
    expect(data.claims).toHaveLength(1);
    expect(data.claims[0]).toMatchObject({
      bankAccountLast4: '6507',
      bankAccountHolder: 'Agus Setiawan',
      state: 'submitted',
    });
    expect(JSON.stringify(data)).not.toContain('012301000456507');
    expect(data.claimDocuments.length).toBeGreaterThanOrEqual(3);
    expect(data.claimDocuments.every((document) => document.claimId === data.claims[0]?.id)).toBe(true);
  });

  it('audits each export, which the member then sees in the access history of the next export', async () => {
    const server = await createTestServer();
    const cookie = await server.loginMember(SITI, DEMO_MEMBER_PASSWORD);
    await exportOf(server, cookie);
    const entries = server.db.select().from(auditLog).where(eq(auditLog.action, 'privacy.data_exported')).all();
    expect(entries).toHaveLength(1);
    expect(JSON.parse(entries[0]?.detail ?? '{}')).toEqual({ format: 'json' });
    const again = await exportOf(server, cookie);
    expect(again.accessHistory.some((entry) => entry.action === 'privacy.data_exported')).toBe(true);
  });

  it('asks for the password again when it was entered more than ten minutes ago, then exports', async () => {
    const server = await createTestServer();
    const cookie = await server.loginMember(SITI, DEMO_MEMBER_PASSWORD);
    server.clock.advance(11 * 60_000);
    const refused = await server.call('privacy.myData', undefined, { method: 'GET', cookie });
    expect(refused.json.error?.data.appCode).toBe('REAUTH_REQUIRED');
    dataOf(await server.call('account.reauthenticate', { password: DEMO_MEMBER_PASSWORD }, { cookie }));
    expect((await exportOf(server, cookie)).identity.fullName).toBe('SITI RAHAYU');
  });

  it('refuses a caller without a session', async () => {
    const server = await createTestServer();
    const reply = await server.call('privacy.myData', undefined, { method: 'GET' });
    expect(reply.status).toBe(401);
  });
});

describe('privacy.myDataPdf: the same data as a readable PDF', () => {
  it('is a PDF 1.4 file holding the member’s name and NIK, with a cross-reference table that points at its objects', async () => {
    const server = await createTestServer();
    const cookie = await server.loginMember(SITI, DEMO_MEMBER_PASSWORD);
    const reply = dataOf<{ fileName: string; contentType: string; contentBase64: string }>(
      await server.call('privacy.myDataPdf', undefined, { method: 'GET', cookie }),
    );
    expect(reply.contentType).toBe('application/pdf');
    expect(reply.fileName).toMatch(/^data-saya-\d{4}-\d{2}-\d{2}\.pdf$/);
    const pdf = Buffer.from(reply.contentBase64, 'base64');
    const text = pdf.toString('latin1');
    expect(text.startsWith('%PDF-1.4\n')).toBe(true);
    expect(text.trimEnd().endsWith('%%EOF')).toBe(true);
    expect(text).toContain('SITI RAHAYU');
    expect(text).toContain('3273015708900001');
    // Every offset of the xref table starts an object, and startxref points at the table.
    const startxref = Number(/startxref\n(\d+)\n/.exec(text)?.[1]);
    expect(text.slice(startxref, startxref + 4)).toBe('xref');
    const offsets = [...text.slice(startxref).matchAll(/^(\d{10}) 00000 n $/gm)].map((m) => Number(m[1]));
    expect(offsets.length).toBeGreaterThan(4);
    offsets.forEach((offset, i) => {
      expect(text.slice(offset, offset + `${i + 1} 0 obj`.length)).toBe(`${i + 1} 0 obj`);
    });
    const audited = server.db.select().from(auditLog).where(eq(auditLog.action, 'privacy.data_exported')).all();
    expect(JSON.parse(audited[0]?.detail ?? '{}')).toMatchObject({ format: 'pdf' });
  });
});
