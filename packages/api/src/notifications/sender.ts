import { and, asc, eq, gte, isNull, lt, lte, or, sql } from 'drizzle-orm';
import type { Clock } from '../clock.js';
import type { Db } from '../db/database.js';
import { outbox } from '../db/schema.js';

export type OutboxMessage = typeof outbox.$inferSelect;

/** One way out (SMTP, SMS gateway, dev mailbox). Throws on failure; the sender retries. */
export interface DeliveryAdapter {
  deliver(message: OutboxMessage): Promise<void>;
}

export interface OutboxSenderOptions {
  readonly db: Db;
  readonly adapters: { readonly email: DeliveryAdapter; readonly sms: DeliveryAdapter };
  readonly clock: Clock;
  /** Messages looked at per run. */
  readonly batchSize?: number;
  /** Failed deliveries after which a message is left for a person to look at (see `stuck()`). */
  readonly maxAttempts?: number;
  /** Wait after the first failure; doubles with every further failure. */
  readonly baseBackoffMs?: number;
  /** Longest wait between two tries. */
  readonly maxBackoffMs?: number;
  /**
   * How long a claimed message is hidden from other senders. Longer than any single delivery
   * (the adapters time out well within it); a sender that dies mid-delivery only delays the
   * message by this much.
   */
  readonly leaseMs?: number;
  /** Where errors of a background run go (the database being unavailable, for example). */
  readonly onError?: (error: unknown) => void;
}

/** A message the sender gave up on; holds no body and no recipient, so it can be shown to operators. */
export interface StuckNotice {
  readonly id: string;
  readonly channel: 'email' | 'sms';
  readonly template: string;
  readonly memberId: number | null;
  readonly createdAt: string;
  readonly attempts: number;
  readonly lastError: string | null;
}

export const OUTBOX_DEFAULTS = {
  batchSize: 50,
  maxAttempts: 10,
  baseBackoffMs: 30_000,
  maxBackoffMs: 60 * 60_000,
  leaseMs: 5 * 60_000,
  intervalMs: 5_000,
} as const;

const LAST_ERROR_MAX = 200;

/**
 * Only the first line, cut short: adapters' errors can run long, and a full error could echo
 * the message back. The message body is never put here.
 */
export function describeDeliveryError(error: unknown): string {
  const text = error instanceof Error ? error.message : String(error);
  const firstLine = (text.split(/\r?\n/, 1)[0] ?? '').trim();
  return (firstLine || 'unknown delivery error').slice(0, LAST_ERROR_MAX);
}

/** Wait before the next try after the `attempts`-th failure. */
export function backoffMs(attempts: number, baseBackoffMs: number, maxBackoffMs: number): number {
  // Past 2^30 the product overflows any sensible cap anyway.
  const exponent = Math.min(Math.max(attempts - 1, 0), 30);
  return Math.min(baseBackoffMs * 2 ** exponent, maxBackoffMs);
}

/** Messages the sender no longer retries; they stay in the outbox for a person to resend or close. */
export function listStuckNotices(db: Db, maxAttempts: number = OUTBOX_DEFAULTS.maxAttempts): StuckNotice[] {
  return db
    .select({
      id: outbox.id,
      channel: outbox.channel,
      template: outbox.template,
      memberId: outbox.memberId,
      createdAt: outbox.createdAt,
      attempts: outbox.attempts,
      lastError: outbox.lastError,
    })
    .from(outbox)
    .where(and(isNull(outbox.sentAt), gte(outbox.attempts, maxAttempts)))
    .orderBy(asc(outbox.createdAt))
    .all();
}

/**
 * Delivers the outbox at least once and never deletes a row. Each message is claimed with a
 * conditional UPDATE that sets a lease, so two sender processes on the same database never
 * deliver the same message at the same time; a crash between delivering and recording it can
 * still send a message twice, which is why the message id travels as Message-ID and
 * idempotency key.
 */
export class OutboxSender {
  private readonly db: Db;
  private readonly adapters: OutboxSenderOptions['adapters'];
  private readonly clock: Clock;
  private readonly batchSize: number;
  private readonly maxAttempts: number;
  private readonly baseBackoffMs: number;
  private readonly maxBackoffMs: number;
  private readonly leaseMs: number;
  private readonly onError: (error: unknown) => void;
  private timer: ReturnType<typeof setInterval> | null = null;
  private inFlight: Promise<unknown> | null = null;
  private stopping = false;

