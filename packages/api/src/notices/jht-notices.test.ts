import { and, eq, gte } from 'drizzle-orm';
import { simpleParser } from 'mailparser';
import { afterEach, describe, expect, it } from 'vitest';
import { contributions, members, outbox } from '../db/schema.js';
import { DEMO_MEMBER_PASSWORD } from '../demo/demo-accounts.js';
import { createDevAdapter } from '../notifications/dev-adapter.js';
import { OutboxSender } from '../notifications/sender.js';
import { createSmtpAdapter } from '../notifications/smtp-adapter.js';
import { startSmtpServer } from '../test-support/smtp-server.js';
import { loginStaffWithTotp } from '../test-support/staff-login.js';
import { createTestServer, dataOf, type TestServer } from '../test-support/test-server.js';
import { sweepJhtNotices } from './jht-notice-sweep.js';

const SITI = 'siti.rahayu@example.com';
const DEWI = 'dewi.lestari@example.com';
const AGUS = 'agus.setiawan@example.com';

const templatesTo = (server: TestServer, recipient: string) =>
  server.db
    .select({ template: outbox.template })
    .from(outbox)
    .where(eq(outbox.recipient, recipient))
    .all()
    .map((row) => row.template)
    .sort();

/** Siti's employer stops paying from August: three months missing by the time of the sweep. */
function stopPayingSiti(server: TestServer): void {
  server.db
    .update(contributions)
    .set({ paidAt: null })
    .where(and(eq(contributions.kpj, '20022222222'), gte(contributions.period, '2026-08')))
    .run();
}

const closers: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const close of closers.splice(0)) await close();
});

describe('JHT notices', () => {
  it('tells a member of a credited month and another of a missing month, once however often it runs', async () => {
    const server = await createTestServer();
    await sweepJhtNotices(server.db, server.clock.now());
    // Siti's October contribution was paid on 10 November; Dewi's employer stopped paying in June.
    expect(templatesTo(server, SITI)).toContain('contribution_credited');
    expect(templatesTo(server, DEWI)).toEqual(['contribution_missing']);
    const dewi = server.db.select().from(outbox).where(eq(outbox.recipient, DEWI)).get();
    expect(dewi?.subject).toBe('Iuran bulan 2026-10 belum dibayarkan pemberi kerja');
    const count = server.db.select().from(outbox).all().length;
    await sweepJhtNotices(server.db, server.clock.now());
    expect(server.db.select().from(outbox).all()).toHaveLength(count);
  });

  it('tells the member when the status changes, and keeps quiet while it does not', async () => {
    const server = await createTestServer();
    await sweepJhtNotices(server.db, server.clock.now());
    expect(templatesTo(server, SITI)).not.toContain('membership_status_changed');
    stopPayingSiti(server);
    await sweepJhtNotices(server.db, server.clock.now());
    const status = server.db
      .select()
      .from(outbox)
      .where(and(eq(outbox.recipient, SITI), eq(outbox.template, 'membership_status_changed')))
      .all();
    expect(status.map((m) => m.subject)).toEqual(['Status kepesertaan Anda kini NON-AKTIF']);
    expect(status[0]?.body).toContain('tidak ada iuran selama 3 bulan berturut-turut');
  });

  it('records the status it told, and leaves a flag in status_reason (NIK needs correction) alone', async () => {
    const server = await createTestServer();
    const siti = server.db.select().from(members).where(eq(members.nik, '3273015708900001')).get();
    server.db
      .update(members)
      .set({ statusReason: 'NIK perlu dikoreksi / NIK needs correction' })
      .where(eq(members.id, siti?.id ?? 0))
      .run();
    stopPayingSiti(server);
    await sweepJhtNotices(server.db, server.clock.now());
    const after = server.db
      .select()
      .from(members)
      .where(eq(members.id, siti?.id ?? 0))
      .get();
    expect(after).toMatchObject({ status: 'non_aktif', statusReason: 'NIK perlu dikoreksi / NIK needs correction' });
  });

  it('sends nothing the member switched off, and nothing to an unverified address', async () => {
    const server = await createTestServer();
    const cookie = await server.loginMember(SITI, DEMO_MEMBER_PASSWORD);
    await server.call('notices.setPreferences', { contribution_credited: { email: false, sms: false } }, { cookie });
    await sweepJhtNotices(server.db, server.clock.now());
    expect(templatesTo(server, SITI)).not.toContain('contribution_credited');
    // Budi's email is not verified: his notices go to his verified phone only.
    expect(templatesTo(server, 'budi.santoso@example.com')).toEqual([]);
  });

  it('delivers one notice of each kind over real SMTP: credited, missing, status, claim', async () => {
    const server = await createTestServer();
    const smtp = await startSmtpServer();
    closers.push(smtp.close);
    stopPayingSiti(server);
    await sweepJhtNotices(server.db, server.clock.now());
    // And a claim: Agus submits, an officer starts verifying.
    const cookie = await server.loginMember(AGUS, DEMO_MEMBER_PASSWORD);
    const { documents } = dataOf<{ documents: string[] }>(
      await server.call('claims.assess', { reason: 'resignation' }, { method: 'GET', cookie }),
    );
    const documentIds: string[] = [];
    for (const kind of documents) {
      const pdf = Buffer.from(`%PDF-1.4 ${kind}`).toString('base64');
      documentIds.push(
        dataOf<{ id: string }>(await server.call('claims.uploadDocument', { kind, contentBase64: pdf }, { cookie })).id,
      );
    }
    const bank = { bankCode: '014', accountNumber: '1234567890', holderName: 'AGUS SETIAWAN' };
    const claim = dataOf<{ id: string }>(
      await server.call('claims.submit', { reason: 'resignation', bank, documentIds }, { cookie }),
    );
    const officer = await loginStaffWithTotp(server, 'demo.branch');
    await server.call('claims.verify', { claimId: claim.id }, { bearer: officer });

    const sender = new OutboxSender({
      db: server.db,
      clock: server.clock,
      adapters: {
        email: createSmtpAdapter({ url: smtp.url, from: 'Pulih <no-reply@pulih.test>' }),
        sms: createDevAdapter(),
      },
    });
    while ((await sender.runOnce()).sent > 0) {
      // until the outbox is empty
    }
    const mails = await Promise.all(
      smtp.received.map(async (r) => ({ to: r.rcptTo, mail: await simpleParser(r.raw) })),
    );
    const subjects = (to: string) => mails.filter((m) => m.to.includes(to)).map((m) => m.mail.subject ?? '');
    expect(subjects(SITI)).toEqual(
      expect.arrayContaining([
        'Iuran bulan 2026-10 belum dibayarkan pemberi kerja',
        'Status kepesertaan Anda kini NON-AKTIF',
      ]),
    );
    expect(subjects(DEWI)).toContain('Iuran bulan 2026-10 belum dibayarkan pemberi kerja');
    expect(subjects(AGUS)).toEqual(
      expect.arrayContaining([`Klaim JHT ${claim.id}: diajukan`, `Klaim JHT ${claim.id}: sedang diverifikasi`]),
    );
    const credited = mails.find((m) => m.mail.subject?.startsWith('Iuran JHT bulan'));
    expect(credited?.mail.text).toContain('telah dibayarkan pemberi kerja');
  });
});
