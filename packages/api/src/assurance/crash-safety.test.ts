/**
 * Issue #8, suite 4: crash safety. A real Node process runs the API's built code
 * (`dist/assurance/crash-child.js`, see `crash-child.ts`) against a SQLite file and is killed
 * with SIGKILL in the middle of a members import, a JHT claim (upload, submit, reject) and a
 * person merge (merge, unmerge), again and again, at seeded moments: held inside the product's
 * own transaction at a chosen row (every hook point of `HOOK_POINTS` at least once), or at a
 * random time while it works as fast as it can. After each kill the file is reopened and must
 * pass `PRAGMA integrity_check` and `foreign_key_check`, hold no half-written change (the
 * invariants below), keep everything the child had answered as done, and keep its audit chain.
 * At the end a last incarnation finishes the work and delivers the outbox: every message
 * reached the test's SMTP / SMS server, none was lost, none came from a change that was rolled
 * back, and one delivered again after a crash carried the same id and content. The killed
 * imports, resumed, end exactly like an uninterrupted one.
 *
 * `CRASH_KILLS=200` (kills per kind) and `CRASH_SEED` make a soak variant (`pnpm test:soak`).
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import { drizzle } from 'drizzle-orm/better-sqlite3';
import { simpleParser } from 'mailparser';
import { SMTPServer } from 'smtp-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyAuditChain } from '../audit/audit-chain.js';
import { startDemoServer } from '../bench/server-process.js';
import * as schema from '../db/schema.js';
import {
  type ChildOptions,
  CLAIMANT_EMAIL,
  CRASH_KINDS,
  CRASH_SECRET,
  type CrashKind,
  HOOK_POINTS,
  IMPORT_ROWS,
  importFileName,
  importKpj,
  importRowKind,
  MERGE_NAMES,
  seededRandom,
} from './crash-workload.js';

const CHILD = fileURLToPath(new URL('../../dist/assurance/crash-child.js', import.meta.url));
const BUILT = existsSync(CHILD);
const SEED = Number(process.env.CRASH_SEED ?? 20261124);
const KILLS_OVERRIDE = process.env.CRASH_KILLS ? Number(process.env.CRASH_KILLS) : null;
/** By default every hook point once, and two kills at random times. */
const killsOf = (kind: CrashKind) => KILLS_OVERRIDE ?? HOOK_POINTS[kind].length + 2;
/**
 * Per kind: two minutes, and sixteen seconds a kill (a soak run takes its time): each kill costs a
 * restart and its recovery checks, and the last incarnation delivers every backlog.
 */
const KIND_TIMEOUT_MS = 120_000 + Math.max(...CRASH_KINDS.map(killsOf)) * 16_000;
/** How many times a hook point is passed before the child is held there, at most. */
const MAX_AFTER: Record<string, number> = {
  'members.insert': 2_000,
  'member_kpj.insert': 2_500,
  'import_rejections.insert': 300,
  'import_jobs.update': 10,
};
/** The sealed file of a document: magic (9), key id (4), IV (12), tag (16), then the content. */
const SEALED_OVERHEAD = 41;

interface Kill {
  readonly how: 'hook' | 'time';
  readonly hook: { point: string; after: number } | null;
  readonly afterMs: number;
}

/**
 * The seeded plan: a third of the kills (two by default) at a random time, evenly spread; the
 * others at the hook points in a seeded order, each passed a random number of times first.
 */
function killPlan(kind: CrashKind, count: number, random: () => number): Kill[] {
  const points = [...HOOK_POINTS[kind]].sort(() => random() - 0.5);
  const timeKills = KILLS_OVERRIDE === null ? 2 : Math.round(count / 3);
  const timeSlots = new Set(
    Array.from({ length: timeKills }, (_, i) => Math.floor(((i + 1) * count) / (timeKills + 1))),
  );
  const plan: Kill[] = [];
  let next = 0;
  for (let k = 0; k < count; k++) {
    if (timeSlots.has(k)) {
      plan.push({ how: 'time', hook: null, afterMs: Math.round(50 + random() * 1_000) });
      continue;
    }
    const point = points[next++ % points.length] as string;
    const after = 1 + Math.floor(random() * (MAX_AFTER[point] ?? 6));
    plan.push({ how: 'hook', hook: { point, after }, afterMs: 0 });
  }
  return plan;
}

// --- the child process --------------------------------------------------------------------------
interface ChildRun {
  readonly lines: string[];
  readonly killed: boolean;
  readonly code: number | null;
  readonly stderr: string;
}

const live = new Set<ChildProcess>();
afterAll(() => {
  for (const child of live) child.kill('SIGKILL');
});

