import { existsSync, statSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import { type BetterSQLite3Database, drizzle } from 'drizzle-orm/better-sqlite3';
import { migrate } from 'drizzle-orm/better-sqlite3/migrator';
import { type IdentityMigrationKeys, registerIdentityMigrationFunctions } from '../security/identity-digest.js';
import * as schema from './schema.js';

export type Db = BetterSQLite3Database<typeof schema>;

export interface OpenedDatabase {
  readonly db: Db;
  /** The file opened (`:memory:` for an in-memory database). */
  readonly file: string;
  /**
   * Whether `PRAGMA quick_check` ran in full as it opened (files up to `fullCheckAtOpenUpTo`);
   * a larger file is for the caller to check in the background (`integrity-check.ts`).
   */
  readonly checkedAtOpen: boolean;
  /** The raw handle, for pragmas and prepared statements inside the repository layer. */
  readonly sqlite: Database.Database;
  readonly close: () => void;
  /** True when the database answers a trivial query (used by `/healthz`). */
  readonly isHealthy: () => boolean;
}

const migrationsFolder = fileURLToPath(new URL('../../drizzle', import.meta.url));

/** A database file that exists but cannot be used; the server reports it and exits. */
export class DatabaseUnusableError extends Error {
  override readonly name = 'DatabaseUnusableError';
}

/**
 * Makes `db.transaction` begin IMMEDIATE unless a caller asks otherwise: the transaction takes
 * the write lock when it starts, not at its first write. With several server processes on one
 * file, a deferred transaction that read and then wanted to write while another process had
 * committed could not upgrade its snapshot and failed at once with "database is locked" (the
 * busy timeout does not apply to that case): a 500 for what should be a wait. Almost every
 * transaction here reads and then writes; the few read-only ones cost a short wait at most.
 * Nested transactions are savepoints and take no lock of their own.
 */
export function writeLockedTransactions(db: Db): Db {
  const begin = db.transaction.bind(db);
  db.transaction = ((work, config) => begin(work, { behavior: 'immediate', ...config })) as Db['transaction'];
  return db;
}

/**
 * `PRAGMA quick_check` reads the whole file (~4 s for 1.8 GiB here, minutes at national size):
 * files up to this size are checked before the server answers, larger ones in the background.
 */
export const FULL_CHECK_AT_OPEN_BYTES = 512 * 1024 ** 2;

/**
 * Opens (or creates) the SQLite file, switches on WAL and foreign keys, checks it (in full up to
 * `fullCheckAtOpenUpTo` bytes, else only that its schema reads) and applies the committed
 * migrations. Pass `:memory:` for a fresh database in tests. `keys` are needed only to migrate a
 * database that an older version filled (it kept mothers' names in clear).
 */
export function openDatabase(
  file: string,
  options: { keys?: IdentityMigrationKeys; fullCheckAtOpenUpTo?: number } = {},
): OpenedDatabase {
  let sqlite: Database.Database;
  let checkedAtOpen = false;
  try {
    const bytes = file === ':memory:' || !existsSync(file) ? 0 : statSync(file).size;
    sqlite = new Database(file);
    sqlite.pragma('journal_mode = WAL');
    sqlite.pragma('foreign_keys = ON');
    sqlite.pragma('busy_timeout = 5000');
    sqlite.pragma('synchronous = NORMAL');
    if (bytes <= (options.fullCheckAtOpenUpTo ?? FULL_CHECK_AT_OPEN_BYTES)) {
      const check = sqlite.pragma('quick_check', { simple: true });
      if (check !== 'ok') throw new Error(`integrity check failed: ${String(check)}`);
      checkedAtOpen = true;
    } else {
      // The schema at least must read; the full check follows in the background.
      sqlite.prepare('SELECT count(*) FROM sqlite_schema').pluck().get();
    }
  } catch (error) {
    throw new DatabaseUnusableError(
      `cannot use the database ${file}: ${error instanceof Error ? error.message : String(error)}`,
    );
  }
  registerIdentityMigrationFunctions(sqlite, options.keys);
  const db = writeLockedTransactions(drizzle(sqlite, { schema }));
  try {
    // A migration may retire values kept in clear (mothers' names): overwrite what it deletes
    // rather than leave it in free pages of the file.
    sqlite.pragma('secure_delete = ON');
    migrate(db, { migrationsFolder });
    sqlite.pragma('secure_delete = OFF');
  } catch (error) {
    sqlite.close();
    // Drizzle wraps the failing statement's error: its cause says what went wrong.
    const cause = error instanceof Error && error.cause instanceof Error ? error.cause : error;
    throw new DatabaseUnusableError(
      `cannot migrate the database ${file}: ${cause instanceof Error ? cause.message : String(cause)}`,
    );
  }
  const ping = sqlite.prepare('select 1 as ok');
  return {
    db,
    file,
    checkedAtOpen,
    sqlite,
    close: () => sqlite.close(),
    isHealthy: () => {
      try {
        return (ping.get() as { ok: number } | undefined)?.ok === 1;
      } catch {
        return false;
      }
    },
  };
}
