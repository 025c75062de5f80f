import type Database from 'better-sqlite3';
import type { Db } from '../db/database.js';

/**
 * Prepared statements of the hot queries, built once per database connection and reused.
 *
 * A query built with Drizzle on every call costs more than running it: building the SQL string
 * and SQLite compiling it (`prepare`) took over half of a member request (`pnpm bench:api`).
 * Queries stay written with Drizzle's builder (so the SQL is the dialect's, and the query-plan
 * test reads it from the same definitions); `sql.placeholder(...)` marks their parameters.
 *
 * The cache is keyed by the connection's Drizzle session, which a transaction (`tx`) shares with
 * its database: a statement prepared once runs inside whichever transaction is open on it.
 */
const caches = new WeakMap<object, Map<string, unknown>>();

export function prepared<T>(db: Db, key: string, build: (db: Db) => T): T {
  const owner = (db as unknown as { session?: object }).session ?? db;
  let cache = caches.get(owner);
  if (!cache) {
    cache = new Map();
    caches.set(owner, cache);
  }
  let statement = cache.get(key) as T | undefined;
  if (statement === undefined) {
    statement = build(db);
    cache.set(key, statement);
  }
  return statement;
}

/** `IN (…)` lists are prepared per length up to this many values; longer lists are built per call. */
export const MAX_PREPARED_LIST = 8;

/** Placeholder names `p0…p{n-1}` and the values object for a list of `n` values. */
export function listParams<V>(values: readonly V[]): Record<string, V> {
  const params: Record<string, V> = {};
  values.forEach((value, i) => {
    params[`p${i}`] = value;
  });
  return params;
}

/** The better-sqlite3 connection under a Drizzle database or transaction (they share its session). */
export const connectionOf = (db: Db): Database.Database =>
  (db as unknown as { session: { client: Database.Database } }).session.client;

/**
 * A plain SQL statement of the hottest paths (every member request), prepared once per
 * connection and returning rows as arrays: Drizzle's row mapping (placeholders filled by name,
 * each value passed through its column) cost more than SQLite finding the rows. Each SQL text
 * is an exported constant of its repository, so `db/query-plans.test.ts` checks its plan.
 */
export const rawStatement = (db: Db, sql: string): Database.Statement<unknown[], unknown[]> =>
  prepared(db, sql, (d) => connectionOf(d).prepare<unknown[], unknown[]>(sql).raw(true));

/** A plain SQL statement that returns no rows (an insert, update or delete), prepared once per connection. */
export const rawWriteStatement = (db: Db, sql: string): Database.Statement<unknown[]> =>
  prepared(db, sql, (d) => connectionOf(d).prepare<unknown[]>(sql));

/**
 * Runs `write` in an IMMEDIATE transaction if the write lock is free now, without waiting for it
 * (a busy lock, a read-only connection or an open transaction of the caller's: returns null and
 * writes nothing). For writes that only save later work, on paths that must not wait for a writer.
 */
export function writeIfLockFree<T>(db: Db, write: () => T): T | null {
  const connection = connectionOf(db);
  // Called again inside a write of its own (a stored view computing the statements it shows):
  // the lock is held already, so the inner write joins the outer transaction.
  if (holdingWriteLock.has(connection)) return write();
  if (connection.inTransaction) return null;
  const timeout = connection.pragma('busy_timeout', { simple: true }) as number;
  connection.pragma('busy_timeout = 0');
  try {
    connection.exec('BEGIN IMMEDIATE');
  } catch (error) {
    const code = (error as { code?: unknown }).code;
    if (typeof code === 'string' && /^SQLITE_(BUSY|READONLY)/.test(code)) return null;
    throw error;
  } finally {
    connection.pragma(`busy_timeout = ${Number(timeout)}`);
  }
  holdingWriteLock.add(connection);
  try {
    const result = write();
    connection.exec('COMMIT');
    return result;
  } catch (error) {
    if (connection.inTransaction) connection.exec('ROLLBACK');
    throw error;
  } finally {
    holdingWriteLock.delete(connection);
  }
}

/** Connections inside `writeIfLockFree`'s transaction (its `write` runs synchronously). */
const holdingWriteLock = new WeakSet<Database.Database>();
