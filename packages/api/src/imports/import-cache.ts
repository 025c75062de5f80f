import type Database from 'better-sqlite3';

/**
 * SQLite page cache while an import runs, in KiB (the connection's default is 16 MB). A million
 * members make indexes (NIK, KPJ, email, phone) of ~100 MB that each batch touches at random;
 * with the default cache most of those pages are written and read back again on every batch.
 * The benchmark's baseline uses the same size, so that the comparison is about the import.
 */
export const IMPORT_CACHE_KIB = 128 * 1024;

let running = 0;
let previous: number | null = null;

/** Runs `work` with the import cache; the connection's own setting returns when the last import ends. */
export async function withImportCache<T>(sqlite: Database.Database, work: () => Promise<T>): Promise<T> {
  if (running === 0) {
    previous = sqlite.pragma('cache_size', { simple: true }) as number;
    sqlite.pragma(`cache_size = -${IMPORT_CACHE_KIB}`);
  }
  running++;
  try {
    return await work();
  } finally {
    running--;
    if (running === 0 && previous !== null) {
      sqlite.pragma(`cache_size = ${previous}`);
      // Give back the memory of the pages the import cached.
      sqlite.pragma('shrink_memory');
    }
  }
}
