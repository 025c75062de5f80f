import { connect } from 'node:net';
import { createTransport } from 'nodemailer';
import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase } from '../db/database.js';
import { auditLog, inboundMailRejects, supportTickets } from '../db/schema.js';
import { ManualClock } from '../test-support/test-server.js';
import { startInboundMail } from './listener.js';
import { MAX_BODY_CHARS } from './store-mail.js';

const cleanups: (() => unknown)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

async function setUp(options: { maxBytes?: number; sessionLimitMs?: number } = {}) {
  const opened = openDatabase(':memory:');
  cleanups.push(opened.close);
  const listener = await startInboundMail({
    db: opened.db,
    clock: new ManualClock(),
    port: 0,
    host: '127.0.0.1',
    maxBytes: options.maxBytes ?? 1024 * 1024,
    ...(options.sessionLimitMs ? { sessionLimitMs: options.sessionLimitMs } : {}),
  });
  cleanups.push(listener.close);
  const transport = createTransport({ host: '127.0.0.1', port: listener.port, secure: false, ignoreTLS: true });
  cleanups.push(() => transport.close());
  const tickets = () => opened.db.select().from(supportTickets).all();
  const rejects = () => opened.db.select().from(inboundMailRejects).all();
  const audits = () => opened.db.select().from(auditLog).all();
  return { db: opened.db, listener, transport, tickets, rejects, audits };
}

/** Talks SMTP by hand, as a broken or hostile client would; resolves with everything the server said. */
function rawSmtp(port: number, lines: string[]): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1');
    let said = '';
    let step = 0;
    socket.on('data', (chunk) => {
      said += chunk.toString();
      // Send the next line after each reply (every reply ends with "NNN text\r\n").
      if (/^\d{3} [^\r\n]*\r\n$/m.test(said.split(/\r\n(?=\d{3}[ -])/).pop() ?? '') && step < lines.length) {
        socket.write(`${lines[step]}\r\n`);
        step += 1;
      }
    });
    socket.on('close', () => resolve(said));
    socket.on('error', reject);
  });
}

const SITI_MAIL = {
  from: 'Siti Rahayu <Siti.Rahayu@Example.com>',
  to: 'cs@pulih.test',
  subject: 'Lupa email akun',
  text: 'Nama: SITI RAHAYU\nKPJ: 19011111111\nHP: 0812-3456-7890\nSaya lupa email yang terdaftar.',
};

