import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { eq } from 'drizzle-orm';
import { afterEach, describe, expect, it } from 'vitest';
import type { Clock } from '../clock.js';
import { type Db, openDatabase } from '../db/database.js';
import { outbox } from '../db/schema.js';
import { enqueueNotice } from './outbox.js';
import { backoffMs, type DeliveryAdapter, type OutboxMessage, OutboxSender } from './sender.js';

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

/** An in-process channel that records what it was given and fails when told to. */
const recordingAdapter = (
  options: { fail?: (message: OutboxMessage) => Error | null; delayMs?: () => number } = {},
) => {
  const delivered: string[] = [];
  const adapter: DeliveryAdapter & { delivered: string[] } = {
    delivered,
    async deliver(message) {
      const delay = options.delayMs?.() ?? 0;
      if (delay > 0) await new Promise((resolve) => setTimeout(resolve, delay));
      const error = options.fail?.(message) ?? null;
      if (error) throw error;
      delivered.push(message.id);
    },
  };
  return adapter;
};

const cleanups: (() => unknown)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

function memoryDb(): Db {
  const opened = openDatabase(':memory:');
  cleanups.push(opened.close);
  return opened.db;
}

const enqueueCode = (db: Db, now: Date, recipient = 'siti.rahayu@example.com'): string =>
  enqueueNotice(
    db,
    {
      channel: 'email',
      recipient,
      template: 'email_verification_code',
      locale: 'id',
      data: { fullName: 'Siti Rahayu', code: '551234', link: 'https://pulih.test/v?t=x', expiresMinutes: 15 },
      memberId: 1,
    },
    now,
  );

const rowOf = (db: Db, id: string) => db.select().from(outbox).where(eq(outbox.id, id)).get();

