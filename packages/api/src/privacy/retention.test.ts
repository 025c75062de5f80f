import { existsSync } from 'node:fs';
import { eq, isNull } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import {
  auditLog,
  correctionRequests,
  inboundMailRejects,
  jhtClaimDocuments,
  outbox,
  queueTickets,
  rateLimitEvents,
  sessions,
  staffTokens,
  staffUsers,
  supportTickets,
  verificationCodes,
} from '../db/schema.js';
import { DEMO_MEMBER_PASSWORD } from '../demo/demo-accounts.js';
import { loginStaffWithTotp } from '../test-support/staff-login.js';
import { createTestServer, dataOf, type TestServer } from '../test-support/test-server.js';
import { applyRetention, retentionPolicy } from './retention.js';

const DAY = 86_400_000;
const PDF = Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\n%%EOF\n');
const BANK = { bankCode: '002', accountNumber: '0123-01-000456-50-7', holderName: 'Agus Setiawan' };

const ago = (server: TestServer, days: number): string =>
  new Date(server.clock.now().getTime() - days * DAY).toISOString();

const ids = <T extends { id: string }>(rows: T[]): string[] => rows.map((row) => row.id).sort();

/**
 * Five years of data: documents of a rejected claim, a decided and a pending correction, an
 * unattached upload and old sessions from the start; then, relative to today, one row just past
 * and one just within each retention period.
 */
