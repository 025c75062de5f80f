import { randomUUID } from 'node:crypto';
import { and, asc, count, eq, isNull } from 'drizzle-orm';
import type { Db } from '../db/database.js';
import { kioskDevices, queueTickets } from '../db/schema.js';
import { hashToken, newToken } from '../security/tokens.js';

export interface KioskIdentity {
  readonly kioskId: string;
  readonly branchCode: string;
  readonly label: string;
}

/** Writing last-seen on every request would turn each read into a write. */
const LAST_SEEN_INTERVAL_MS = 60_000;

export function createKiosk(
  db: Db,
  device: { readonly branchCode: string; readonly label: string; readonly pairedByStaffId: number },
  now: Date,
): { kioskId: string; token: string } {
  const token = newToken();
  const kioskId = randomUUID();
  db.insert(kioskDevices)
    .values({
      id: kioskId,
      tokenHash: hashToken(token),
      ...device,
      createdAt: now.toISOString(),
      lastSeenAt: now.toISOString(),
    })
    .run();
  return { kioskId, token };
}

export function findKioskByToken(db: Db, token: string, now: Date): KioskIdentity | null {
  const row = db
    .select()
    .from(kioskDevices)
    .where(and(eq(kioskDevices.tokenHash, hashToken(token)), isNull(kioskDevices.revokedAt)))
    .get();
  if (!row) return null;
  if (!row.lastSeenAt || now.getTime() - Date.parse(row.lastSeenAt) >= LAST_SEEN_INTERVAL_MS) {
    db.update(kioskDevices).set({ lastSeenAt: now.toISOString() }).where(eq(kioskDevices.id, row.id)).run();
  }
  return { kioskId: row.id, branchCode: row.branchCode, label: row.label };
}

export function listKiosks(db: Db, branchCode: string | null) {
  const query = db
    .select({
      id: kioskDevices.id,
      branchCode: kioskDevices.branchCode,
      label: kioskDevices.label,
      createdAt: kioskDevices.createdAt,
      lastSeenAt: kioskDevices.lastSeenAt,
      revokedAt: kioskDevices.revokedAt,
    })
    .from(kioskDevices);
  return (branchCode === null ? query : query.where(eq(kioskDevices.branchCode, branchCode)))
    .orderBy(asc(kioskDevices.createdAt))
    .all();
}

export function revokeKiosk(db: Db, kioskId: string, branchCode: string | null, now: Date): boolean {
  const conditions = [eq(kioskDevices.id, kioskId), isNull(kioskDevices.revokedAt)];
  if (branchCode !== null) conditions.push(eq(kioskDevices.branchCode, branchCode));
  return (
    db
      .update(kioskDevices)
      .set({ revokedAt: now.toISOString() })
      .where(and(...conditions))
      .run().changes === 1
  );
}

export type QueueIntent = 'change_contact' | 'lost_phone' | 'other';
const LETTER: Record<QueueIntent, string> = { change_contact: 'K', lost_phone: 'H', other: 'L' };

/** The day in Jakarta (UTC+7), so numbers restart at local midnight. */
export const serviceDayOf = (now: Date): string => new Date(now.getTime() + 7 * 3_600_000).toISOString().slice(0, 10);

/** Issues the next number of the day for the intent, e.g. `K-007`; call in an immediate transaction. */
export function issueQueueTicket(
  db: Db,
  ticket: { readonly branchCode: string; readonly kioskId: string | null; readonly intent: QueueIntent },
  now: Date,
) {
  const serviceDay = serviceDayOf(now);
  const letter = LETTER[ticket.intent];
  const issued =
    db
      .select({ n: count() })
      .from(queueTickets)
      .where(
        and(
          eq(queueTickets.branchCode, ticket.branchCode),
          eq(queueTickets.serviceDay, serviceDay),
          eq(queueTickets.intent, ticket.intent),
        ),
      )
      .get()?.n ?? 0;
  return db
    .insert(queueTickets)
    .values({
      id: randomUUID(),
      ...ticket,
      number: `${letter}-${String(issued + 1).padStart(3, '0')}`,
      serviceDay,
      createdAt: now.toISOString(),
    })
    .returning()
    .get();
}

export function listQueue(db: Db, branchCode: string, now: Date) {
  return db
    .select()
    .from(queueTickets)
    .where(and(eq(queueTickets.branchCode, branchCode), eq(queueTickets.serviceDay, serviceDayOf(now))))
    .orderBy(asc(queueTickets.createdAt))
    .all()
    .filter((t) => t.status !== 'done');
}

/** Calls the oldest waiting ticket; of two officers pressing "next" at once, each gets another ticket. */
export function callNextTicket(db: Db, branchCode: string, staffId: number, now: Date) {
  const next = db
    .select()
    .from(queueTickets)
    .where(and(eq(queueTickets.branchCode, branchCode), eq(queueTickets.status, 'waiting')))
    .orderBy(asc(queueTickets.createdAt))
    .limit(1)
    .get();
  if (!next) return null;
  return (
    db
      .update(queueTickets)
      .set({ status: 'called', calledAt: now.toISOString(), calledByStaffId: staffId })
      .where(and(eq(queueTickets.id, next.id), eq(queueTickets.status, 'waiting')))
      .returning()
      .get() ?? null
  );
}

export function finishTicket(db: Db, ticketId: string, branchCode: string, now: Date): boolean {
  return (
    db
      .update(queueTickets)
      .set({ status: 'done', doneAt: now.toISOString() })
      .where(and(eq(queueTickets.id, ticketId), eq(queueTickets.branchCode, branchCode)))
      .run().changes === 1
  );
}

/** Tickets still waiting at the branch today, ahead of a ticket issued at `createdAt`. */
export function countWaitingBefore(db: Db, branchCode: string, serviceDay: string, createdAt: string): number {
  return db
    .select({ createdAt: queueTickets.createdAt })
    .from(queueTickets)
    .where(
      and(
        eq(queueTickets.branchCode, branchCode),
        eq(queueTickets.serviceDay, serviceDay),
        eq(queueTickets.status, 'waiting'),
      ),
    )
    .all()
    .filter((t) => t.createdAt < createdAt).length;
}