describe('inbound customer-service mail over real SMTP', () => {
  it('turns a normal mail into an open ticket with the sender lower-cased, and audits it without the body', async () => {
    const { transport, tickets, audits } = await setUp();
    const info = await transport.sendMail(SITI_MAIL);
    expect(info.accepted).toEqual(['cs@pulih.test']);
    expect(info.response).toMatch(/^250 /);
    const [ticket, ...more] = tickets();
    expect(more).toHaveLength(0);
    expect(ticket).toMatchObject({
      fromAddress: 'siti.rahayu@example.com',
      subject: 'Lupa email akun',
      status: 'open',
      attachmentCount: 0,
      messageId: info.messageId,
      receivedAt: '2026-11-24T08:00:00.000Z',
    });
    expect(ticket?.body).toContain('KPJ: 19011111111');
    const audit = audits().find((row) => row.action === 'support.mail_received');
    expect(audit).toMatchObject({ actorKind: 'anonymous', channel: 'system' });
    expect(JSON.parse(audit?.detail ?? '{}')).toMatchObject({ ticketId: ticket?.id, duplicate: false });
    expect(audit?.detail).not.toMatch(/19011111111|lupa/i);
  });

  it('makes one ticket of a mail resent with the same Message-ID', async () => {
    const { transport, tickets, audits } = await setUp();
    const messageId = '<resent-1@mail.example.com>';
    await transport.sendMail({ ...SITI_MAIL, messageId });
    await transport.sendMail({ ...SITI_MAIL, messageId, subject: 'Lupa email akun (kirim ulang)' });
    expect(tickets()).toHaveLength(1);
    expect(tickets()[0]?.subject).toBe('Lupa email akun');
    const received = audits().filter((row) => row.action === 'support.mail_received');
    expect(received.map((row) => JSON.parse(row.detail).duplicate)).toEqual([false, true]);
  });

  it('keeps the text of an HTML-only mail', async () => {
    const { transport, tickets } = await setUp();
    await transport.sendMail({
      from: 'budi@example.com',
      to: 'cs@pulih.test',
      subject: 'HTML saja',
      html: '<p>Nama lengkap: <b>Budi Santoso</b></p><p>KPJ 19033333333</p><script>alert(1)</script>',
    });
    const body = tickets()[0]?.body ?? '';
    expect(body).toContain('Nama lengkap: Budi Santoso');
    expect(body).toContain('KPJ 19033333333');
    expect(body).not.toMatch(/<p>|<b>|alert/);
  });

  it('counts attachments and stores none of them', async () => {
    const { transport, tickets, db } = await setUp();
    await transport.sendMail({
      ...SITI_MAIL,
      attachments: [
        { filename: 'ktp.jpg', content: Buffer.from('FAKE-KTP-IMAGE-BYTES') },
        { filename: 'kartu-kpj.pdf', content: Buffer.from('FAKE-KPJ-CARD-PDF') },
      ],
    });
    const [ticket] = tickets();
    expect(ticket?.attachmentCount).toBe(2);
    expect(ticket?.body).not.toMatch(/FAKE-|ktp\.jpg/);
    const dump = JSON.stringify(db.select().from(supportTickets).all());
    expect(dump).not.toMatch(/FAKE-KTP|RkFLRS1LVFA/);
  });

  it('cuts a very long body with a visible marker', async () => {
    const { transport, tickets } = await setUp();
    await transport.sendMail({ ...SITI_MAIL, text: 'a'.repeat(MAX_BODY_CHARS + 5_000) });
    const body = tickets()[0]?.body ?? '';
    expect(body.length).toBeLessThan(MAX_BODY_CHARS + 100);
    expect(body).toMatch(/\[… dipotong \/ truncated: 5000 more characters\]$/);
  });

  it('refuses an oversized mail with 552 and stores nothing', async () => {
    const { transport, tickets, rejects } = await setUp({ maxBytes: 2048 });
    const sending = transport.sendMail({ ...SITI_MAIL, text: 'x'.repeat(10_000) });
    await expect(sending).rejects.toMatchObject({ responseCode: 552 });
    expect(tickets()).toHaveLength(0);
    expect(rejects()).toHaveLength(0);
  });

  it('refuses an oversized mail even when the client does not announce its size', async () => {
    const { listener, tickets, rejects } = await setUp({ maxBytes: 2048 });
    const said = await rawSmtp(listener.port, [
      'HELO client.example',
      'MAIL FROM:<a@example.com>',
      'RCPT TO:<cs@pulih.test>',
      'DATA',
      `From: a@example.com\r\nSubject: besar\r\n\r\n${'y'.repeat(5_000)}\r\n.`,
      'QUIT',
    ]);
    expect(said).toMatch(/^552 /m);
    expect(tickets()).toHaveLength(0);
    expect(rejects()).toHaveLength(0);
  });

  it('keeps a garbage message aside as a reject with its reason, and still answers 250', async () => {
    const { listener, tickets, rejects, audits } = await setUp();
    const said = await rawSmtp(listener.port, [
      'HELO client.example',
      'MAIL FROM:<>',
      'RCPT TO:<cs@pulih.test>',
      'DATA',
      'this is not an email at all\r\njust some bytes \u0001\u0002\r\n.',
      'QUIT',
    ]);
    expect(said).toMatch(/^250 Diterima/m);
    expect(tickets()).toHaveLength(0);
    const [reject] = rejects();
    expect(reject?.reason).toMatch(/^no_sender/);
    expect(reject?.rawHead).toContain('this is not an email at all');
    expect(reject?.sizeBytes).toBeGreaterThan(20);
    const audit = audits().find((row) => row.action === 'support.mail_rejected');
    expect(JSON.parse(audit?.detail ?? '{}')).toMatchObject({ rejectId: reject?.id, reason: 'no_sender' });
  });

  it('cuts off a client that stays connected past the session limit, however slowly it talks', async () => {
    const { listener } = await setUp({ sessionLimitMs: 300 });
    const started = Date.now();
    await new Promise<void>((resolve) => {
      const socket = connect(listener.port, '127.0.0.1');
      const drip = setInterval(() => socket.write('N'), 50);
      socket.on('close', () => {
        clearInterval(drip);
        resolve();
      });
      socket.on('error', () => {});
    });
    expect(Date.now() - started).toBeLessThan(5_000);
  });
});