  constructor(options: OutboxSenderOptions) {
    this.db = options.db;
    this.adapters = options.adapters;
    this.clock = options.clock;
    this.batchSize = options.batchSize ?? OUTBOX_DEFAULTS.batchSize;
    this.maxAttempts = options.maxAttempts ?? OUTBOX_DEFAULTS.maxAttempts;
    this.baseBackoffMs = options.baseBackoffMs ?? OUTBOX_DEFAULTS.baseBackoffMs;
    this.maxBackoffMs = options.maxBackoffMs ?? OUTBOX_DEFAULTS.maxBackoffMs;
    this.leaseMs = options.leaseMs ?? OUTBOX_DEFAULTS.leaseMs;
    this.onError = options.onError ?? ((error) => console.error('outbox sender:', describeDeliveryError(error)));
  }

  /** Due: not sent, not given up on, and either never tried or its wait (or lease) is over. */
  private isDue(nowIso: string) {
    return and(
      isNull(outbox.sentAt),
      lt(outbox.attempts, this.maxAttempts),
      or(isNull(outbox.nextAttemptAt), lte(outbox.nextAttemptAt, nowIso)),
    );
  }

  /** Sends what is due now, one message at a time. */
  async runOnce(): Promise<{ sent: number; failed: number }> {
    let sent = 0;
    let failed = 0;
    const candidates = this.db
      .select()
      .from(outbox)
      .where(this.isDue(this.clock.now().toISOString()))
      .orderBy(asc(outbox.createdAt), asc(outbox.id))
      .limit(this.batchSize)
      .all();
    for (const message of candidates) {
      if (this.stopping) break;
      // Claimed one at a time, just before delivery, so the lease only has to outlast one delivery.
      const now = this.clock.now();
      const claim = this.db
        .update(outbox)
        .set({ nextAttemptAt: new Date(now.getTime() + this.leaseMs).toISOString() })
        .where(and(eq(outbox.id, message.id), this.isDue(now.toISOString())))
        .run();
      if (claim.changes !== 1) continue; // another sender has it, or it was sent meanwhile
      try {
        await this.adapters[message.channel].deliver(message);
      } catch (error) {
        const attempts = message.attempts + 1;
        const failedAt = this.clock.now();
        const retryAt = new Date(failedAt.getTime() + backoffMs(attempts, this.baseBackoffMs, this.maxBackoffMs));
        this.db
          .update(outbox)
          .set({
            attempts: sql`${outbox.attempts} + 1`,
            nextAttemptAt: retryAt.toISOString(),
            lastError: describeDeliveryError(error),
          })
          .where(and(eq(outbox.id, message.id), isNull(outbox.sentAt)))
          .run();
        failed += 1;
        continue;
      }
      this.db
        .update(outbox)
        .set({ sentAt: this.clock.now().toISOString(), nextAttemptAt: null })
        .where(and(eq(outbox.id, message.id), isNull(outbox.sentAt)))
        .run();
      sent += 1;
    }
    return { sent, failed };
  }

  /** Messages given up on after `maxAttempts` failures. */
  stuck(): StuckNotice[] {
    return listStuckNotices(this.db, this.maxAttempts);
  }

  /** Runs now and then every `intervalMs`; a run never overlaps the previous one. */
  start(intervalMs: number = OUTBOX_DEFAULTS.intervalMs): void {
    if (this.timer) return;
    this.stopping = false;
    const tick = (): void => {
      if (this.inFlight || this.stopping) return;
      this.inFlight = this.runOnce()
        .catch((error: unknown) => this.onError(error))
        .finally(() => {
          this.inFlight = null;
        });
    };
    this.timer = setInterval(tick, intervalMs);
    // The sender alone should not keep a process alive that is otherwise done.
    this.timer.unref();
    tick();
  }

  /** Stops the loop and waits for a run in progress, which ends after its current message. */
  async stop(): Promise<void> {
    this.stopping = true;
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    await this.inFlight;
    // A later explicit runOnce() (or start()) works again.
    this.stopping = false;
  }
}