function runChild(options: ChildOptions, kill: Kill | null, timeoutMs = 20_000): Promise<ChildRun> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [CHILD, JSON.stringify(options)], { stdio: ['ignore', 'pipe', 'pipe'] });
    live.add(child);
    const lines: string[] = [];
    let buffer = '';
    let stderr = '';
    let killed = false;
    const killNow = () => {
      if (child.exitCode !== null || child.signalCode !== null) return;
      killed = true;
      child.kill('SIGKILL');
    };
    const guard = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
      buffer += chunk;
      for (let end = buffer.indexOf('\n'); end >= 0; end = buffer.indexOf('\n')) {
        const line = buffer.slice(0, end);
        buffer = buffer.slice(end + 1);
        lines.push(line);
        if (kill?.how === 'hook' && line.startsWith('HOOK ')) killNow();
        if (kill?.how === 'time' && line === 'READY') setTimeout(killNow, kill.afterMs);
      }
    });
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => {
      stderr += chunk;
    });
    child.once('error', reject);
    child.once('close', (code, signal) => {
      clearTimeout(guard);
      live.delete(child);
      resolve({ lines, killed: killed && signal === 'SIGKILL', code, stderr });
    });
  });
}

const describeRun = (run: ChildRun) =>
  `exit ${run.code}, last lines: ${run.lines.slice(-5).join(' | ')}${run.stderr ? `, stderr: ${run.stderr.slice(-500)}` : ''}`;

// --- where messages go: an SMTP server and an SMS gateway ---------------------------------------
interface Delivery {
  readonly id: string;
  readonly channel: 'email' | 'sms';
  readonly subject: string | null;
  readonly body: string;
}

/**
 * An SMTP server that keeps every message received in full. A child killed mid-message resets
 * its connection: that message is dropped (the next incarnation sends it again) and the reset
 * is not an error of the test.
 */
async function startSmtpServer() {
  const received: Buffer[] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onData(stream, _session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('error', () => {});
      stream.on('end', () => {
        received.push(Buffer.concat(chunks));
        callback();
      });
    },
  });
  server.on('error', () => {});
  const port = await new Promise<number>((resolve) => {
    const net = server.listen(0, '127.0.0.1', () => resolve((net.address() as AddressInfo).port));
  });
  // Pooled: one connection carries many messages, as a production relay would be used.
  return {
    url: `smtp://127.0.0.1:${port}?pool=true`,
    received,
    close: () => new Promise<void>((resolve) => server.close(resolve)),
  };
}

let smtp: Awaited<ReturnType<typeof startSmtpServer>>;
let smsServer: Server;
let smsUrl = '';
const smsReceived: Delivery[] = [];

/** Emails parsed once each (the list only grows while a kind runs). */
const parsedEmails: Delivery[] = [];
async function deliveries(): Promise<Delivery[]> {
  for (const raw of smtp.received.slice(parsedEmails.length)) {
    const parsed = await simpleParser(raw);
    const id = /^<(.+)@pulih>$/.exec(parsed.messageId ?? '')?.[1] ?? `unknown:${parsed.messageId}`;
    parsedEmails.push({ id, channel: 'email', subject: parsed.subject ?? null, body: (parsed.text ?? '').trimEnd() });
  }
  return [...parsedEmails, ...smsReceived];
}

// --- the database after a kill ------------------------------------------------------------------
const dbFile = (dir: string) => join(dir, 'pulih.sqlite');

/** Opens the file as a restarted server would (recovering the WAL), runs `check`, closes it. */
function inspect<T>(dir: string, check: (sqlite: Database.Database) => T): T {
  const sqlite = new Database(dbFile(dir));
  try {
    return check(sqlite);
  } finally {
    sqlite.close();
  }
}

/** Problems every kind checks: the file, its foreign keys, the audit chain. */
function fileProblems(sqlite: Database.Database): string[] {
  const problems: string[] = [];
  const integrity = sqlite.pragma('integrity_check', { simple: true });
  if (integrity !== 'ok') problems.push(`integrity_check: ${String(integrity)}`);
  const dangling = sqlite.pragma('foreign_key_check') as unknown[];
  if (dangling.length > 0) problems.push(`foreign_key_check: ${JSON.stringify(dangling.slice(0, 3))}`);
  const chain = verifyAuditChain(drizzle(sqlite, { schema }));
  if (!chain.ok) problems.push(`audit chain broken at entry ${chain.firstBrokenId}`);
  return problems;
}

/** What the child answered as done, over all its incarnations. */
const acknowledged = (runs: readonly ChildRun[], what: string): string[] =>
  runs.flatMap((r) => r.lines.filter((l) => l.startsWith(`DONE ${what} `)).map((l) => l.split(' ')[2] as string));

const all = <T>(sqlite: Database.Database, query: string, ...params: unknown[]) =>
  sqlite.prepare(query).all(...params) as T[];
const one = <T>(sqlite: Database.Database, query: string, ...params: unknown[]) =>
  sqlite.prepare(query).get(...params) as T;

