import { createHash } from 'node:crypto';
import { desc } from 'drizzle-orm';
import type { Db } from '../db/database.js';
import { auditLog } from '../db/schema.js';

export interface AuditEntry {
  readonly actorKind: 'member' | 'staff' | 'system' | 'anonymous';
  readonly actorId: string | null;
  readonly action: string;
  readonly memberId: number | null;
  readonly channel: 'web' | 'kiosk' | 'cli' | 'system';
  /** References and masked values only: never a full contact, password, code or token. */
  readonly detail: Readonly<Record<string, string | number | boolean | null>>;
}

/** The `prev_hash` of the first entry. */
export const GENESIS_HASH = '0'.repeat(64);

export function auditEntryHash(prevHash: string, at: string, entry: AuditEntry): string {
  const canonical = JSON.stringify([
    prevHash,
    at,
    entry.actorKind,
    entry.actorId,
    entry.action,
    entry.memberId,
    entry.channel,
    JSON.stringify(entry.detail, Object.keys(entry.detail).sort()),
  ]);
  return createHash('sha256').update(canonical).digest('hex');
}

/**
 * Appends an entry chained to the previous one. Call inside the transaction of the change
 * it records, so that the entry and the change land together or not at all.
 *
 * Reading the head and writing the next entry happen under the write lock: in a transaction of
 * their own when the caller has none (transactions begin IMMEDIATE, `db/database.ts`), as a
 * savepoint of the caller's otherwise. Another server process on the same file can therefore
 * never link an entry to the same head (a fork, which `verifyAuditChain` would report as a
 * broken chain).
 */
export function appendAudit(db: Db, entry: AuditEntry, now: Date): void {
  db.transaction((tx) => {
    const last = tx.select({ hash: auditLog.hash }).from(auditLog).orderBy(desc(auditLog.id)).limit(1).get();
    const prevHash = last?.hash ?? GENESIS_HASH;
    const at = now.toISOString();
    tx.insert(auditLog)
      .values({
        at,
        actorKind: entry.actorKind,
        actorId: entry.actorId,
        action: entry.action,
        memberId: entry.memberId,
        channel: entry.channel,
        detail: JSON.stringify(entry.detail, Object.keys(entry.detail).sort()),
        prevHash,
        hash: auditEntryHash(prevHash, at, entry),
      })
      .run();
  });
}