async function fiveYearsOfData() {
  const server = await createTestServer();
  // At the start: Agus's rejected claim, an unattached upload, Siti's decided and pending corrections.
  const agus = await server.loginMember('agus.setiawan@example.com', DEMO_MEMBER_PASSWORD);
  const upload = async (kind: string) =>
    dataOf<{ id: string }>(
      await server.call('claims.uploadDocument', { kind, contentBase64: PDF.toString('base64') }, { cookie: agus }),
    ).id;
  const assessment = dataOf<{ documents: string[] }>(
    await server.call('claims.assess', { reason: 'resignation' }, { method: 'GET', cookie: agus }),
  );
  const claimDocuments: string[] = [];
  for (const kind of assessment.documents) claimDocuments.push(await upload(kind));
  const claim = dataOf<{ id: string }>(
    await server.call(
      'claims.submit',
      { reason: 'resignation', bank: BANK, documentIds: claimDocuments },
      { cookie: agus },
    ),
  );
  const unattached = await upload('ktp');
  const branch = await loginStaffWithTotp(server, 'demo.branch');
  dataOf(
    await server.call('claims.reject', { claimId: claim.id, note: 'Paklaring tidak terbaca' }, { bearer: branch }),
  );
  const siti = await server.loginMember('siti.rahayu@example.com', DEMO_MEMBER_PASSWORD);
  const correction = async (field: string, value: string) =>
    dataOf<{ id: string }>(
      await server.call(
        'corrections.request',
        { field, value, evidenceKind: 'kk', evidenceBase64: PDF.toString('base64') },
        { cookie: siti },
      ),
    ).id;
  const decided = await correction('full_name', 'Siti Rahayu Ningsih');
  dataOf(await server.call('corrections.reject', { id: decided, reason: 'KK tidak terbaca' }, { bearer: branch }));
  const pending = await correction('birth_date', '1990-08-18');
  const evidenceOf = (id: string) =>
    server.db.select().from(correctionRequests).where(eq(correctionRequests.id, id)).get()?.evidenceDocumentId ?? '';

  server.clock.advance(1830 * DAY);
  // Today: a fresh session and fresh staff token.
  await server.loginMember('budi.santoso@example.com', DEMO_MEMBER_PASSWORD);
  await loginStaffWithTotp(server, 'demo.supervisor');
  const adminId = server.db.select().from(staffUsers).where(eq(staffUsers.username, 'demo.admin')).get()?.id ?? 0;
  const now = server.clock.now().toISOString();
  const db = server.db;
  db.insert(verificationCodes)
    .values([
      {
        id: 'code-due',
        purpose: 'recovery',
        destinationHash: 'x',
        createdAt: ago(server, 32),
        expiresAt: ago(server, 31),
      },
      {
        id: 'code-used',
        purpose: 'recovery',
        destinationHash: 'x',
        createdAt: ago(server, 40),
        expiresAt: now,
        consumedAt: ago(server, 31),
      },
      {
        id: 'code-kept',
        purpose: 'recovery',
        destinationHash: 'x',
        createdAt: ago(server, 30),
        expiresAt: ago(server, 29),
      },
    ])
    .run();
  db.insert(staffTokens)
    .values([
      { tokenHash: 'token-due', staffId: adminId, createdAt: ago(server, 92), expiresAt: ago(server, 91) },
      { tokenHash: 'token-kept', staffId: adminId, createdAt: ago(server, 90), expiresAt: ago(server, 89) },
    ])
    .run();
  const ticket = { fromAddress: 'a@example.com', subject: 's', body: 'b', receivedAt: ago(server, 400) };
  db.insert(supportTickets)
    .values([
      { ...ticket, id: 'ticket-due', status: 'closed', closedAt: ago(server, 366) },
      { ...ticket, id: 'ticket-kept', status: 'closed', closedAt: ago(server, 364) },
      { ...ticket, id: 'ticket-open', status: 'open' },
    ])
    .run();
  db.insert(inboundMailRejects)
    .values([
      { id: 'reject-due', receivedAt: ago(server, 31), reason: 'r', sizeBytes: 1, rawHead: 'h' },
      { id: 'reject-kept', receivedAt: ago(server, 29), reason: 'r', sizeBytes: 1, rawHead: 'h' },
    ])
    .run();
  const queue = { branchCode: 'JKT', intent: 'other' as const, createdAt: ago(server, 40) };
  db.insert(queueTickets)
    .values([
      { ...queue, id: 'queue-due', number: 'L-001', serviceDay: ago(server, 31).slice(0, 10) },
      { ...queue, id: 'queue-kept', number: 'L-002', serviceDay: ago(server, 29).slice(0, 10) },
    ])
    .run();
  db.insert(rateLimitEvents)
    .values([
      { key: 'limit-due', at: ago(server, 3) },
      { key: 'limit-kept', at: ago(server, 1) },
    ])
    .run();
  const message = { channel: 'email' as const, recipient: 'a@example.com', body: 'b', createdAt: ago(server, 200) };
  db.insert(outbox)
    .values([
      { ...message, id: 'sent-due', template: 'support_reply', sentAt: ago(server, 181) },
      { ...message, id: 'sent-kept', template: 'support_reply', sentAt: ago(server, 179) },
      { ...message, id: 'unsent-kept', template: 'support_reply' },
      { ...message, id: 'breach-kept', template: 'breach_notice', sentAt: ago(server, 400) },
    ])
    .run();
  return {
    server,
    claimDocuments,
    unattached,
    decidedEvidence: evidenceOf(decided),
    pendingEvidence: evidenceOf(pending),
  };
}

