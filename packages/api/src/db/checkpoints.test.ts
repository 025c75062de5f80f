import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { type CheckpointReport, startBackgroundCheckpoints } from './checkpoints.js';
import { openDatabase } from './database.js';

const dir = mkdtempSync(join(tmpdir(), 'pulih-checkpoints-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const MB = 1024 * 1024;
const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Commits `count` transactions of about 1 MB each, pausing between them as a server would. */
async function writeMegabytes(database: ReturnType<typeof openDatabase>, count: number): Promise<void> {
  database.sqlite.exec('CREATE TABLE IF NOT EXISTS scratch (id INTEGER PRIMARY KEY, payload BLOB NOT NULL)');
  const insert = database.sqlite.prepare('INSERT INTO scratch (payload) VALUES (randomblob(4000))');
  const megabyte = database.sqlite.transaction(() => {
    for (let i = 0; i < 256; i++) insert.run();
  });
  for (let n = 0; n < count; n++) {
    megabyte();
    await pause(50);
  }
}

describe('background WAL checkpoints', () => {
  it('copy the log into the file on their own thread, so commits only append and the log stays small', async () => {
    const database = openDatabase(join(dir, 'background.sqlite'));
    const reports: CheckpointReport[] = [];
    const checkpoints = startBackgroundCheckpoints(database, { intervalMs: 20, onReport: (r) => reports.push(r) });
    try {
      expect(database.sqlite.pragma('wal_autocheckpoint', { simple: true })).toBe(0);
      await writeMegabytes(database, 40);
      await pause(200);
      // The worker checkpointed what was committed, and the log started over rather than grow
      // by each of the 40 MB written.
      expect(reports.some((r) => r.ok && r.checkpointedFrames > 0)).toBe(true);
      expect(statSync(`${database.file}-wal`).size).toBeLessThan(25 * MB);
    } finally {
      await checkpoints.stop();
    }
    // Once stopped, commits checkpoint by themselves again.
    expect(database.sqlite.pragma('wal_autocheckpoint', { simple: true })).toBe(1000);
    database.close();
  }, 30_000);

  it('leave the log to grow when nobody checkpoints (what the thread is for)', async () => {
    const database = openDatabase(join(dir, 'unattended.sqlite'));
    database.sqlite.pragma('wal_autocheckpoint = 0');
    await writeMegabytes(database, 40);
    expect(statSync(`${database.file}-wal`).size).toBeGreaterThan(40 * MB);
    database.close();
  }, 30_000);
});
