import { and, eq, sql } from 'drizzle-orm';
import { simpleParser } from 'mailparser';
import { afterEach, describe, expect, it } from 'vitest';
import { members, membershipChecks, missingContributionScans, outbox, participations } from '../db/schema.js';
import { DEMO_MEMBER_PASSWORD } from '../demo/demo-accounts.js';
import { createDevAdapter } from '../notifications/dev-adapter.js';
import { OutboxSender } from '../notifications/sender.js';
import { createSmtpAdapter } from '../notifications/smtp-adapter.js';
import { startSmtpServer } from '../test-support/smtp-server.js';
import { loginStaffWithTotp } from '../test-support/staff-login.js';
import { createTestServer, dataOf, type TestServer } from '../test-support/test-server.js';
import { runJhtNoticeJobs } from './jht-notice-jobs.js';

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

const SITI_NIK = '3273015708900001';

/** Moves the server's clock to 08:00 UTC of `day` (demo data is as of 2026-11-24). */
function moveTo(server: TestServer, day: string): void {
  server.clock.advance(new Date(`${day}T08:00:00Z`).getTime() - server.clock.now().getTime());
}

const sitiId = (server: TestServer): number =>
  server.db.select({ id: members.id }).from(members).where(eq(members.nik, SITI_NIK)).get()?.id ?? 0;

const dueOn = (server: TestServer, memberId: number): string | undefined =>
  server.db.select().from(membershipChecks).where(eq(membershipChecks.memberId, memberId)).get()?.dueOn;

const statusNoticesTo = (server: TestServer, recipient: string) =>
  server.db
    .select()
    .from(outbox)
    .where(and(eq(outbox.recipient, recipient), eq(outbox.template, 'membership_status_changed')))
    .all();

const closers: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const close of closers.splice(0)) await close();
});

