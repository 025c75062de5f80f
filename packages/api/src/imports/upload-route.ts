import { Hono } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { z } from 'zod';
import type { Clock } from '../clock.js';
import type { OpenedDatabase } from '../db/database.js';
import { type AppErrorCode, publicMessageOf } from '../errors.js';
import { sendContributionImportNotices } from '../notices/jht-notice-jobs.js';
import { findStaffByToken } from '../repositories/session-repository.js';
import { claimUpload, releaseUpload } from './active-uploads.js';
import { withImportCache } from './import-cache.js';
import { importContributions } from './import-contributions.js';
import { employmentImport } from './import-employment.js';
import { findJob } from './import-job-store.js';
import { membersImport } from './import-members.js';
import { ImportTakenOverError, type ImportTuning } from './import-outcome.js';
import { hasImportRole } from './import-roles.js';
import { importByLines, type LineBatchedImport } from './line-batched-import.js';
import { ImportFileError } from './read-upload.js';

const STATUS: Partial<Record<AppErrorCode, ContentfulStatusCode>> = {
  INVALID_INPUT: 400,
  IMPORT_FILE_INVALID: 400,
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  IMPORT_NOT_FOUND: 404,
  CONFLICT: 409,
  INTERNAL: 500,
};

const jobIdParam = z.uuid();
const contentLength = z.coerce.number().int().min(0).max(Number.MAX_SAFE_INTEGER);

/**
 * `POST /api/imports/:jobId`: the body is the file of a job registered with `imports.start`,
 * streamed as it is read from the staff member's disk (no size limit, never held whole). The
 * reply comes when the import has finished or stopped: the job's counts, in the shape of
 * `imports.status`. Errors have the tRPC reply's shape (`error.data.appCode`). Staff bearer
 * token, roles as `IMPORT_ROLES`; a bearer token is not sent by browsers on their own, so this
 * route needs no CSRF check.
 */
export function importUploadRoute(options: {
  database: OpenedDatabase;
  clock: Clock;
  /** Turns each row's mother's name into its keyed digest. */
  identityKey: Buffer;
  tuning?: ImportTuning;
}): Hono {
  const { database, clock } = options;
  const route = new Hono();
  route.post('/:jobId', async (c) => {
    const fail = (appCode: AppErrorCode, message = publicMessageOf(appCode)) => {
      const status = STATUS[appCode] ?? 500;
      return c.json({ error: { message, data: { appCode, httpStatus: status } } }, status);
    };
    const authorization = c.req.header('authorization') ?? '';
    const staff = authorization.startsWith('Bearer ')
      ? findStaffByToken(database.db, authorization.slice(7), clock.now())
      : null;
    if (!staff) return fail('UNAUTHENTICATED');
    if (!hasImportRole(staff.role)) return fail('FORBIDDEN');
    const jobId = jobIdParam.safeParse(c.req.param('jobId'));
    if (!jobId.success) return fail('IMPORT_NOT_FOUND');
    const declared = c.req.header('content-length');
    const length = declared === undefined ? null : contentLength.safeParse(declared);
    if (length && !length.success) return fail('INVALID_INPUT');
    const body = c.req.raw.body;
    if (!body) return fail('INVALID_INPUT', 'The request has no file.');
    const job = findJob(database.db, jobId.data);
    if (!job) return fail('IMPORT_NOT_FOUND');
    if (job.state !== 'running')
      return fail('CONFLICT', 'This import is not waiting for its file; start it again with `pulih import`.');
    if (!claimUpload(job.id)) return fail('CONFLICT', `This file is being imported right now (job ${job.id}).`);
    const file = { body, expectedBytes: length ? length.data : null };
    try {
      let newlyPaid = 0;
      const outcome = await withImportCache(database.sqlite, async () => {
        const byLines = <R>(kind: LineBatchedImport<R>) =>
          importByLines(database, clock, job, staff.staffId, file, kind, options.tuning);
        if (job.kind === 'members') return await byLines(membersImport(database.sqlite, options.identityKey));
        if (job.kind === 'employment') return await byLines(employmentImport(database.sqlite, clock.now()));
        const imported = await importContributions(database, clock, job, staff.staffId, file, options.tuning);
        newlyPaid = imported.newlyPaidCount;
        return imported.outcome;
      });
      // The members whose months just became paid hear of it (credited, or a status back to aktif),
      // after the answer, in small transactions, from the queue the import filled.
      if (newlyPaid > 0) {
        void sendContributionImportNotices(database.db, clock.now()).catch((error: unknown) =>
          console.error(`[imports] ${job.id}: notices failed: ${(error as Error).message}`),
        );
      }
      return c.json(outcome);
    } catch (error) {
      if (error instanceof ImportFileError)
        return fail('IMPORT_FILE_INVALID', `The file cannot be imported: ${error.message}.`);
      if (error instanceof ImportTakenOverError)
        return fail('CONFLICT', 'Another upload of this file is importing it now.');
      console.error(`[imports] ${job.id}: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
      return fail('INTERNAL');
    } finally {
      releaseUpload(job.id);
    }
  });
  return route;
}
