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