/** Expected counts of a members file whose lines up to `line` were committed. */
function importExpected(line: number) {
  const counts = { rowsRead: 0, accepted: 0, rejected: 0, members: 0, notes: 0 };
  for (let j = 1; j + 1 <= line; j++) {
    const kind = importRowKind(j);
    counts.rowsRead++;
    if (kind === 'refused') counts.rejected++;
    else counts.accepted++;
    if (kind === 'new' || kind === 'no_nik') counts.members++;
    if (kind === 'no_nik') counts.notes++;
  }
  return counts;
}

interface ImportJob {
  id: string;
  file_name: string;
  state: string;
  rows_read: number;
  rows_accepted: number;
  rows_rejected: number;
  last_committed_line: number;
}

/**
 * Import: each job's counters, its rows and its report agree with the line it says it committed.
 * A completed job found whole is remembered in `verified` and not read again after later kills.
 */
function importProblems(sqlite: Database.Database, runs: readonly ChildRun[], verified: Set<string>): string[] {
  const problems: string[] = [];
  const jobs = all<ImportJob>(sqlite, "SELECT * FROM import_jobs WHERE file_name LIKE 'members-%'");
  for (const job of jobs) {
    if (verified.has(job.id)) continue;
    const file = Number(/members-(\d+)\.csv/.exec(job.file_name)?.[1]);
    const line = job.last_committed_line;
    const expected = importExpected(line);
    const kpjs = all<{ kpj: string }>(
      sqlite,
      'SELECT kpj FROM member_kpj WHERE kpj >= ? AND kpj <= ?',
      importKpj(file, 0),
      importKpj(file, 999_999),
    ).map((r) => r.kpj);
    const beyond = kpjs.filter((kpj) => Number(kpj.slice(5)) > line);
    const members = one<{ n: number }>(
      sqlite,
      'SELECT count(*) AS n FROM members WHERE full_name LIKE ?',
      `ANGGOTA UJI ${file}-%`,
    ).n;
    const report = all<{ line: number; reason: string }>(
      sqlite,
      'SELECT line, reason FROM import_rejections WHERE job_id = ?',
      job.id,
    );
    const found = {
      rowsRead: job.rows_read,
      accepted: job.rows_accepted,
      rejected: job.rows_rejected,
      kpjs: kpjs.length,
      members,
      refusedLines: report.filter((r) => !r.reason.startsWith('note: ')).length,
      noteLines: report.filter((r) => r.reason.startsWith('note: ')).length,
    };
    const want = {
      rowsRead: expected.rowsRead,
      accepted: expected.accepted,
      rejected: expected.rejected,
      kpjs: expected.accepted,
      members: expected.members,
      refusedLines: expected.rejected,
      noteLines: expected.notes,
    };
    const before = problems.length;
    if (JSON.stringify(found) !== JSON.stringify(want))
      problems.push(
        `file ${file} committed through line ${line}: ${JSON.stringify(found)}, want ${JSON.stringify(want)}`,
      );
    if (beyond.length > 0) problems.push(`file ${file}: ${beyond.length} KPJs beyond the committed line ${line}`);
    if (report.some((r) => r.line > line)) problems.push(`file ${file}: report lines beyond line ${line}`);
    if (job.state === 'completed' && line !== IMPORT_ROWS + 1) problems.push(`file ${file}: completed at line ${line}`);
    if (job.state === 'completed' && problems.length === before) verified.add(job.id);
  }
  for (const file of acknowledged(runs, 'import')) {
    const job = jobs.find((j) => j.file_name === importFileName(Number(file)));
    if (job?.state !== 'completed') problems.push(`file ${file} was answered as imported but is ${job?.state}`);
  }
  return problems;
}

interface ClaimRow {
  id: string;
  state: string;
  open_key: string | null;
  decided_at: string | null;
}

/** Values grouped by a key. */
function groupBy<T>(rows: readonly T[], key: (row: T) => string | undefined): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const row of rows) {
    const k = key(row);
    if (k === undefined) continue;
    groups.set(k, [...(groups.get(k) ?? []), row]);
  }
  return groups;
}
const detailOf = (detail: string) => JSON.parse(detail) as Record<string, unknown>;
const CLAIM_REFERENCE = /KLM-[0-9A-Z]{4}-[0-9A-Z]{4}/;

