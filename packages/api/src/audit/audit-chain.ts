import { asc, desc, eq, gt } from 'drizzle-orm';
import type { Db } from '../db/database.js';
import { auditLog } from '../db/schema.js';
import { type AuditEntry, auditEntryHash, GENESIS_HASH } from './audit-log.js';

const PAGE = 1000;

export type AuditChainReport =
  | { readonly ok: true; readonly entries: number }
  | { readonly ok: false; readonly firstBrokenId: number; readonly entries: number };

type AuditRow = typeof auditLog.$inferSelect;

function parseDetail(detail: string): AuditEntry['detail'] | null {
  try {
    const parsed: unknown = JSON.parse(detail);
    return parsed !== null && typeof parsed === 'object' && !Array.isArray(parsed)
      ? (parsed as AuditEntry['detail'])
      : null;
  } catch {
    return null;
  }
}

/** True when the row's stored hash is the hash of its own fields chained to `expectedPrev`. */
function isIntact(row: AuditRow, expectedPrev: string): boolean {
  if (row.prevHash !== expectedPrev) return false;
  const detail = parseDetail(row.detail);
  if (!detail) return false;
  const entry = { ...row, channel: row.channel as AuditEntry['channel'], detail };
  return auditEntryHash(row.prevHash, row.at, entry) === row.hash;
}

/**
 * Walks the whole chain in id order: each row must link to the previous row's hash and its
 * hash must match its content. Finds edited and deleted rows (a deletion breaks the next
 * link), not the removal of the newest rows, which leaves no successor to notice.
 */
export function verifyAuditChain(db: Db): AuditChainReport {
  let expectedPrev = GENESIS_HASH;
  let lastId = 0;
  let entries = 0;
  let firstBrokenId: number | null = null;
  for (;;) {
    const rows = db.select().from(auditLog).where(gt(auditLog.id, lastId)).orderBy(asc(auditLog.id)).limit(PAGE).all();
    for (const row of rows) {
      entries++;
      if (firstBrokenId === null && !isIntact(row, expectedPrev)) firstBrokenId = row.id;
      expectedPrev = row.hash;
      lastId = row.id;
    }
    if (rows.length < PAGE) break;
  }
  return firstBrokenId === null ? { ok: true, entries } : { ok: false, firstBrokenId, entries };
}

export interface AuditListing {
  readonly id: number;
  readonly at: string;
  readonly actorKind: AuditEntry['actorKind'];
  readonly actorId: string | null;
  readonly action: string;
  readonly memberId: number | null;
  readonly channel: string;
  readonly detail: Record<string, unknown>;
}

/** The newest entries first, optionally only those about one member. */
export function listAuditEntries(db: Db, options: { memberId?: number; limit: number }): AuditListing[] {
  const where = options.memberId === undefined ? undefined : eq(auditLog.memberId, options.memberId);
  return db
    .select()
    .from(auditLog)
    .where(where)
    .orderBy(desc(auditLog.id))
    .limit(options.limit)
    .all()
    .map(({ prevHash: _prev, hash: _hash, detail, ...row }) => ({ ...row, detail: parseDetail(detail) ?? {} }));
}
