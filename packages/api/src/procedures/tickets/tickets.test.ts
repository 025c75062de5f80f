import { eq } from 'drizzle-orm';
import { simpleParser } from 'mailparser';
import { createTransport } from 'nodemailer';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { auditLog, staffUsers, supportTickets } from '../../db/schema.js';
import { startInboundMail } from '../../inbound-mail/listener.js';
import { storeInboundMail } from '../../inbound-mail/store-mail.js';
import { createDevAdapter } from '../../notifications/dev-adapter.js';
import { OutboxSender } from '../../notifications/sender.js';
import { createSmtpAdapter } from '../../notifications/smtp-adapter.js';
import { createStaffToken } from '../../repositories/session-repository.js';
import { latestMessage, messagesTo } from '../../test-support/outbox.js';
import { startSmtpServer } from '../../test-support/smtp-server.js';
import { loginStaffWithTotp } from '../../test-support/staff-login.js';
import { createTestServer, dataOf, type TestServer } from '../../test-support/test-server.js';

const SITI_EMAIL = 'siti.rahayu@example.com';
const SITI_TEXT = [
  'Selamat pagi,',
  'saya tidak bisa masuk ke akun dan lupa email yang terdaftar.',
  'Nama lengkap: Siti Rahayu',
  'KPJ: 19011111111',
  'NIK: 3273015708900001',
  'HP: 0812-3456-7890',
].join('\n');

const cleanups: (() => unknown)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

let server: TestServer;
let agent: string;

/** A customer-service agent, straight into the database: these tests are about tickets, not login. */
function addCustomerServiceAgent(test: TestServer): string {
  const now = test.clock.now();
  const { id } = test.db
    .insert(staffUsers)
    .values({
      username: 'rina.cs',
      fullName: 'Rina CS',
      role: 'customer_service_agent',
      passwordHash: 'not-used',
      totpEnrolledAt: now.toISOString(),
      createdAt: now.toISOString(),
    })
    .returning({ id: staffUsers.id })
    .get();
  return createStaffToken(test.db, id, now).token;
}

/** The server's inbound listener and a mail client that sends to it over real SMTP. */
async function mailbox(test: TestServer) {
  const listener = await startInboundMail({
    db: test.db,
    clock: test.clock,
    port: 0,
    host: '127.0.0.1',
    maxBytes: 1024 * 1024,
  });
  cleanups.push(listener.close);
  const transport = createTransport({ host: '127.0.0.1', port: listener.port, secure: false, ignoreTLS: true });
  cleanups.push(() => transport.close());
  return async (mail: { from: string; subject?: string; text: string }): Promise<string> => {
    const info = await transport.sendMail({ to: 'cs@pulih.test', subject: 'Lupa email akun', ...mail });
    const row = test.db.select().from(supportTickets).where(eq(supportTickets.messageId, info.messageId)).get();
    if (!row) throw new Error('no ticket for the mail just sent');
    return row.id;
  };
}

beforeEach(async () => {
  server = await createTestServer();
  agent = addCustomerServiceAgent(server);
});

const query = async <T>(path: string, input: unknown, bearer = agent) =>
  dataOf<T>(await server.call(path, input, { method: 'GET', bearer }));
const mutate = async <T>(path: string, input: unknown, bearer = agent) =>
  dataOf<T>(await server.call(path, input, { bearer }));

