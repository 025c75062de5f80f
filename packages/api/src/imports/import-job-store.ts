import { and, asc, desc, eq, gt } from 'drizzle-orm';
import type { Db } from '../db/database.js';
import { importJobs, type importKinds, importRejections, staffUsers } from '../db/schema.js';

export type ImportKind = (typeof importKinds)[number];
export type ImportJobRow = typeof importJobs.$inferSelect;
export type ImportState = ImportJobRow['state'];

/** The SQL of import jobs and their reports (the batches themselves use prepared statements). */
export function findJob(db: Db, jobId: string): ImportJobRow | null {
  return db.select().from(importJobs).where(eq(importJobs.id, jobId)).get() ?? null;
}

/** The most recent job of this kind for a file with this SHA-256. */
export function findLatestJobForFile(db: Db, kind: ImportKind, fileSha256: string): ImportJobRow | null {
  return (
    db
      .select()
      .from(importJobs)
      .where(and(eq(importJobs.kind, kind), eq(importJobs.fileSha256, fileSha256)))
      .orderBy(desc(importJobs.startedAt))
      .limit(1)
      .get() ?? null
  );
}

export function insertJob(
  db: Db,
  job: { id: string; kind: ImportKind; fileName: string; fileSha256: string; staffId: number; now: Date },
): void {
  db.insert(importJobs)
    .values({
      id: job.id,
      kind: job.kind,
      fileName: job.fileName,
      fileSha256: job.fileSha256,
      state: 'running',
      requestedByStaffId: job.staffId,
      startedAt: job.now.toISOString(),
    })
    .run();
}

/** A members job picks up where its last committed batch ended: counts and report are kept. */
export function reopenJob(db: Db, jobId: string): void {
  db.update(importJobs).set({ state: 'running', error: null, finishedAt: null }).where(eq(importJobs.id, jobId)).run();
}

/** A contributions job starts over: nothing of an interrupted upload was loaded. */
export function restartJob(db: Db, jobId: string, now: Date): void {
  db.delete(importRejections).where(eq(importRejections.jobId, jobId)).run();
  db.update(importJobs)
    .set({
      state: 'running',
      error: null,
      finishedAt: null,
      rowsRead: 0,
      rowsAccepted: 0,
      rowsRejected: 0,
      lastCommittedLine: 0,
      startedAt: now.toISOString(),
    })
    .where(eq(importJobs.id, jobId))
    .run();
}

export function finishJob(
  db: Db,
  jobId: string,
  outcome: { state: Exclude<ImportState, 'running'>; error?: string | null; now: Date },
): void {
  db.update(importJobs)
    .set({ state: outcome.state, error: outcome.error ?? null, finishedAt: outcome.now.toISOString() })
    .where(eq(importJobs.id, jobId))
    .run();
}

export interface ListedJob extends ImportJobRow {
  readonly requestedBy: string;
}

export function listJobs(db: Db, filter: { kind?: ImportKind | undefined; limit: number }): ListedJob[] {
  return db
    .select({ job: importJobs, requestedBy: staffUsers.username })
    .from(importJobs)
    .innerJoin(staffUsers, eq(staffUsers.id, importJobs.requestedByStaffId))
    .where(filter.kind ? eq(importJobs.kind, filter.kind) : undefined)
    .orderBy(desc(importJobs.startedAt))
    .limit(filter.limit)
    .all()
    .map((r) => ({ ...r.job, requestedBy: r.requestedBy }));
}

export function findListedJob(db: Db, jobId: string): ListedJob | null {
  const row = db
    .select({ job: importJobs, requestedBy: staffUsers.username })
    .from(importJobs)
    .innerJoin(staffUsers, eq(staffUsers.id, importJobs.requestedByStaffId))
    .where(eq(importJobs.id, jobId))
    .get();
  return row ? { ...row.job, requestedBy: row.requestedBy } : null;
}

/** The report of a job, by line, a page at a time. */
export function listReportLines(
  db: Db,
  jobId: string,
  afterLine: number,
  limit: number,
): { line: number; reason: string }[] {
  return db
    .select({ line: importRejections.line, reason: importRejections.reason })
    .from(importRejections)
    .where(and(eq(importRejections.jobId, jobId), gt(importRejections.line, afterLine)))
    .orderBy(asc(importRejections.line))
    .limit(limit)
    .all();
}