/** Claims: each claim whole (documents, events, notices, audit), each document with its whole file. */
function claimProblems(sqlite: Database.Database, dir: string, runs: readonly ChildRun[]) {
  // The documents the assessment asks for, as the child was told.
  const kinds = runs
    .flatMap((r) => r.lines)
    .find((l) => l.startsWith('DOCUMENTS '))
    ?.slice('DOCUMENTS '.length)
    .split(',')
    .sort()
    .join(',');
  const problems: string[] = [];
  const memberId = one<{ member_id: number }>(
    sqlite,
    'SELECT member_id FROM member_contacts WHERE email = ?',
    CLAIMANT_EMAIL,
  ).member_id;
  const claims = all<ClaimRow>(
    sqlite,
    'SELECT id, state, open_key, decided_at FROM jht_claims WHERE member_id = ?',
    memberId,
  );
  const ids = new Set(claims.map((c) => c.id));
  const eventsOf = groupBy(
    all<{ claim_id: string; state: string }>(sqlite, 'SELECT claim_id, state FROM jht_claim_events ORDER BY id'),
    (e) => e.claim_id,
  );
  const documents = all<{ id: string; claim_id: string | null; kind: string; size_bytes: number; storage_key: string }>(
    sqlite,
    'SELECT id, claim_id, kind, size_bytes, storage_key FROM jht_claim_documents WHERE member_id = ? AND deleted_at IS NULL',
    memberId,
  );
  const documentsOf = groupBy(documents, (d) => d.claim_id ?? undefined);
  const noticesOf = groupBy(
    all<{ subject: string }>(
      sqlite,
      "SELECT subject FROM notices_sent WHERE member_id = ? AND topic = 'claim_state'",
      memberId,
    ),
    (n) => n.subject.split(':')[0],
  );
  const messages = all<{ body: string }>(
    sqlite,
    "SELECT body FROM outbox WHERE template = 'claim_state_changed' AND member_id = ?",
    memberId,
  );
  const messagesOf = groupBy(messages, (m) => CLAIM_REFERENCE.exec(m.body)?.[0] ?? 'none');
  const audit = all<{ action: string; detail: string }>(
    sqlite,
    "SELECT action, detail FROM audit_log WHERE action IN ('jht.claim_submitted', 'jht.claim_rejected', 'jht.claim_document_uploaded')",
  );
  const auditOf = groupBy(audit, (a) => {
    const detail = detailOf(a.detail);
    return `${a.action} ${String(detail.claimId ?? detail.documentId)}`;
  });
  const ratios = new Set<number>();
  for (const claim of claims) {
    const events = (eventsOf.get(claim.id) ?? []).map((e) => e.state);
    const wantEvents = claim.state === 'rejected' ? ['submitted', 'rejected'] : ['submitted'];
    if (!['submitted', 'rejected'].includes(claim.state)) problems.push(`claim ${claim.id} is ${claim.state}`);
    if (JSON.stringify(events) !== JSON.stringify(wantEvents))
      problems.push(`claim ${claim.id} (${claim.state}) has events ${events.join(',')}`);
    if (
      (claim.open_key === null) !== (claim.state === 'rejected') ||
      (claim.decided_at === null) === (claim.state === 'rejected')
    )
      problems.push(`claim ${claim.id} (${claim.state}): open_key ${claim.open_key}, decided_at ${claim.decided_at}`);
    const attached = (documentsOf.get(claim.id) ?? []).map((d) => d.kind).sort();
    if (attached.join(',') !== kinds)
      problems.push(`claim ${claim.id} has the documents ${attached.join(',')}, not ${kinds}`);
    const notices = (noticesOf.get(claim.id) ?? []).map((n) => n.subject.split(':')[1]).sort();
    if (JSON.stringify(notices) !== JSON.stringify([...events].sort()))
      problems.push(`claim ${claim.id}: notices recorded for ${notices.join(',')}, events ${events.join(',')}`);
    ratios.add((messagesOf.get(claim.id)?.length ?? 0) / Math.max(1, events.length));
    const audited = (action: string) => auditOf.get(`${action} ${claim.id}`)?.length ?? 0;
    if (audited('jht.claim_submitted') !== 1 || audited('jht.claim_rejected') !== (claim.state === 'rejected' ? 1 : 0))
      problems.push(`claim ${claim.id} (${claim.state}): audit entries do not match`);
  }
  // Every event's notices were queued on the same channels: no message lost in a commit.
  if (ratios.size > 1 || [...ratios].some((r) => !Number.isInteger(r) || r < 1))
    problems.push(`messages per claim event vary: ${[...ratios].join(', ')}`);
  const strayMessages = [...messagesOf.keys()].filter((id) => !ids.has(id));
  if (strayMessages.length > 0)
    problems.push(`claim notices for claims that do not exist: ${strayMessages.join(', ')}`);
  const strayAudit = audit.filter(
    (a) => a.action !== 'jht.claim_document_uploaded' && !ids.has(String(detailOf(a.detail).claimId)),
  );
  if (strayAudit.length > 0) problems.push(`${strayAudit.length} claim audit entries for claims that do not exist`);
  for (const document of documents) {
    const path = join(dir, 'documents', document.storage_key);
    const size = existsSync(path) ? statSync(path).size : -1;
    if (size !== document.size_bytes + SEALED_OVERHEAD) problems.push(`document ${document.id}: file of ${size} bytes`);
    const audited = auditOf.get(`jht.claim_document_uploaded ${document.id}`)?.length ?? 0;
    if (audited !== 1) problems.push(`document ${document.id}: ${audited} upload audit entries`);
  }
  const documentIds = new Set(documents.map((d) => d.id));
  const strayUploads = audit.filter(
    (a) => a.action === 'jht.claim_document_uploaded' && !documentIds.has(String(detailOf(a.detail).documentId)),
  );
  if (strayUploads.length > 0)
    problems.push(`${strayUploads.length} upload audit entries for documents that do not exist`);
  const rejected = new Set(claims.filter((c) => c.state === 'rejected').map((c) => c.id));
  for (const id of acknowledged(runs, 'submit')) if (!ids.has(id)) problems.push(`submitted claim ${id} is gone`);
  for (const id of acknowledged(runs, 'reject')) if (!rejected.has(id)) problems.push(`rejection of ${id} is gone`);
  for (const id of acknowledged(runs, 'upload')) if (!documentIds.has(id)) problems.push(`document ${id} is gone`);
  return problems;
}