describe('OutboxSender', () => {
  it('doubles the wait after each failure, capped, and records only the first line of the error, cut to 200 characters', async () => {
    const db = memoryDb();
    const clock = manualClock('2026-11-24T08:00:00.000Z');
    const id = enqueueCode(db, clock.now());
    const email = recordingAdapter({ fail: () => new Error(`${'x'.repeat(300)}\nsecond line with the body 551234`) });
    const sender = new OutboxSender({
      db,
      adapters: { email, sms: recordingAdapter() },
      clock,
      baseBackoffMs: 1_000,
      maxBackoffMs: 5_000,
      maxAttempts: 100,
    });

    const waits: number[] = [];
    for (let i = 0; i < 5; i += 1) {
      expect(await sender.runOnce()).toEqual({ sent: 0, failed: 1 });
      const row = rowOf(db, id);
      waits.push(Date.parse(row?.nextAttemptAt ?? '') - clock.now().getTime());
      clock.advance(waits.at(-1) ?? 0);
    }

    expect(waits).toEqual([1_000, 2_000, 4_000, 5_000, 5_000]);
    const row = rowOf(db, id);
    expect(row?.attempts).toBe(5);
    expect(row?.lastError).toBe('x'.repeat(200));
    expect(row?.sentAt).toBeNull();
  });

  it('stops retrying after maxAttempts but keeps the message and lists it as stuck', async () => {
    const db = memoryDb();
    const clock = manualClock('2026-11-24T08:00:00.000Z');
    const id = enqueueCode(db, clock.now());
    const email = recordingAdapter({ fail: () => new Error('550 mailbox does not exist') });
    const sender = new OutboxSender({ db, adapters: { email, sms: recordingAdapter() }, clock, maxAttempts: 3 });

    for (let i = 0; i < 3; i += 1) {
      expect(await sender.runOnce()).toEqual({ sent: 0, failed: 1 });
      clock.advance(2 * 60 * 60_000);
    }
    expect(await sender.runOnce()).toEqual({ sent: 0, failed: 0 });

    expect(rowOf(db, id)).toMatchObject({ attempts: 3, sentAt: null });
    expect(sender.stuck()).toEqual([
      {
        id,
        channel: 'email',
        template: 'email_verification_code',
        memberId: 1,
        createdAt: '2026-11-24T08:00:00.000Z',
        attempts: 3,
        lastError: '550 mailbox does not exist',
      },
    ]);
  });

  it('leaves a claimed message alone until its lease runs out, then delivers it again (a sender died mid-delivery)', async () => {
    const db = memoryDb();
    const clock = manualClock('2026-11-24T08:00:00.000Z');
    const id = enqueueCode(db, clock.now());
    // The dead sender's claim, exactly as runOnce writes it.
    db.update(outbox).set({ nextAttemptAt: '2026-11-24T08:05:00.000Z' }).where(eq(outbox.id, id)).run();
    const email = recordingAdapter();
    const sender = new OutboxSender({ db, adapters: { email, sms: recordingAdapter() }, clock, leaseMs: 300_000 });

    expect(await sender.runOnce()).toEqual({ sent: 0, failed: 0 });
    clock.advance(300_000);
    expect(await sender.runOnce()).toEqual({ sent: 1, failed: 0 });
    expect(email.delivered).toEqual([id]);
  });

  it('sends each message once when two senders on two connections to the same file run at the same time', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'pulih-outbox-')), 'pulih.sqlite');
    const first = openDatabase(file);
    cleanups.push(first.close);
    const second = openDatabase(file);
    cleanups.push(second.close);
    const clock = manualClock('2026-11-24T08:00:00.000Z');
    const ids = Array.from({ length: 30 }, (_, i) => enqueueCode(first.db, clock.now(), `member${i}@example.com`));
    const randomDelay = () => Math.floor(Math.random() * 4);
    const emailA = recordingAdapter({ delayMs: randomDelay });
    const emailB = recordingAdapter({ delayMs: randomDelay });
    const senderA = new OutboxSender({ db: first.db, adapters: { email: emailA, sms: recordingAdapter() }, clock });
    const senderB = new OutboxSender({ db: second.db, adapters: { email: emailB, sms: recordingAdapter() }, clock });

    const [a, b] = await Promise.all([senderA.runOnce(), senderB.runOnce()]);

    expect(a.sent + b.sent).toBe(30);
    expect(emailA.delivered.length).toBeGreaterThan(0);
    expect(emailB.delivered.length).toBeGreaterThan(0);
    expect([...emailA.delivered, ...emailB.delivered].sort()).toEqual([...ids].sort());
    const unsent = first.db
      .select()
      .from(outbox)
      .all()
      .filter((row) => row.sentAt === null);
    expect(unsent).toEqual([]);
  });

  it('routes each message to the adapter of its channel', async () => {
    const db = memoryDb();
    const clock = manualClock('2026-11-24T08:00:00.000Z');
    const emailId = enqueueCode(db, clock.now());
    const smsId = enqueueNotice(
      db,
      {
        channel: 'sms',
        recipient: '+6281234567890',
        template: 'password_changed_notice',
        locale: 'id',
        data: { fullName: 'Siti Rahayu', channelLabel: 'web' },
        memberId: 1,
      },
      clock.now(),
    );
    const email = recordingAdapter();
    const sms = recordingAdapter();
    await new OutboxSender({ db, adapters: { email, sms }, clock }).runOnce();
    expect(email.delivered).toEqual([emailId]);
    expect(sms.delivered).toEqual([smsId]);
  });

  it('sends in the background once started and waits for the run in progress when stopped', async () => {
    const db = memoryDb();
    const clock = manualClock('2026-11-24T08:00:00.000Z');
    const id = enqueueCode(db, clock.now());
    const email = recordingAdapter({ delayMs: () => 20 });
    const sender = new OutboxSender({ db, adapters: { email, sms: recordingAdapter() }, clock });

    sender.start(10);
    await sender.stop();

    // stop() returned only after the in-flight delivery was recorded.
    expect(email.delivered).toEqual([id]);
    expect(rowOf(db, id)?.sentAt).toBe('2026-11-24T08:00:00.000Z');
    // And nothing runs any more.
    enqueueCode(db, clock.now());
    await new Promise((resolve) => setTimeout(resolve, 40));
    expect(email.delivered).toHaveLength(1);
  });
});

describe('backoffMs', () => {
  it('is the base after the first failure, doubles, and never exceeds the cap', () => {
    expect([1, 2, 3, 4].map((n) => backoffMs(n, 30_000, 3_600_000))).toEqual([30_000, 60_000, 120_000, 240_000]);
    expect(backoffMs(1_000, 30_000, 3_600_000)).toBe(3_600_000);
  });
});
