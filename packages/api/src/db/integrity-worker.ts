import { parentPort } from 'node:worker_threads';
import Database from 'better-sqlite3';
import type { IntegrityReply, IntegrityRequest } from './integrity-check.js';

/**
 * The thread of a background integrity check (`integrity-check.ts`): `PRAGMA quick_check` of the
 * file on a read-only connection of its own, so the server keeps answering while it reads the
 * whole file. It reads one snapshot (WAL): writers go on meanwhile.
 */
const port = parentPort;
if (port === null) throw new Error('integrity-worker.js runs as a worker thread');
port.once('message', ({ file }: IntegrityRequest) => {
  let reply: IntegrityReply;
  try {
    const sqlite = new Database(file, { readonly: true, fileMustExist: true });
    try {
      sqlite.pragma('busy_timeout = 5000');
      const found = (sqlite.pragma('quick_check') as { quick_check: string }[]).map((row) => row.quick_check);
      reply = found.length === 1 && found[0] === 'ok' ? { ok: true } : { ok: false, problems: found.slice(0, 10) };
    } finally {
      sqlite.close();
    }
  } catch (error) {
    reply = { ok: false, problems: [error instanceof Error ? error.message : String(error)] };
  }
  port.postMessage(reply);
});
