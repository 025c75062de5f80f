import { randomUUID } from 'node:crypto';
import { appendAudit } from '../audit/audit-log.js';
import type { Db } from '../db/database.js';
import { appError } from '../errors.js';
import { isUploadActive } from './active-uploads.js';
import { findLatestJobForFile, type ImportKind, insertJob, reopenJob, restartJob } from './import-job-store.js';

export interface StartedImport {
  readonly jobId: string;
  /** `completed`: this very file was imported before, nothing to send. */
  readonly state: 'running' | 'completed';
  readonly alreadyImported: boolean;
  /** Records on this line or before were committed by an earlier upload and will be skipped. */
  readonly resumeAfterLine: number;
}

/**
 * Members and employment reports commit line by line (`importByLines`), so an interrupted upload
 * resumes; a contributions file loads all or nothing, so it starts over.
 */
const resumesByLine = (kind: ImportKind): boolean => kind !== 'contributions';

/**
 * Registers (or resumes) the import of a file, identified by its kind and SHA-256, before its
 * upload: a members or employment file whose earlier upload stopped continues the same job after
 * its last committed line; a contributions file starts over (nothing of it was loaded); a file imported
 * completely is not imported again.
 */
export function startImport(
  db: Db,
  file: { kind: ImportKind; fileName: string; fileSha256: string },
  staffId: number,
  now: Date,
): StartedImport {
  return db.transaction((tx) => {
    const latest = findLatestJobForFile(tx, file.kind, file.fileSha256);
    if (latest && isUploadActive(latest.id))
      throw appError('CONFLICT', `This file is being imported right now (job ${latest.id}).`);
    if (latest?.state === 'completed')
      return { jobId: latest.id, state: 'completed', alreadyImported: true, resumeAfterLine: latest.lastCommittedLine };
    const audit = (action: string, jobId: string, resumeAfterLine: number) =>
      appendAudit(
        tx,
        {
          actorKind: 'staff',
          actorId: String(staffId),
          action,
          memberId: null,
          channel: 'cli',
          detail: { jobId, kind: file.kind, fileSha256: file.fileSha256, resumeAfterLine },
        },
        now,
      );
    if (latest && (latest.state === 'running' || latest.state === 'failed')) {
      if (resumesByLine(file.kind)) {
        reopenJob(tx, latest.id);
        audit('imports.resumed', latest.id, latest.lastCommittedLine);
        return {
          jobId: latest.id,
          state: 'running',
          alreadyImported: false,
          resumeAfterLine: latest.lastCommittedLine,
        };
      }
      restartJob(tx, latest.id, now);
      audit('imports.started', latest.id, 0);
      return { jobId: latest.id, state: 'running', alreadyImported: false, resumeAfterLine: 0 };
    }
    const jobId = randomUUID();
    insertJob(tx, { id: jobId, ...file, staffId, now });
    audit('imports.started', jobId, 0);
    return { jobId, state: 'running', alreadyImported: false, resumeAfterLine: 0 };
  });
}