interface MergeFacts {
  readonly memberIds: readonly number[];
  readonly candidateId: number;
  /** Each record's KPJ numbers before any merge. */
  readonly kpjsOf: ReadonlyMap<number, readonly string[]>;
  /** Messages per merge (or unmerge): one per registered contact of the two records. */
  readonly contacts: number;
}

function mergeFacts(sqlite: Database.Database): MergeFacts {
  const ids = all<{ id: number }>(
    sqlite,
    `SELECT id FROM members WHERE full_name IN (${MERGE_NAMES.map(() => '?').join(',')}) ORDER BY id`,
    ...MERGE_NAMES,
  ).map((r) => r.id);
  const candidate = one<{ id: number }>(
    sqlite,
    'SELECT id FROM duplicate_candidates WHERE left_member_id IN (?, ?) AND right_member_id IN (?, ?)',
    ...ids,
    ...ids,
  );
  const kpjsOf = new Map(
    ids.map((id) => [
      id,
      all<{ kpj: string }>(sqlite, 'SELECT kpj FROM member_kpj WHERE member_id = ? ORDER BY kpj', id).map((r) => r.kpj),
    ]),
  );
  const contacts = one<{ n: number }>(
    sqlite,
    `SELECT count(DISTINCT email) + count(DISTINCT phone) AS n FROM member_contacts WHERE member_id IN (?, ?)`,
    ...ids,
  ).n;
  return { memberIds: ids, candidateId: candidate.id, kpjsOf, contacts };
}

/** Merges: the records, the KPJ numbers, the merge record, the review item, notices and audit agree. */
function mergeProblems(sqlite: Database.Database, facts: MergeFacts, runs: readonly ChildRun[]): string[] {
  const problems: string[] = [];
  const merges = all<{
    id: number;
    kept_member_id: number;
    merged_member_id: number;
    moved_kpjs: string;
    unmerged_at: string | null;
  }>(sqlite, 'SELECT * FROM person_merges WHERE candidate_id = ? ORDER BY id', facts.candidateId);
  const active = merges.filter((m) => m.unmerged_at === null);
  const state = one<{ state: string }>(
    sqlite,
    'SELECT state FROM duplicate_candidates WHERE id = ?',
    facts.candidateId,
  ).state;
  const mergedInto = new Map(
    facts.memberIds.map((id) => [
      id,
      one<{ m: number | null }>(sqlite, 'SELECT merged_into_member_id AS m FROM members WHERE id = ?', id).m,
    ]),
  );
  const ownerOf = (kpj: string) =>
    one<{ member_id: number }>(sqlite, 'SELECT member_id FROM member_kpj WHERE kpj = ?', kpj).member_id;
  if (active.length > 1) problems.push(`${active.length} active merges of one item`);
  const merge = active[0];
  if (merge) {
    if (state !== 'merged') problems.push(`merged, but the item is ${state}`);
    if (
      mergedInto.get(merge.merged_member_id) !== merge.kept_member_id ||
      mergedInto.get(merge.kept_member_id) !== null
    )
      problems.push(`merged, but merged_into is ${JSON.stringify([...mergedInto])}`);
    for (const id of facts.memberIds)
      for (const kpj of facts.kpjsOf.get(id) ?? [])
        if (ownerOf(kpj) !== merge.kept_member_id) problems.push(`merged, but KPJ ${kpj} is on member ${ownerOf(kpj)}`);
    const moved = JSON.parse(merge.moved_kpjs) as string[];
    if (JSON.stringify(moved) !== JSON.stringify(facts.kpjsOf.get(merge.merged_member_id)))
      problems.push(`the merge recorded ${moved.join(',')} as moved`);
  } else {
    if (state !== 'open') problems.push(`not merged, but the item is ${state}`);
    if ([...mergedInto.values()].some((m) => m !== null))
      problems.push(`not merged, but merged_into is ${JSON.stringify([...mergedInto])}`);
    for (const id of facts.memberIds)
      for (const kpj of facts.kpjsOf.get(id) ?? [])
        if (ownerOf(kpj) !== id) problems.push(`not merged, but KPJ ${kpj} of ${id} is on ${ownerOf(kpj)}`);
  }
  const unmerged = merges.length - active.length;
  const count = (query: string, ...params: unknown[]) => one<{ n: number }>(sqlite, query, ...params).n;
  const found = {
    mergedNotices: count("SELECT count(*) AS n FROM outbox WHERE template = 'person_records_merged'"),
    unmergedNotices: count("SELECT count(*) AS n FROM outbox WHERE template = 'person_records_unmerged'"),
    mergedAudit: count("SELECT count(*) AS n FROM audit_log WHERE action = 'duplicates.merged'"),
    unmergedAudit: count("SELECT count(*) AS n FROM audit_log WHERE action = 'duplicates.unmerged'"),
  };
  const want = {
    mergedNotices: facts.contacts * merges.length,
    unmergedNotices: facts.contacts * unmerged,
    mergedAudit: 2 * merges.length,
    unmergedAudit: 2 * unmerged,
  };
  if (JSON.stringify(found) !== JSON.stringify(want))
    problems.push(
      `${merges.length} merges, ${unmerged} undone: ${JSON.stringify(found)}, want ${JSON.stringify(want)}`,
    );
  // Durable: every merge and unmerge the child answered is there (one more may have committed unanswered).
  const answered = { merges: acknowledged(runs, 'merge').length, unmerges: acknowledged(runs, 'unmerge').length };
  if (merges.length < answered.merges || unmerged < answered.unmerges)
    problems.push(`answered ${JSON.stringify(answered)}, found ${merges.length} merges, ${unmerged} undone`);
  return problems;
}