describe('JHT notices', () => {
  it('tells a member of a credited month and another of a missing month, once however often it runs', async () => {
    const server = await createTestServer();
    const first = await runJhtNoticeJobs(server.db, server.clock.now());
    // Siti's October contribution was paid on 10 November; Dewi's employer stopped paying in June.
    expect(templatesTo(server, SITI)).toContain('contribution_credited');
    expect(templatesTo(server, DEWI)).toEqual(['contribution_missing']);
    const dewi = server.db.select().from(outbox).where(eq(outbox.recipient, DEWI)).get();
    expect(dewi?.subject).toBe('Iuran bulan 2026-10 belum dibayarkan pemberi kerja');
    const count = server.db.select().from(outbox).all().length;
    // The second run reads nobody: no status is due, and the due month was scanned already.
    const second = await runJhtNoticeJobs(server.db, server.clock.now());
    expect(server.db.select().from(outbox).all()).toHaveLength(count);
    expect(first.checks.checked).toBeGreaterThan(0);
    expect(first.missing).toMatchObject({ period: '2026-10', finished: true });
    expect(second.checks.checked).toBe(0);
    expect(second.missing).toMatchObject({ scanned: 0, queued: 0, finished: true });
  });

  it('tells the member on the day the status changes, not before, reading only who is due', async () => {
    const server = await createTestServer();
    await runJhtNoticeJobs(server.db, server.clock.now());
    expect(statusNoticesTo(server, SITI)).toEqual([]);
    // Paid up to October: with November, December and January unpaid she is non-aktif on 1 February.
    expect(dueOn(server, sitiId(server))).toBe('2027-02-01');
    moveTo(server, '2027-01-31');
    await runJhtNoticeJobs(server.db, server.clock.now());
    expect(statusNoticesTo(server, SITI)).toEqual([]);
    moveTo(server, '2027-02-01');
    const run = await runJhtNoticeJobs(server.db, server.clock.now());
    const status = statusNoticesTo(server, SITI);
    expect(status.map((m) => m.subject)).toEqual(['Status kepesertaan Anda kini NON-AKTIF']);
    expect(status[0]?.body).toContain('tidak ada iuran selama 3 bulan berturut-turut');
    // Only the persons due that day were read, not the whole registry.
    const employed = server.db.select({ n: sql<number>`count(*)` }).from(membershipChecks).get()?.n ?? 0;
    expect(run.checks.checked).toBeGreaterThan(0);
    expect(run.checks.checked).toBeLessThan(employed);
    expect(dueOn(server, sitiId(server))).toBe('2028-02-02');
  });

  it('looks at a person again as soon as their employment or birth date changes', async () => {
    const server = await createTestServer();
    await runJhtNoticeJobs(server.db, server.clock.now());
    const siti = sitiId(server);
    // Her employer reports that she leaves on 15 December: the trigger brings her check forward.
    server.db
      .update(participations)
      .set({ endedOn: '2026-12-15', endReason: 'resignation' })
      .where(eq(participations.kpj, '20022222222'))
      .run();
    expect(dueOn(server, siti)).toBe('0000-01-01');
    await runJhtNoticeJobs(server.db, server.clock.now());
    expect(dueOn(server, siti)).toBe('2026-12-15');
    moveTo(server, '2026-12-15');
    await runJhtNoticeJobs(server.db, server.clock.now());
    expect(statusNoticesTo(server, SITI).map((m) => m.subject)).toEqual(['Status kepesertaan Anda kini NON-AKTIF']);

    // A corrected birth date that makes a member 56 is told at once.
    const other = await createTestServer();
    await runJhtNoticeJobs(other.db, other.clock.now());
    other.db
      .update(members)
      .set({ birthDate: '1970-01-01' })
      .where(eq(members.id, sitiId(other)))
      .run();
    expect(dueOn(other, sitiId(other))).toBe('0000-01-01');
    await runJhtNoticeJobs(other.db, other.clock.now());
    expect(statusNoticesTo(other, SITI)).toHaveLength(1);
    expect(statusNoticesTo(other, SITI)[0]?.body).toContain('56');
  });

  it('resumes the missing-month scan where a stopped server left it, and reads a finished month no more', async () => {
    const server = await createTestServer();
    const ids = server.db
      .select({ id: participations.id, kpj: participations.kpj })
      .from(participations)
      .orderBy(participations.id)
      .all();
    const dewi = ids.find((p) => p.kpj === '19044444444');
    // A scan of 2026-10 stopped after Dewi's participation (the position it had recorded).
    server.db
      .insert(missingContributionScans)
      .values({ period: '2026-10', afterParticipationId: dewi?.id ?? 0 })
      .run();
    const resumed = await runJhtNoticeJobs(server.db, server.clock.now());
    expect(resumed.missing.scanned).toBe((ids.at(-1)?.id ?? 0) - (dewi?.id ?? 0));
    expect(resumed.missing.finished).toBe(true);
    const again = await runJhtNoticeJobs(server.db, server.clock.now());
    expect(again.missing).toMatchObject({ scanned: 0, finished: true });
  });

  it('records the status it told, and leaves a flag in status_reason (NIK needs correction) alone', async () => {
    const server = await createTestServer();
    const siti = server.db.select().from(members).where(eq(members.nik, SITI_NIK)).get();
    server.db
      .update(members)
      .set({ statusReason: 'NIK perlu dikoreksi / NIK needs correction' })
      .where(eq(members.id, siti?.id ?? 0))
      .run();
    await runJhtNoticeJobs(server.db, server.clock.now());
    moveTo(server, '2027-02-01');
    await runJhtNoticeJobs(server.db, server.clock.now());
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
    await runJhtNoticeJobs(server.db, server.clock.now());
    expect(templatesTo(server, SITI)).not.toContain('contribution_credited');
    // Budi's email is not verified: his notices go to his verified phone only.
    expect(templatesTo(server, 'budi.santoso@example.com')).toEqual([]);
  });

  it('delivers one notice of each kind over real SMTP: credited, missing, status, claim', async () => {
    const server = await createTestServer();
    const smtp = await startSmtpServer();
    closers.push(smtp.close);
    await runJhtNoticeJobs(server.db, server.clock.now());
    // Three months later, nothing more paid for Siti: January is missing and she is non-aktif.
    moveTo(server, '2027-02-16');
    await runJhtNoticeJobs(server.db, server.clock.now());
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
        'Iuran bulan 2027-01 belum dibayarkan pemberi kerja',
        'Status kepesertaan Anda kini NON-AKTIF',
      ]),
    );
    expect(subjects(DEWI)).toEqual(
      expect.arrayContaining([
        'Iuran bulan 2026-10 belum dibayarkan pemberi kerja',
        'Iuran bulan 2027-01 belum dibayarkan pemberi kerja',
      ]),
    );
    expect(subjects(AGUS)).toEqual(
      expect.arrayContaining([`Klaim JHT ${claim.id}: diajukan`, `Klaim JHT ${claim.id}: sedang diverifikasi`]),
    );
    const credited = mails.find((m) => m.mail.subject?.startsWith('Iuran JHT bulan'));
    expect(credited?.mail.text).toContain('telah dibayarkan pemberi kerja');
  });
});
