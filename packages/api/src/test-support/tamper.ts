import type Database from 'better-sqlite3';

/**
 * Someone with the database file in hand can drop the append-only triggers; tests of the
 * hash chain tamper the way such a person would.
 */
export function asFileTamperer(sqlite: Database.Database): Database.Database {
  sqlite.exec('DROP TRIGGER IF EXISTS audit_log_no_update; DROP TRIGGER IF EXISTS audit_log_no_delete;');
  return sqlite;
}