describe('tickets', () => {
  it('lists the queue oldest first with senders masked, and counts unreadable mail', async () => {
    const send = await mailbox(server);
    const first = await send({ from: SITI_EMAIL, text: SITI_TEXT });
    server.clock.advance(60_000);
    const second = await send({ from: 'andi.wijaya@gmail.com', subject: 'Saldo JHT', text: 'Berapa saldo saya?' });
    const listed = await query<{ tickets: { ticketId: string; fromMasked: string }[]; rejectsCount: number }>(
      'tickets.list',
      { status: 'open' },
    );
    expect(listed.tickets.map((t) => t.ticketId)).toEqual([first, second]);
    expect(listed.tickets.map((t) => t.fromMasked)).toEqual(['s***u@example.com', 'a***a@gmail.com']);
    expect(listed.rejectsCount).toBe(0);
    await storeInboundMail(server.db, Buffer.from('not a mail at all'), server.clock.now());
    expect((await query<{ rejectsCount: number }>('tickets.list', { status: 'all' })).rejectsCount).toBe(1);
    await mutate('tickets.close', { ticketId: first });
    const open = await query<{ tickets: { ticketId: string }[] }>('tickets.list', {});
    expect(open.tickets.map((t) => t.ticketId)).toEqual([second]);
  });

  it('shows the mail with the NIK masked and picks out KPJ, NIK, phone and name', async () => {
    const ticketId = await (await mailbox(server))({ from: SITI_EMAIL, text: SITI_TEXT });
    const shown = await query<{ body: string; from: string; hints: unknown }>('tickets.show', { ticketId });
    expect(shown.from).toBe(SITI_EMAIL);
    expect(shown.body).toContain('NIK: 3273********0001');
    expect(shown.body).not.toContain('3273015708900001');
    expect(shown.hints).toEqual({
      kpjNumbers: ['19011111111'],
      nikMasked: ['3273********0001'],
      phonesMasked: ['0812-****-**90'],
      fullName: 'Siti Rahayu',
    });
  });

  it('verifies a mail Siti wrote from her registered address: every fact matches, booleans only', async () => {
    const ticketId = await (await mailbox(server))({ from: SITI_EMAIL, text: SITI_TEXT });
    const reply = await server.call('tickets.verify', { ticketId }, { method: 'GET', bearer: agent });
    expect(dataOf(reply)).toEqual({
      memberFound: true,
      kpjMatches: true,
      nameMatches: true,
      phoneMatches: true,
      senderIsRegisteredEmail: true,
      replyDestination: 'registered_email',
    });
    expect(reply.text).not.toMatch(/SITI RAHAYU|\+62812|3273015708900001/);
    const audit = server.db.select().from(auditLog).where(eq(auditLog.action, 'support.ticket_verified')).get();
    expect(audit?.memberId).not.toBeNull();
    expect(audit?.detail).not.toMatch(/siti|0812|3273/i);
  });

  it('reports each wrong fact, and an unknown KPJ as no member', async () => {
    const send = await mailbox(server);
    const wrong = await send({
      from: 'orang.lain@gmail.com',
      text: 'Nama: Siti Rahayuningsih\nKPJ 19011111111\nHP 0813 1111 2222',
    });
    expect(await query('tickets.verify', { ticketId: wrong })).toEqual({
      memberFound: true,
      kpjMatches: true,
      nameMatches: false,
      phoneMatches: false,
      senderIsRegisteredEmail: false,
      replyDestination: 'sender_neutral',
    });
    const unknown = await send({ from: 'orang.lain@gmail.com', text: 'Nama: Siti Rahayu\nKPJ 19012121212' });
    expect(await query('tickets.verify', { ticketId: unknown })).toMatchObject({
      memberFound: false,
      kpjMatches: false,
      replyDestination: 'sender_neutral',
    });
  });

  it('replies to Siti at her registered email, marks the ticket answered and audits the reason', async () => {
    const ticketId = await (await mailbox(server))({ from: SITI_EMAIL, text: SITI_TEXT });
    const sent = await mutate('tickets.reply', {
      ticketId,
      message: 'Email terdaftar Anda: s***u@example.com. Silakan gunakan Lupa password.',
      reason: 'peserta lupa email terdaftar',
    });
    expect(sent).toEqual({
      sentTo: 'registered_email',
      maskedDestination: 's***u@example.com',
      neutralToSender: false,
    });
    const message = latestMessage(server.db, SITI_EMAIL, 'support_reply');
    expect(message?.subject).toBe('Balasan layanan pelanggan BPJS Ketenagakerjaan');
    expect(message?.body).toContain('Email terdaftar Anda: s***u@example.com.');
    expect(message?.body).toContain('Yth. Bapak/Ibu SITI RAHAYU,');
    const ticket = server.db.select().from(supportTickets).where(eq(supportTickets.id, ticketId)).get();
    expect(ticket?.status).toBe('answered');
    const audit = server.db.select().from(auditLog).where(eq(auditLog.action, 'support.ticket_replied')).get();
    expect(JSON.parse(audit?.detail ?? '{}')).toMatchObject({
      sentTo: 'registered_email',
      reason: 'peserta lupa email terdaftar',
    });
  });

  it('answers the same mail from another address only with the neutral reply, and sends Siti nothing', async () => {
    const ticketId = await (await mailbox(server))({ from: 'Penipu <Penipu.Akun@Gmail.com>', text: SITI_TEXT });
    const before = messagesTo(server.db, SITI_EMAIL).length;
    const sent = await mutate('tickets.reply', {
      ticketId,
      message: 'Email terdaftar Anda: s***u@example.com.',
      reason: 'pertanyaan akun',
    });
    expect(sent).toEqual({ sentTo: 'sender_neutral', maskedDestination: 'p***n@gmail.com', neutralToSender: true });
    const neutral = latestMessage(server.db, 'penipu.akun@gmail.com');
    expect(neutral?.template).toBe('support_neutral_reply');
    expect(neutral?.body).toContain('Lupa akun');
    expect(neutral?.body).toContain('175');
    expect(neutral?.body).not.toMatch(/s\*\*\*u|SITI|RAHAYU|0812/);
    expect(messagesTo(server.db, SITI_EMAIL)).toHaveLength(before);
    expect(messagesTo(server.db, '+6281234567890')).toHaveLength(0);
  });

  it('refuses a reply that holds a full NIK or phone number, a closed ticket and an unknown id', async () => {
    const ticketId = await (await mailbox(server))({ from: SITI_EMAIL, text: SITI_TEXT });
    const nik = await server.call(
      'tickets.reply',
      { ticketId, message: 'NIK Anda 3273015708900001', reason: 'x' },
      { bearer: agent },
    );
    expect(nik.json.error?.data.appCode).toBe('INVALID_INPUT');
    expect(nik.json.error?.message).toMatch(/masked data only/);
    const phone = await server.call(
      'tickets.reply',
      { ticketId, message: 'HP Anda 0812-3456-7890', reason: 'x' },
      { bearer: agent },
    );
    expect(phone.json.error?.data.appCode).toBe('INVALID_INPUT');
    await mutate('tickets.close', { ticketId });
    const closed = await server.call('tickets.reply', { ticketId, message: 'Halo', reason: 'x' }, { bearer: agent });
    expect(closed.json.error?.data.appCode).toBe('CONFLICT');
    const unknown = await server.call('tickets.show', { ticketId: 'nope' }, { method: 'GET', bearer: agent });
    expect(unknown.status).toBe(404);
    expect(unknown.json.error?.data.appCode).toBe('TICKET_NOT_FOUND');
    expect(messagesTo(server.db, SITI_EMAIL).filter((m) => m.template === 'support_reply')).toHaveLength(0);
  });

  it('lets a supervisor work the queue too', async () => {
    const ticketId = await (await mailbox(server))({ from: SITI_EMAIL, text: SITI_TEXT });
    const supervisor = await loginStaffWithTotp(server, 'demo.supervisor');
    expect(await query('tickets.verify', { ticketId }, supervisor)).toMatchObject({ senderIsRegisteredEmail: true });
  });
});

