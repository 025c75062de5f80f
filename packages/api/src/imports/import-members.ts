import { performance } from 'node:perf_hooks';
import { MEMBER_CSV_COLUMNS } from '@pulih/domain';
import type Database from 'better-sqlite3';
import type { Clock } from '../clock.js';
import type { OpenedDatabase } from '../db/database.js';
import { TimedBatchSize } from './batch-size.js';
import { findJob, type ImportJobRow } from './import-job-store.js';
import {
  DEFAULT_BATCH_ROWS,
  type ImportOutcome,
  ImportTakenOverError,
  type ImportTuning,
  outcomeOf,
  type UploadedFile,
} from './import-outcome.js';
import { encodeReportReason } from './import-report.js';
import { finishImportJob, type PendingRow, UploadBatches } from './import-run.js';
import { checkMemberRow, type MemberRow, type MemberRowCheck, NIK_NEEDS_CORRECTION } from './member-row.js';
import { ImportFileError, type UploadOutcome } from './read-upload.js';

/**
 * About how long one batch may hold the server (`TimedBatchSize`). Each commit rewrites the
 * index pages its rows touched, and four indexes take random keys, so on a million-member
 * registry a row costs more in a small batch than in a large one. With checkpoints on their own
 * thread (`db/checkpoints.ts`), 500 ms batches import a million members as fast as the former
 * ~1 s ones, which kept other requests waiting up to 2 s (docs/BENCHMARKS.md).
 */
const BATCH_TARGET_MS = 500;
const MIN_BATCH_ROWS = 1_000;
const MAX_BATCH_ROWS = 50_000;

/** The prepared statements of a members import, made once per database handle. */
function prepareStatements(sqlite: Database.Database) {
  return {
    kpjOwner: sqlite.prepare<[string], { member_id: number }>('SELECT member_id FROM member_kpj WHERE kpj = ?'),
    memberByNik: sqlite.prepare<[string], { id: number; merged_into_member_id: number | null }>(
      'SELECT id, merged_into_member_id FROM members WHERE nik = ?',
    ),
    insertMember: sqlite.prepare<
      [string | null, string, string | null, string | null, string | null, string | null, string]
    >(
      `INSERT INTO members (nik, full_name, birth_date, sex, mother_name_digest, status, status_reason, created_at)
       VALUES (?, ?, ?, ?, ?, 'aktif', ?, ?) ON CONFLICT (nik) DO NOTHING`,
    ),
    insertKpj: sqlite.prepare<[string, number, string]>(
      'INSERT INTO member_kpj (kpj, member_id, registered_at) VALUES (?, ?, ?)',
    ),
    insertContacts: sqlite.prepare<[number, string | null, string | null, string]>(
      'INSERT INTO member_contacts (member_id, email, phone, updated_at) VALUES (?, ?, ?, ?) ON CONFLICT DO NOTHING',
    ),
    contactsOf: sqlite.prepare<[number], { email: string | null; phone: string | null }>(
      'SELECT email, phone FROM member_contacts WHERE member_id = ?',
    ),
    emailOwner: sqlite.prepare<[string], { member_id: number }>(
      'SELECT member_id FROM member_contacts WHERE email = ?',
    ),
    fillContacts: sqlite.prepare<[string | null, string | null, string, number]>(
      `UPDATE member_contacts SET email = coalesce(email, ?), phone = coalesce(phone, ?), updated_at = ?
       WHERE member_id = ?`,
    ),
    report: sqlite.prepare<[string, number, string]>(
      'INSERT OR REPLACE INTO import_rejections (job_id, line, reason) VALUES (?, ?, ?)',
    ),
    advanceJob: sqlite.prepare<[number, number, number, number, string, number]>(
      `UPDATE import_jobs SET rows_read = rows_read + ?, rows_accepted = rows_accepted + ?,
         rows_rejected = rows_rejected + ?, last_committed_line = ?
       WHERE id = ? AND last_committed_line = ? AND state = 'running'`,
    ),
  };
}
type Statements = ReturnType<typeof prepareStatements>;
const statementsByHandle = new WeakMap<Database.Database, Statements>();

function statementsFor(sqlite: Database.Database): Statements {
  let statements = statementsByHandle.get(sqlite);
  if (!statements) {
    statements = prepareStatements(sqlite);
    statementsByHandle.set(sqlite, statements);
  }
  return statements;
}

type Applied = { rejected: string } | { notes: string[] };

/** Contacts of a member the registry already had: fill what is empty, never overwrite. */
function addContacts(s: Statements, memberId: number, row: MemberRow, now: string, notes: string[]): void {
  if (row.phone === null && row.email === null) return;
  const current = s.contactsOf.get(memberId);
  if (!current) {
    if (s.insertContacts.run(memberId, row.email, row.phone, now).changes === 0) {
      notes.push('email dropped (registered to another member)');
      s.insertContacts.run(memberId, null, row.phone, now);
    }
    return;
  }
  let email = current.email === null ? row.email : null;
  if (email !== null) {
    const owner = s.emailOwner.get(email);
    if (owner && owner.member_id !== memberId) {
      notes.push('email dropped (registered to another member)');
      email = null;
    }
  }
  const phone = current.phone === null ? row.phone : null;
  if (email !== null || phone !== null) s.fillContacts.run(email, phone, now, memberId);
}

/**
 * Writes one checked row: a new member with its KPJ and contacts, or the KPJ added to the member
 * already registered with the same NIK. A KPJ already held by another member refuses the row.
 */
