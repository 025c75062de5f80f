/**
 * The child process of the crash-safety suite (issue #8, suite 4; `crash-safety.test.ts`): the
 * API's own code, built (`dist/assurance/crash-child.js`), doing one kind of work in a loop
 * against a SQLite file until the test kills it with SIGKILL.
 *
 *   node dist/assurance/crash-child.js '<ChildOptions as JSON>'
 *
 * Each round goes through the real app (`createApp`, tRPC, the import upload route) as the demo
 * supervisor and the demo member Agus, with the outbox sender delivering to the test's SMTP and
 * SMS servers. It says what it does on stdout, one line each, written synchronously so that a
 * line printed is a line the test can read even if the process is killed right after:
 *
 *   READY                       set up, the loop starts
 *   BEGIN import <file> <jobId> <resumeAfterLine>
 *   DONE <what> <reference>     a transaction committed and answered (upload, submit, reject,
 *                               merge, unmerge, import)
 *   HOOK <point> <n>            held inside a transaction (or after a delivery) until killed
 *   FINISHED                    every round done (and the outbox delivered, if asked)
 *   ERROR <message>             something unexpected: the test fails
 *
 * The hook is the only test-only behaviour, and it lives here: a temporary trigger on this
 * connection calls a function that blocks the process (`Atomics.wait`) at the chosen point.
 * Nothing of it is in the product's code or schema.
 */
