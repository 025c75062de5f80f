import { simpleParser } from 'mailparser';
import { afterEach, describe, expect, it } from 'vitest';
import type { Clock } from '../clock.js';
import { openDatabase } from '../db/database.js';
import { outbox } from '../db/schema.js';
import { startSmtpServer } from '../test-support/smtp-server.js';
import { createDevAdapter } from './dev-adapter.js';
import { enqueueNotice } from './outbox.js';
import { OutboxSender } from './sender.js';
import { createSmtpAdapter } from './smtp-adapter.js';

const manualClock = (start: string) => {
  let now = new Date(start);
  const clock: Clock & { advance(ms: number): void } = {
    now: () => new Date(now),
    advance: (ms) => {
      now = new Date(now.getTime() + ms);
    },
  };
  return clock;
};

const cleanups: (() => unknown)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

async function setUp(rejectRecipients = 0) {
  const smtp = await startSmtpServer(rejectRecipients);
  cleanups.push(smtp.close);
  const opened = openDatabase(':memory:');
  cleanups.push(opened.close);
  const clock = manualClock('2026-11-24T08:00:00.000Z');
  const adapter = createSmtpAdapter({ url: smtp.url, from: 'Pulih BPJS Ketenagakerjaan <no-reply@pulih.test>' });
  cleanups.push(() => adapter.close());
  const sender = new OutboxSender({
    db: opened.db,
    adapters: { email: adapter, sms: createDevAdapter() },
    clock,
    baseBackoffMs: 60_000,
  });
  const id = enqueueNotice(
    opened.db,
    {
      channel: 'email',
      recipient: 'siti.rahayu@example.com',
      template: 'password_reset',
      locale: 'id',
      data: {
        fullName: 'Siti Rahayu',
        code: '482913',
        link: 'https://pulih.test/lupa-password?token=abc',
        linkExpiresMinutes: 30,
        codeExpiresMinutes: 10,
      },
      memberId: 7,
    },
    clock.now(),
  );
  return { smtp, db: opened.db, clock, sender, id };
}

describe('smtp adapter through the outbox sender', () => {
  it('delivers an enqueued notice to a real SMTP server with its subject, code and Message-ID <id@pulih>', async () => {
    const { smtp, db, sender, id } = await setUp();

    expect(await sender.runOnce()).toEqual({ sent: 1, failed: 0 });

    expect(smtp.received).toHaveLength(1);
    const [delivery] = smtp.received;
    expect(delivery?.rcptTo).toEqual(['siti.rahayu@example.com']);
    const mail = await simpleParser(delivery?.raw ?? Buffer.alloc(0));
    expect(mail.to && !Array.isArray(mail.to) ? mail.to.text : '').toBe('siti.rahayu@example.com');
    expect(mail.from?.text).toContain('no-reply@pulih.test');
    expect(mail.subject).toBe('Atur ulang kata sandi akun Pulih');
    expect(mail.text).toContain('Kode: 482913');
    expect(mail.text).toContain('Yth. Bapak/Ibu Siti Rahayu,');
    expect(mail.messageId).toBe(`<${id}@pulih>`);
    expect(db.select().from(outbox).get()?.sentAt).toBe('2026-11-24T08:00:00.000Z');
  });

  it('retries a rejected message after the backoff and delivers it with the same Message-ID', async () => {
    const { smtp, db, clock, sender, id } = await setUp(1);

    expect(await sender.runOnce()).toEqual({ sent: 0, failed: 1 });
    const failed = db.select().from(outbox).get();
    expect(failed).toMatchObject({ sentAt: null, attempts: 1, nextAttemptAt: '2026-11-24T08:01:00.000Z' });
    expect(failed?.lastError).toMatch(/450/);
    expect(failed?.lastError).not.toContain('482913');
    expect(smtp.received).toHaveLength(0);

    // Not before the backoff is over.
    clock.advance(59_999);
    expect(await sender.runOnce()).toEqual({ sent: 0, failed: 0 });

    clock.advance(1);
    expect(await sender.runOnce()).toEqual({ sent: 1, failed: 0 });
    expect(smtp.received).toHaveLength(1);
    const mail = await simpleParser(smtp.received[0]?.raw ?? Buffer.alloc(0));
    expect(mail.messageId).toBe(`<${id}@pulih>`);
    expect(mail.text).toContain('482913');
    expect(db.select().from(outbox).get()).toMatchObject({ sentAt: '2026-11-24T08:01:00.000Z', attempts: 1 });
  });
});