/** Messages: every delivered message is an outbox row (nothing from a rolled-back change). */
async function deliveryProblems(sqlite: Database.Database): Promise<string[]> {
  const ids = new Set(all<{ id: string }>(sqlite, 'SELECT id FROM outbox').map((r) => r.id));
  const strays = (await deliveries()).filter((d) => !ids.has(d.id));
  return strays.length > 0 ? [`${strays.length} messages delivered that the outbox does not hold`] : [];
}

// --- the suite ----------------------------------------------------------------------------------
const seedDir = mkdtempSync(join(tmpdir(), 'pulih-crash-seed-'));
const dirs = [seedDir];
/** A copy of the seeded database in a directory of its own. */
function freshCopy(label: string): string {
  const dir = mkdtempSync(join(tmpdir(), `pulih-crash-${label}-`));
  dirs.push(dir);
  inspect(seedDir, (sqlite) => sqlite.prepare('VACUUM INTO ?').run(dbFile(dir)));
  return dir;
}

const results: Record<string, unknown>[] = [];
const CRASH_KINDS_INDEX: Record<CrashKind, number> = { import: 0, claim: 1, merge: 2 };
/** Outbox rows of the seeded file that the seeding server's own (dev) sender already delivered. */
let seedSentIds = new Set<string>();

