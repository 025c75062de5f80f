import { setTimeout as sleep } from 'node:timers/promises';
import type { Command } from 'commander';
import { type ApiClient, callApi } from '../api-client.js';
import { loadCredentials } from '../credentials.js';
import { type CliEnv, CliError } from '../env.js';
import { authenticatedClient } from '../session.js';
import { digestFile } from './file-digest.js';
import { stderrImportProgress } from './import-progress.js';
import { fetchReport, printOrWriteReport, type ReportLine, writeReport } from './import-report-output.js';
import { type UploadReply, uploadFile } from './upload-file.js';

/** The kinds of file the API imports (its `imports.start` input). */
export const IMPORT_KINDS = ['members', 'contributions', 'employment'] as const;
export type ImportKind = (typeof IMPORT_KINDS)[number];
export type ImportJob = Awaited<ReturnType<ApiClient['imports']['status']['query']>>;

export interface ImportOptions {
  readonly apiUrl?: string;
  readonly json?: boolean;
  readonly report?: string;
}

const POLL_MS = 500;
const LABEL: Record<ImportKind, string> = {
  members: 'impor peserta / importing members',
  contributions: 'impor iuran / importing contributions',
  employment: 'impor laporan kepesertaan / importing employment reports',
};

/** One line on the counts of a job, for people. */
export function describeJob(job: ImportJob, notes: number): string {
  const counts = `${job.rowsRead} rows read, ${job.rowsAccepted} imported${notes > 0 ? ` (${notes} with a note)` : ''}, ${job.rowsRejected} refused`;
  switch (job.state) {
    case 'completed':
      return `Impor selesai / import completed (job ${job.jobId}, ${job.kind}, ${job.fileName}): ${counts}.`;
    case 'rejected':
      return `Berkas ditolak / file refused (job ${job.jobId}, ${job.kind}, ${job.fileName}): ${counts}; nothing was loaded.`;
    case 'failed':
      return `Impor terhenti / import stopped (job ${job.jobId}, ${job.kind}, ${job.fileName}): ${counts}; ${job.error ?? ''}`;
    default:
      return `Impor berjalan / import running (job ${job.jobId}, ${job.kind}, ${job.fileName}): ${counts}, committed through line ${job.lastCommittedLine}.`;
  }
}

/** Prints a job with its report (or writes the report to a file); JSON for scripts. */
export function printJob(job: ImportJob, report: readonly ReportLine[], options: ImportOptions): void {
  const notes = report.filter((l) => l.outcome === 'imported_with_note').length;
  if (options.json) {
    if (options.report) writeReport(options.report, report);
    console.log(JSON.stringify({ ...job, notes, ...(options.report ? {} : { report }) }));
    return;
  }
  console.log(describeJob(job, notes));
  printOrWriteReport(report, options.report, job.jobId);
}

function uploadError(reply: UploadReply): CliError {
  const error = (reply.body as { error?: { message?: string; data?: { appCode?: string } } } | null)?.error;
  const appCode = error?.data?.appCode;
  if (appCode === 'UNAUTHENTICATED') return new CliError('not logged in or the session expired: run `pulih login`');
  if (appCode) return new CliError(`${error?.message ?? 'the upload was refused'} (${appCode})`);
  return new CliError(`the API answered the upload with HTTP ${reply.status}`);
}

/**
 * `pulih import members|contributions|employment FILE`: hashes the file (streaming), registers the job
 * (the server says where to resume), streams the file to the server and shows the server's
 * progress until the import ends, then the summary and the report. Nothing is parsed here: the
 * server is the one place that checks and writes rows.
 */
export async function runImport(env: CliEnv, kind: ImportKind, path: string, options: ImportOptions): Promise<void> {
  const { client, apiUrl } = authenticatedClient(env, options.apiUrl);
  const token = loadCredentials(env.configDir)?.token ?? '';
  const file = await digestFile(path);
  const started = await callApi(apiUrl, () =>
    client.imports.start.mutate({ kind, fileName: file.name, fileSha256: file.sha256 }),
  );
  if (started.alreadyImported) {
    const job = await callApi(apiUrl, () => client.imports.status.query({ jobId: started.jobId }));
    if (options.json) console.log(JSON.stringify({ ...job, alreadyImported: true }));
    else console.log(`Sudah diimpor / already imported: this file is job ${job.jobId} (${job.finishedAt ?? ''}).`);
    return;
  }
  if (started.resumeAfterLine > 0)
    process.stderr.write(`pulih: resuming job ${started.jobId} after line ${started.resumeAfterLine}\n`);
  const before = await callApi(apiUrl, () => client.imports.status.query({ jobId: started.jobId }));
  const progress = stderrImportProgress(LABEL[kind], Math.max(file.lines - 1, 0), before.rowsRead);
  const upload = uploadFile(apiUrl, started.jobId, token, file);
  const onInterrupt = () => {
    upload.abort();
    progress.stop();
    process.stderr.write(
      kind !== 'contributions'
        ? `\npulih: interrupted; what the server committed stays: run the same command again to resume\n`
        : `\npulih: interrupted; a file that had reached the server whole is still loaded by it (pulih import status ${started.jobId}), otherwise nothing was loaded: run the same command again\n`,
    );
    process.exit(130);
  };
  process.once('SIGINT', onInterrupt);
  let reply: UploadReply;
  try {
    let finished: UploadReply | null = null;
    const settled = upload.done.then((r) => {
      finished = r;
    });
    for (;;) {
      await Promise.race([settled, sleep(POLL_MS)]);
      if (finished) break;
      try {
        const status = await client.imports.status.query({ jobId: started.jobId });
        progress.update(status.rowsRead);
      } catch {
        // A missed poll changes nothing: the upload's own answer decides.
      }
    }
    reply = finished as unknown as UploadReply;
  } finally {
    process.removeListener('SIGINT', onInterrupt);
    progress.stop();
  }
  if (reply.status !== 200) throw uploadError(reply);
  const job = await callApi(apiUrl, () => client.imports.status.query({ jobId: started.jobId }));
  const report = await fetchReport(client, apiUrl, job.jobId);
  printJob(job, report, options);
  if (job.state === 'rejected')
    throw new CliError(
      `nothing was loaded: ${job.rowsRejected} rows refused (job ${job.jobId}); correct them and send the file again`,
    );
  if (job.state === 'failed')
    throw new CliError(`the import stopped: ${job.error ?? 'unknown error'} (job ${job.jobId})`);
}

/**
 * `pulih import KIND FILE`: the command of one kind of file, with the options every import takes
 * (each kind's file says what its file holds).
 */
export function registerImportCommand(
  imports: Command,
  env: CliEnv,
  kind: ImportKind,
  texts: { readonly description: string; readonly report: string },
): void {
  imports
    .command(kind)
    .description(texts.description)
    .argument('<file>', 'the CSV file')
    .option('--report <file>', texts.report)
    .option('--api-url <url>', 'API base URL (env PULIH_API_URL)')
    .option('--json', 'machine-readable output')
    .action((file: string, options: ImportOptions) => runImport(env, kind, file, options));
}
