import { decideLimit, type LimitDecision, type LimitWindow } from '@pulih/domain';
import { and, eq, gt, lt } from 'drizzle-orm';
import type { Db } from '../db/database.js';
import { rateLimitEvents } from '../db/schema.js';
import { keyedHash } from '../security/tokens.js';

/**
 * A limit is counted on a keyed hash of its scope and the submitted identifier, whether or
 * not that identifier exists, so that a throttled reply reveals nothing.
 */
export const limitKey = (secret: string, scope: string, identifier: string): string =>
  keyedHash(secret, `limit:${scope}:${identifier}`);

const longest = (windows: readonly LimitWindow[]) => Math.max(...windows.map((w) => w.windowSeconds));

export function recentEvents(db: Db, key: string, sinceSeconds: number, now: Date): string[] {
  const since = new Date(now.getTime() - sinceSeconds * 1000).toISOString();
  return db
    .select({ at: rateLimitEvents.at })
    .from(rateLimitEvents)
    .where(and(eq(rateLimitEvents.key, key), gt(rateLimitEvents.at, since)))
    .all()
    .map((r) => r.at);
}

/** Records one event; returns its id (for `forgetEvent`). */
export function recordEvent(db: Db, key: string, now: Date): number {
  return db.insert(rateLimitEvents).values({ key, at: now.toISOString() }).returning({ id: rateLimitEvents.id }).get()
    .id;
}

/** Takes back one recorded event (an attempt counted in advance that turned out to be no failure). */
export function forgetEvent(db: Db, id: number): void {
  db.delete(rateLimitEvents).where(eq(rateLimitEvents.id, id)).run();
}

/** Decides against the windows and, when allowed, records the event in the same transaction. */
export function consumeLimit(db: Db, key: string, windows: readonly LimitWindow[], now: Date): LimitDecision {
  return db.transaction(
    (tx) => {
      const decision = decideLimit(recentEvents(tx, key, longest(windows), now), windows, now);
      if (decision.allowed) recordEvent(tx, key, now);
      return decision;
    },
    { behavior: 'immediate' },
  );
}

export function clearEvents(db: Db, key: string): void {
  db.delete(rateLimitEvents).where(eq(rateLimitEvents.key, key)).run();
}

/** Events older than the longest window are of no use; called from time to time. */
export function pruneEvents(db: Db, olderThanSeconds: number, now: Date): number {
  const before = new Date(now.getTime() - olderThanSeconds * 1000).toISOString();
  return db.delete(rateLimitEvents).where(lt(rateLimitEvents.at, before)).run().changes;
}