describe.skipIf(!BUILT)(
  BUILT
    ? 'crash safety: SIGKILL in the middle of imports, claims and merges'
    : `crash safety (skipped: ${CHILD} is not built; run pnpm --filter @pulih/api build)`,
  () => {
    beforeAll(async () => {
      smtp = await startSmtpServer();
      smsServer = createServer((request, response) => {
        let body = '';
        request.on('error', () => {});
        request.setEncoding('utf8').on('data', (chunk: string) => {
          body += chunk;
        });
        request.on('end', () => {
          const message = JSON.parse(body) as { id: string; message: string };
          smsReceived.push({
            id: String(request.headers['idempotency-key']),
            channel: 'sms',
            subject: null,
            body: message.message,
          });
          response.end('{}');
        });
      });
      await new Promise<void>((resolve) => smsServer.listen(0, '127.0.0.1', resolve));
      smsUrl = `http://127.0.0.1:${(smsServer.address() as AddressInfo).port}/sms`;
      // The built server seeds the demo registry into the file, as `pnpm start` would.
      const seeding = await startDemoServer(
        { PULIH_DEMO_MEMBERS: '20', PULIH_DATA_DIR: seedDir, PULIH_SECRET: CRASH_SECRET },
        'pipe',
      );
      await seeding.stop('SIGTERM');
      seedSentIds = inspect(
        seedDir,
        (sqlite) =>
          new Set(all<{ id: string }>(sqlite, 'SELECT id FROM outbox WHERE sent_at IS NOT NULL').map((r) => r.id)),
      );
    }, 60_000);

    afterAll(async () => {
      await smtp?.close();
      await new Promise((resolve) => smsServer?.close(resolve));
      for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
      if (results.length > 0)
        console.log(`crash safety (seed ${SEED}):\n${results.map((r) => JSON.stringify(r)).join('\n')}`);
    });

    /**
     * Kills the child `killsOf(kind)` times at the planned moments, checking the file after each
     * kill, then lets a last incarnation finish and deliver the outbox.
     */
    async function crashAndRecover(
      kind: CrashKind,
      dir: string,
      problems: (sqlite: Database.Database, runs: readonly ChildRun[], verified: Set<string>) => string[],
      finalRounds: (sqlite: Database.Database) => number,
    ) {
      const started = Date.now();
      smtp.received.length = 0;
      parsedEmails.length = 0;
      smsReceived.length = 0;
      const random = seededRandom(SEED + CRASH_KINDS_INDEX[kind]);
      const plan = killPlan(kind, killsOf(kind), random);
      const base = { dataDir: dir, kind, smtpUrl: smtp.url, smsUrl, drain: false };
      const runs: ChildRun[] = [];
      const survived = { hook: 0, time: 0 };
      const verified = new Set<string>();
      const points = new Set<string>();
      for (const [k, kill] of plan.entries()) {
        const run = await runChild({ ...base, hook: kill.hook, rounds: null, seed: SEED + k }, kill);
        runs.push(run);
        const label = `${kind} kill ${k + 1}/${plan.length} (${kill.hook ? `${kill.hook.point} #${kill.hook.after}` : `${kill.afterMs} ms`})`;
        expect(run.killed, `${label}: ${describeRun(run)}`).toBe(true);
        if (kill.hook) expect(run.lines.at(-1), label).toMatch(/^HOOK /);
        const found = inspect(dir, (sqlite) => [...fileProblems(sqlite), ...problems(sqlite, runs, verified)]);
        found.push(...(await inspect(dir, deliveryProblems)));
        expect(found, label).toEqual([]);
        survived[kill.how]++;
        if (kill.hook) points.add(kill.hook.point);
      }
      // The last incarnation finishes what was left and delivers every message.
      const killing = Date.now() - started;
      const rounds = inspect(dir, finalRounds);
      const last = await runChild(
        { ...base, hook: null, rounds, drain: true, seed: SEED - 1 },
        null,
        // Delivering the backlog of every incarnation takes a while after hundreds of kills: each
        // merge round queues notices, and real SMTP delivers ~40 a second on a loaded 2-core machine
        // (40 kills: ~1,100 merges, ~9,000 messages, over 200 s in one soak run).
        60_000 + plan.length * 10_000,
      );
      runs.push(last);
      expect(last.lines.at(-1), describeRun(last)).toBe('FINISHED');
      // Everything is checked again, nothing taken as verified.
      const final = inspect(dir, (sqlite) => [...fileProblems(sqlite), ...problems(sqlite, runs, new Set())]);
      expect(final, `${kind} after recovery`).toEqual([]);

      // The outbox: every row delivered, nothing else; a message delivered again has the same id and content.
      const delivered = await deliveries();
      const outbox = inspect(dir, (sqlite) =>
        all<{ id: string; channel: string; subject: string | null; body: string; sent_at: string | null }>(
          sqlite,
          'SELECT id, channel, subject, body, sent_at FROM outbox',
        ),
      );
      expect(outbox.filter((m) => m.sent_at === null)).toEqual([]);
      const byId = new Map(outbox.map((m) => [m.id, m]));
      expect(delivered.filter((d) => !byId.has(d.id))).toEqual([]);
      const deliveredIds = new Set(delivered.map((d) => d.id));
      // Every message is delivered (but those the seeding server had delivered before the copy).
      expect(outbox.filter((m) => !deliveredIds.has(m.id) && !seedSentIds.has(m.id)).map((m) => m.id)).toEqual([]);
      for (const d of delivered) {
        const row = byId.get(d.id);
        expect({ channel: d.channel, subject: d.subject, body: d.body }).toEqual({
          channel: row?.channel,
          subject: row?.subject ?? null,
          body: row?.body.trimEnd(),
        });
      }
      const redelivered = delivered.length - deliveredIds.size;
      const summary = {
        kind,
        kills: survived.hook + survived.time,
        insideTransactionAt: survived.hook,
        atRandomTimes: survived.time,
        hookPoints: [...points].length,
        incarnations: runs.length,
        messagesDelivered: deliveredIds.size,
        deliveredAgainSameId: redelivered,
        killingSeconds: Math.round(killing / 100) / 10,
        drainMs: Number(last.lines.find((l) => l.startsWith('DRAINED '))?.split(' ')[1]),
        seconds: Math.round((Date.now() - started) / 100) / 10,
      };
      results.push(summary);
      return { runs, summary, points };
    }

    it(
      'a members import killed mid-batch resumes to exactly the rows of an uninterrupted import',
      async () => {
        // The uninterrupted import, on a copy of its own.
        const baselineDir = freshCopy('import-baseline');
        const baseline = await runChild(
          {
            dataDir: baselineDir,
            kind: 'import',
            hook: null,
            rounds: 1,
            drain: false,
            smtpUrl: smtp.url,
            smsUrl,
            seed: SEED,
          },
          null,
        );
        expect(baseline.lines.at(-1), describeRun(baseline)).toBe('FINISHED');
        const finalCounts = (dir: string, file: number) =>
          inspect(dir, (sqlite) => {
            const job = one<ImportJob>(sqlite, 'SELECT * FROM import_jobs WHERE file_name = ?', importFileName(file));
            return {
              state: job.state,
              rowsRead: job.rows_read,
              rowsAccepted: job.rows_accepted,
              rowsRejected: job.rows_rejected,
              reportLines: one<{ n: number }>(
                sqlite,
                'SELECT count(*) AS n FROM import_rejections WHERE job_id = ?',
                job.id,
              ).n,
              kpjs: one<{ n: number }>(
                sqlite,
                'SELECT count(*) AS n FROM member_kpj WHERE kpj >= ? AND kpj <= ?',
                importKpj(file, 0),
                importKpj(file, 999_999),
              ).n,
              members: one<{ n: number }>(
                sqlite,
                'SELECT count(*) AS n FROM members WHERE full_name LIKE ?',
                `ANGGOTA UJI ${file}-%`,
              ).n,
            };
          });
        const uninterrupted = finalCounts(baselineDir, 0);
        expect(uninterrupted).toMatchObject({ state: 'completed', rowsRead: IMPORT_ROWS });

        const dir = freshCopy('import');
        const { runs, summary } = await crashAndRecover(
          'import',
          dir,
          (sqlite, r, verified) => importProblems(sqlite, r, verified),
          (sqlite) => Math.max(1, one<{ n: number }>(sqlite, 'SELECT count(*) AS n FROM import_jobs').n),
        );
        const files = inspect(dir, (sqlite) => one<{ n: number }>(sqlite, 'SELECT count(*) AS n FROM import_jobs').n);
        for (let file = 0; file < files; file++) {
          // The KPJ and NIK of each file differ, the outcome of each line does not.
          expect(finalCounts(dir, file), `file ${file}`).toEqual(uninterrupted);
        }
        // Uploads that started after a line a killed incarnation had committed.
        const resumed = runs
          .flatMap((r) => r.lines)
          .map((l) => /^BEGIN import \d+ \S+ (\d+)$/.exec(l)?.[1])
          .filter((line) => line !== undefined && Number(line) > 0 && Number(line) <= IMPORT_ROWS).length;
        expect(resumed).toBeGreaterThan(0);
        Object.assign(summary, { files, resumedAfterAKill: resumed });
      },
      KIND_TIMEOUT_MS,
    );

    it(
      'a JHT claim killed while being uploaded, submitted or rejected is whole or absent',
      async () => {
        const dir = freshCopy('claim');
        const { summary, points } = await crashAndRecover(
          'claim',
          dir,
          (sqlite, runs) => claimProblems(sqlite, dir, runs),
          () => 1,
        );
        const counts = inspect(dir, (sqlite) =>
          one<{ claims: number; documents: number }>(
            sqlite,
            `SELECT (SELECT count(*) FROM jht_claims) AS claims, (SELECT count(*) FROM jht_claim_documents) AS documents`,
          ),
        );
        // Files written by an upload or a counter submission whose transaction never committed.
        const rows = inspect(
          dir,
          (sqlite) =>
            new Set(all<{ k: string }>(sqlite, 'SELECT storage_key AS k FROM jht_claim_documents').map((r) => r.k)),
        );
        const orphanFiles = readdirSync(join(dir, 'documents')).filter((name) => !rows.has(name)).length;
        if (points.has('sender.delivered')) expect(summary.deliveredAgainSameId).toBeGreaterThan(0);
        Object.assign(summary, { ...counts, orphanFiles });
      },
      KIND_TIMEOUT_MS,
    );

    it(
      'a person merge killed half-way is all or nothing, and so is its unmerge',
      async () => {
        const dir = freshCopy('merge');
        const facts = inspect(dir, mergeFacts);
        expect(facts.memberIds).toHaveLength(2);
        const { summary, points } = await crashAndRecover(
          'merge',
          dir,
          (sqlite, runs) => mergeProblems(sqlite, facts, runs),
          () => 1,
        );
        const merges = inspect(
          dir,
          (sqlite) => one<{ n: number }>(sqlite, 'SELECT count(*) AS n FROM person_merges').n,
        );
        if (points.has('sender.delivered')) expect(summary.deliveredAgainSameId).toBeGreaterThan(0);
        Object.assign(summary, { merges });
      },
      KIND_TIMEOUT_MS,
    );
  },
);