function applyMemberRow(s: Statements, row: MemberRow, now: string): Applied {
  const notes = [...row.notes];
  const owner = s.kpjOwner.get(row.kpj);
  if (owner) {
    const known = row.nik === null ? undefined : s.memberByNik.get(row.nik);
    const person = known ? (known.merged_into_member_id ?? known.id) : undefined;
    if (known && (owner.member_id === known.id || owner.member_id === person)) {
      notes.push('KPJ already registered to this member; nothing changed');
      return { notes };
    }
    return { rejected: 'KPJ already belongs to another member' };
  }
  const today = now.slice(0, 10);
  const inserted = s.insertMember.run(
    row.nik,
    row.fullName,
    row.birthDate,
    row.sex,
    row.motherNameDigest,
    row.nik === null ? NIK_NEEDS_CORRECTION : null,
    now,
  );
  if (inserted.changes === 1) {
    const memberId = Number(inserted.lastInsertRowid);
    s.insertKpj.run(row.kpj, memberId, today);
    if (row.phone !== null || row.email !== null) {
      if (s.insertContacts.run(memberId, row.email, row.phone, now).changes === 0) {
        notes.push('email dropped (registered to another member)');
        if (row.phone !== null) s.insertContacts.run(memberId, null, row.phone, now);
      }
    }
    return { notes };
  }
  // The NIK is known: the person registered again (a new employer); the KPJ joins their record.
  const known = s.memberByNik.get(row.nik as string);
  if (!known) throw new Error('members insert ignored without a NIK conflict');
  const memberId = known.merged_into_member_id ?? known.id;
  s.insertKpj.run(row.kpj, memberId, today);
  addContacts(s, memberId, row, now, notes);
  return { notes };
}

/**
 * Imports a members file as it is uploaded, in batches: each batch, its report lines and the
 * job's `last_committed_line` commit in one transaction, so an upload that stops (the sender
 * interrupted, the server killed) loses nothing committed and the same file sent again resumes
 * after that line with no row lost or doubled. A pause in the upload also commits what is
 * pending. The job must be `running` (see the `imports.start` procedure).
 */
export async function importMembers(
  database: OpenedDatabase,
  clock: Clock,
  job: ImportJobRow,
  staffId: number,
  file: UploadedFile,
  identityKey: Buffer,
  tuning: ImportTuning = {},
): Promise<ImportOutcome> {
  const { sqlite, db } = database;
  const s = statementsFor(sqlite);
  // Batches sized by time (`TimedBatchSize`) unless the caller fixed their size.
  const fixedRows = tuning.batchRows;
  const sized = new TimedBatchSize(BATCH_TARGET_MS, MIN_BATCH_ROWS, MAX_BATCH_ROWS, DEFAULT_BATCH_ROWS);
  let committedLine = job.lastCommittedLine;

  const commitBatch = sqlite.transaction((batch: PendingRow<MemberRowCheck>[], now: string) => {
    let accepted = 0;
    let rejected = 0;
    for (const { line, check } of batch) {
      if (!check.ok) {
        s.report.run(job.id, line, encodeReportReason('rejected', check.reasons));
        rejected++;
        continue;
      }
      const applied = applyMemberRow(s, check.row, now);
      if ('rejected' in applied) {
        s.report.run(job.id, line, encodeReportReason('rejected', [applied.rejected]));
        rejected++;
      } else {
        accepted++;
        if (applied.notes.length > 0)
          s.report.run(job.id, line, encodeReportReason('imported_with_note', applied.notes));
      }
    }
    const lastLine = (batch[batch.length - 1] as PendingRow<MemberRowCheck>).line;
    const moved = s.advanceJob.run(batch.length, accepted, rejected, lastLine, job.id, committedLine).changes;
    if (moved !== 1) throw new ImportTakenOverError();
    return lastLine;
  });

  const commit = (batch: PendingRow<MemberRowCheck>[]) => {
    const started = performance.now();
    committedLine = commitBatch.immediate(batch, clock.now().toISOString());
    sized.took(batch.length, performance.now() - started);
  };

  const upload = new UploadBatches({
    columns: MEMBER_CSV_COLUMNS,
    skipThroughLine: job.lastCommittedLine,
    check: (fields) => checkMemberRow(fields, identityKey),
    batchRows: () => fixedRows ?? sized.rows,
    commit,
  });

  let outcome: UploadOutcome | null = null;
  let fileError: ImportFileError | null = null;
  try {
    outcome = await upload.read(file, tuning);
  } catch (error) {
    if (error instanceof ImportTakenOverError) throw error;
    if (error instanceof ImportFileError) fileError = error;
    else {
      // Keep what arrived complete before the failure, if the database still takes it.
      try {
        upload.flush();
      } catch {}
      finish(database, clock, job, staffId, 'failed', 'the import failed on the server; send the file again to resume');
      throw error;
    }
  }
  const error = fileError
    ? fileError.message
    : !outcome?.complete
      ? `the upload stopped after line ${committedLine}; send the same file again to resume`
      : outcome.sha256 !== job.fileSha256
        ? `the file received differs from the one announced (changed while it was sent?); lines up to ${committedLine} were imported`
        : null;
  finish(database, clock, job, staffId, error === null ? 'completed' : 'failed', error);
  const finished = findJob(db, job.id) as ImportJobRow;
  if (fileError) throw fileError;
  return outcomeOf(finished);
}

function finish(
  database: OpenedDatabase,
  clock: Clock,
  job: ImportJobRow,
  staffId: number,
  state: 'completed' | 'failed',
  error: string | null,
): void {
  const now = clock.now();
  database.db.transaction((tx) =>
    finishImportJob(tx, job, staffId, state, error, now, (row) => ({ lastCommittedLine: row.lastCommittedLine })),
  );
}
