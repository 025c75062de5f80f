import type { Db } from '../db/database.js';

const DISCARD = Symbol('discard');

/**
 * Runs `work` in a savepoint and, unless `keep` is true, rolls it back: an unknown identifier
 * then costs the same database work as a known one, and the reply time reveals nothing.
 * Measured by `pnpm bench:enumeration`.
 */
export function runEqualWork(db: Db, keep: boolean, work: (tx: Db) => void): void {
  try {
    db.transaction((tx) => {
      work(tx);
      if (!keep) throw DISCARD;
    });
  } catch (error) {
    if (error !== DISCARD) throw error;
  }
}

/**
 * Answers no sooner than `floorMs` after the start: the replies of procedures whose work
 * differs for known and unknown identifiers then take the same wall time. The wait is a timer,
 * so the event loop stays free.
 */
export async function withMinimumDuration<T>(floorMs: number, work: () => Promise<T> | T): Promise<T> {
  const started = performance.now();
  try {
    return await work();
  } finally {
    const remaining = floorMs - (performance.now() - started);
    if (remaining > 0) await new Promise((resolve) => setTimeout(resolve, remaining));
  }
}

/** The floor for replies that must not reveal whether an identifier exists. */
export const ENUMERATION_SAFE_REPLY_MS = 30;