describe('retention: the daily job purges what is past retention and nothing else', () => {
  it('removes exactly the rows and files that are due, keeps the rest and the audit log, and audits the counts', async () => {
    const data = await fiveYearsOfData();
    const { server } = data;
    const db = server.db;
    const sessionCount = db.select().from(sessions).all().length;
    // Kept: the token made just now, and the one expired 89 days ago.
    const tokenCount = db.select().from(staffTokens).all().length;
    const auditBefore = db.select().from(auditLog).all().length;
    const policy = retentionPolicy(db, server.config, server.clock.now());

    const removed = applyRetention(db, server.config, server.clock.now(), { kind: 'system' });
    const byRule = Object.fromEntries(removed.map((r) => [r.rule, r.removed]));
    // What the policy said was due is what went.
    expect(Object.fromEntries(policy.map((line) => [line.rule, line.due]))).toEqual(byRule);
    expect(byRule).toEqual({
      claim_documents_past_retention: 1,
      finished_claim_documents: data.claimDocuments.length,
      correction_evidence: 1,
      verification_codes: 2,
      member_sessions: sessionCount - 1,
      staff_tokens: tokenCount - 2,
      closed_support_tickets: 1,
      rejected_inbound_mail: 1,
      queue_tickets: 1,
      rate_limit_events: 1,
      sent_messages: 1,
    });

    const liveDocuments = db.select().from(jhtClaimDocuments).where(isNull(jhtClaimDocuments.deletedAt)).all();
    expect(liveDocuments.map((d) => d.id)).toEqual([data.pendingEvidence]);
    for (const id of [...data.claimDocuments, data.unattached, data.decidedEvidence]) {
      expect(existsSync(`${server.config.documents.dir}/${id}.bin`)).toBe(false);
    }
    expect(existsSync(`${server.config.documents.dir}/${data.pendingEvidence}.bin`)).toBe(true);
    expect(ids(db.select({ id: verificationCodes.id }).from(verificationCodes).all())).toEqual(['code-kept']);
    expect(db.select().from(sessions).all()).toHaveLength(1);
    expect(db.select().from(staffTokens).where(eq(staffTokens.tokenHash, 'token-kept')).all()).toHaveLength(1);
    expect(db.select().from(staffTokens).where(eq(staffTokens.tokenHash, 'token-due')).all()).toHaveLength(0);
    expect(ids(db.select({ id: supportTickets.id }).from(supportTickets).all())).toEqual([
      'ticket-kept',
      'ticket-open',
    ]);
    expect(ids(db.select({ id: inboundMailRejects.id }).from(inboundMailRejects).all())).toEqual(['reject-kept']);
    expect(ids(db.select({ id: queueTickets.id }).from(queueTickets).all())).toEqual(['queue-kept']);
    expect(
      db
        .select({ key: rateLimitEvents.key })
        .from(rateLimitEvents)
        .all()
        .map((r) => r.key),
    ).toEqual(['limit-kept']);
    const messages = db
      .select({ id: outbox.id })
      .from(outbox)
      .all()
      .map((r) => r.id);
    expect(messages).not.toContain('sent-due');
    expect(messages).toEqual(expect.arrayContaining(['sent-kept', 'unsent-kept', 'breach-kept']));

    const audits = db.select().from(auditLog).where(eq(auditLog.action, 'privacy.retention_applied')).all();
    expect(audits.map((a) => JSON.parse(a.detail).rule).sort()).toEqual(Object.keys(byRule).sort());
    expect(audits.every((a) => a.actorKind === 'system')).toBe(true);
    expect(db.select().from(auditLog).all().length).toBe(auditBefore + audits.length);

    // A second run finds nothing due and writes nothing.
    const again = applyRetention(db, server.config, server.clock.now(), { kind: 'system' });
    expect(again.every((r) => r.removed === 0)).toBe(true);
    expect(db.select().from(auditLog).where(eq(auditLog.action, 'privacy.retention_applied')).all()).toHaveLength(
      audits.length,
    );
  });

  it('follows a setting an admin changed, and shows the policy to supervisors', async () => {
    const server = await createTestServer();
    const admin = await loginStaffWithTotp(server, 'demo.admin');
    const out = await server.call('privacy.setSetting', { name: 'queue_tickets_days', value: 0 }, { bearer: admin });
    expect(out.json.error?.data.appCode).toBe('INVALID_INPUT');
    dataOf(await server.call('privacy.setSetting', { name: 'queue_tickets_days', value: 7 }, { bearer: admin }));
    const supervisor = await loginStaffWithTotp(server, 'demo.supervisor');
    const shown = dataOf<{ rules: { rule: string; value: number }[]; settings: { name: string; value: number }[] }>(
      await server.call('privacy.retention', {}, { method: 'GET', bearer: supervisor }),
    );
    expect(shown.rules.find((r) => r.rule === 'queue_tickets')?.value).toBe(7);
    expect(shown.settings.find((s) => s.name === 'correction_deadline_hours')?.value).toBe(72);
    const bySupervisor = await server.call(
      'privacy.setSetting',
      { name: 'queue_tickets_days', value: 9 },
      { bearer: supervisor },
    );
    expect(bySupervisor.status).toBe(403);
  });
});