import { createHash } from 'node:crypto';
import { createReadStream, existsSync, readFileSync, statSync, writeFileSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { setTimeout as sleep } from 'node:timers/promises';
import { createApp } from '../app.js';
import { systemClock } from '../clock.js';
import { openDatabase } from '../db/database.js';
import { loadConfig } from '../env.js';
import { importUploadRoute } from '../imports/upload-route.js';
import { type DeliveryAdapter, OutboxSender } from '../notifications/sender.js';
import { createSmsHttpAdapter } from '../notifications/sms-http-adapter.js';
import { createSmtpAdapter } from '../notifications/smtp-adapter.js';
import { createMemberSession, createStaffToken } from '../repositories/session-repository.js';
import {
  type ChildOptions,
  CLAIM_BANK,
  CLAIMANT_EMAIL,
  CRASH_PDF_BASE64,
  CRASH_SECRET,
  IMPORT_BATCH_ROWS,
  importFileName,
  MERGE_NAMES,
  membersCsv,
  STAFF_USERNAME,
  seededRandom,
} from './crash-workload.js';

const say = (line: string): void => {
  writeSync(1, `${line}\n`);
};

const options = JSON.parse(process.argv[2] ?? '{}') as ChildOptions;
const random = seededRandom(options.seed);

// --- the hook -------------------------------------------------------------------------------
const reached = new Map<string, number>();
const held = new Int32Array(new SharedArrayBuffer(4));
function crashPoint(point: string): void {
  if (options.hook?.point !== point) return;
  const n = (reached.get(point) ?? 0) + 1;
  reached.set(point, n);
  if (n !== options.hook.after) return;
  say(`HOOK ${point} ${n}`);
  // Blocks this thread, inside the transaction: the test kills the process now.
  Atomics.wait(held, 0, 0, 30_000);
  say(`ERROR not killed at ${point}`);
  process.exit(3);
}

// --- the server's parts, on the file ----------------------------------------------------------
const loaded = loadConfig(
  {
    NODE_ENV: 'test',
    PULIH_DEMO: '1',
    PULIH_SECRET: CRASH_SECRET,
    PULIH_DATA_DIR: options.dataDir,
    SMTP_URL: options.smtpUrl,
    SMS_WEBHOOK_URL: options.smsUrl,
  },
  'start',
);
if (!loaded.ok) {
  say(`ERROR ${loaded.message}`);
  process.exit(2);
}
const config = loaded.config;
const database = openDatabase(join(options.dataDir, 'pulih.sqlite'));
const { sqlite } = database;
sqlite.function('crash_point', { deterministic: false }, (point: unknown) => {
  crashPoint(String(point));
  return null;
});
if (options.hook && options.hook.point !== 'sender.delivered') {
  const [table, event] = options.hook.point.split('.');
  if (!table || !/^[a-z_]+$/.test(table) || (event !== 'insert' && event !== 'update'))
    throw new Error(`unknown hook point ${options.hook.point}`);
  sqlite.exec(
    `CREATE TEMP TRIGGER crash_hook AFTER ${event.toUpperCase()} ON main.${table}
     BEGIN SELECT crash_point('${table}.${event}'); END`,
  );
}
const app = createApp({ database, config, clock: systemClock });
// The upload route as the app mounts it, with smaller batches: a file commits in several batches.
const routeOptions = {
  database,
  clock: systemClock,
  identityKey: config.identityKey,
  tuning: { batchRows: IMPORT_BATCH_ROWS },
};
const uploads = importUploadRoute(routeOptions);

const found = <T>(value: T | undefined, what: string): T => {
  if (value === undefined) throw new Error(`${what} not found`);
  return value;
};
const now = systemClock.now();
const staffId = found(
  sqlite.prepare('SELECT id FROM staff_users WHERE username = ?').pluck().get(STAFF_USERNAME) as number | undefined,
  STAFF_USERNAME,
);
const bearer = createStaffToken(database.db, staffId, now).token;
const accountId = found(
  sqlite
    .prepare('SELECT a.id FROM accounts a JOIN member_contacts c ON c.member_id = a.member_id WHERE c.email = ?')
    .pluck()
    .get(CLAIMANT_EMAIL) as number | undefined,
  CLAIMANT_EMAIL,
);
const cookie = `pulih_session=${createMemberSession(database.db, accountId, now)}`;

async function call<T>(path: string, input: unknown, as: 'staff' | 'member', method: 'GET' | 'POST' = 'POST') {
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  if (as === 'staff') headers.authorization = `Bearer ${bearer}`;
  else headers.cookie = cookie;
  const query = method === 'GET' ? `?input=${encodeURIComponent(JSON.stringify(input))}` : '';
  const response = await app.request(`http://localhost/trpc/${path}${query}`, {
    method,
    headers,
    ...(method === 'POST' ? { body: JSON.stringify(input) } : {}),
  });
  const text = await response.text();
  // An in-process request never waits for I/O: let timers (the outbox sender) run between requests.
  await new Promise((resolve) => setImmediate(resolve));
  const reply = JSON.parse(text) as { result?: { data: T } };
  if (response.status !== 200 || !reply.result) throw new Error(`${path}: ${response.status} ${text}`);
  return reply.result.data;
}

// --- the outbox sender, delivering to the test's servers -------------------------------------
const afterDelivery = (adapter: DeliveryAdapter): DeliveryAdapter => ({
  async deliver(message) {
    await adapter.deliver(message);
    crashPoint('sender.delivered');
  },
});
const sender = new OutboxSender({
  db: database.db,
  clock: systemClock,
  adapters: {
    email: afterDelivery(createSmtpAdapter({ url: options.smtpUrl, from: 'Pulih <no-reply@pulih.test>' })),
    sms: afterDelivery(createSmsHttpAdapter({ url: options.smsUrl })),
  },
  // A sender killed mid-delivery holds its message this long; the next incarnation sends it again.
  leaseMs: 1_000,
  baseBackoffMs: 100,
  maxBackoffMs: 500,
  onError: (error) => say(`ERROR sender: ${error instanceof Error ? error.message : String(error)}`),
});

// --- the kinds of work ------------------------------------------------------------------------
async function claimRounds(): Promise<void> {
  interface Claim {
    id: string;
    state: string;
  }
  const assessment = await call<{ documents: string[] }>('claims.assess', { reason: 'resignation' }, 'member', 'GET');
  say(`DOCUMENTS ${assessment.documents.join(',')}`);
  // A claim an earlier incarnation submitted and did not reject (or whose rejection it did not
  // answer) is still open: reject it first, as an officer would.
  const { claims } = await call<{ claims: Claim[] }>('claims.mine', undefined, 'member', 'GET');
  for (const claim of claims.filter((c) => c.state === 'submitted')) {
    await call('claims.reject', { claimId: claim.id, note: 'ditolak: uji ketahanan' }, 'staff');
    say(`DONE reject ${claim.id}`);
  }
  for (let round = 0; options.rounds === null || round < options.rounds; round++) {
    const documentIds: string[] = [];
    for (const kind of assessment.documents) {
      const uploaded = await call<{ id: string }>(
        'claims.uploadDocument',
        { kind, contentBase64: CRASH_PDF_BASE64 },
        'member',
      );
      documentIds.push(uploaded.id);
      say(`DONE upload ${uploaded.id}`);
    }
    const claim = await call<Claim>(
      'claims.submit',
      { reason: 'resignation', bank: CLAIM_BANK, documentIds },
      'member',
    );
    say(`DONE submit ${claim.id}`);
    await call('claims.reject', { claimId: claim.id, note: 'ditolak: uji ketahanan' }, 'staff');
    say(`DONE reject ${claim.id}`);
  }
}

async function mergeRounds(): Promise<void> {
  interface Item {
    id: number;
    state: string;
    left: { fullName: string };
    right: { fullName: string };
  }
  const isRudi = (i: Item) =>
    MERGE_NAMES.includes(i.left.fullName as never) && MERGE_NAMES.includes(i.right.fullName as never);
  const find = async (state: 'open' | 'merged') =>
    (await call<{ items: Item[] }>('duplicates.list', { state, limit: 500 }, 'staff', 'GET')).items.find(isRudi);
  const merged = await find('merged');
  if (merged) {
    await call('duplicates.unmerge', { id: merged.id, reason: 'uji ketahanan: batal' }, 'staff');
    say(`DONE unmerge ${merged.id}`);
  }
  const item = found(await find('open'), "Rudi's review item");
  for (let round = 0; options.rounds === null || round < options.rounds; round++) {
    const keep = random() < 0.5 ? 'left' : 'right';
    await call('duplicates.merge', { id: item.id, keep, reason: 'uji ketahanan: gabung' }, 'staff');
    say(`DONE merge ${item.id}`);
    await call('duplicates.unmerge', { id: item.id, reason: 'uji ketahanan: batal' }, 'staff');
    say(`DONE unmerge ${item.id}`);
  }
}

async function importRounds(): Promise<void> {
  for (let file = 0; options.rounds === null || file < options.rounds; file++) {
    const path = join(options.dataDir, importFileName(file));
    if (!existsSync(path)) writeFileSync(path, membersCsv(file));
    const sha = createHash('sha256').update(readFileSync(path)).digest('hex');
    const started = await call<{ jobId: string; state: string; resumeAfterLine: number }>(
      'imports.start',
      { kind: 'members', fileName: importFileName(file), fileSha256: sha },
      'staff',
    );
    say(`BEGIN import ${file} ${started.jobId} ${started.resumeAfterLine}`);
    if (started.state === 'completed') {
      say(`DONE import ${file} completed`);
      continue;
    }
    const response = await uploads.request(`http://localhost/${started.jobId}`, {
      method: 'POST',
      headers: { authorization: `Bearer ${bearer}`, 'content-length': String(statSync(path).size) },
      body: Readable.toWeb(createReadStream(path)) as ReadableStream<Uint8Array>,
      duplex: 'half',
    } as RequestInit);
    const outcome = (await response.json()) as { state: string; rowsRead: number };
    if (response.status !== 200 || outcome.state !== 'completed')
      throw new Error(`import of file ${file}: ${response.status} ${JSON.stringify(outcome)}`);
    say(`DONE import ${file} completed`);
  }
}

async function drain(): Promise<void> {
  const unsent = sqlite.prepare('SELECT count(*) FROM outbox WHERE sent_at IS NULL').pluck();
  const started = Date.now();
  let left = unsent.get() as number;
  let progressAt = Date.now();
  while (left > 0) {
    // Messages leased by a killed sender wait out their lease (a second); then they go again.
    if (Date.now() - progressAt > 20_000) throw new Error(`${left} messages still unsent, none sent for 20 s`);
    await sleep(50);
    const now = unsent.get() as number;
    if (now < left) progressAt = Date.now();
    left = now;
  }
  say(`DRAINED ${Date.now() - started} ms`);
}

async function main(): Promise<void> {
  sender.start(20);
  say('READY');
  if (options.kind === 'claim') await claimRounds();
  else if (options.kind === 'merge') await mergeRounds();
  else await importRounds();
  if (options.drain) await drain();
  await sender.stop();
  database.close();
  say('FINISHED');
  process.exit(0);
}

main().catch((error: unknown) => {
  say(`ERROR ${error instanceof Error ? error.message : String(error)}`.replace(/\n/g, ' '));
  process.exit(1);
});