/** A real SMTP server acting as the members' mail provider. */
const startMemberMailbox = () => startSmtpServer();

describe('customer-service email, end to end', () => {
  it('turns a real SMTP message into a ticket whose reply lands in the registered mailbox', async () => {
    const send = await mailbox(server);
    const ticketId = await send({ from: 'Siti Rahayu <siti.rahayu@example.com>', text: SITI_TEXT });

    const sent = await mutate<{ sentTo: string }>('tickets.reply', {
      ticketId,
      message: 'Email terdaftar Anda: s***u@example.com.\nSilakan masuk kembali dengan email tersebut.',
      reason: 'peserta lupa email terdaftar',
    });
    expect(sent.sentTo).toBe('registered_email');

    const memberMailbox = await startMemberMailbox();
    cleanups.push(memberMailbox.close);
    const adapter = createSmtpAdapter({
      url: memberMailbox.url,
      from: 'Pulih BPJS Ketenagakerjaan <no-reply@pulih.test>',
    });
    cleanups.push(() => adapter.close());
    const sender = new OutboxSender({
      db: server.db,
      adapters: { email: adapter, sms: createDevAdapter() },
      clock: server.clock,
    });
    const outcome = await sender.runOnce();
    expect(outcome.failed).toBe(0);

    const delivery = memberMailbox.received.find((r) => r.rcptTo.includes(SITI_EMAIL));
    expect(delivery).toBeDefined();
    const mail = await simpleParser(delivery?.raw ?? Buffer.alloc(0));
    expect(mail.subject).toBe('Balasan layanan pelanggan BPJS Ketenagakerjaan');
    expect(mail.text).toContain(
      'Email terdaftar Anda: s***u@example.com.\nSilakan masuk kembali dengan email tersebut.',
    );
    expect(mail.text).not.toContain('3273015708900001');
  });
});
