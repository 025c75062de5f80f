import { createHash } from 'node:crypto';
import { dataOf, type TestServer } from './test-server.js';

/** Staff file imports through the real procedures and upload route, for the imports' tests. */

export type ImportKindName = 'members' | 'contributions' | 'employment';

export interface StartedImport {
  jobId: string;
  state: string;
  alreadyImported: boolean;
  resumeAfterLine: number;
}
export interface ImportReply {
  jobId: string;
  state: string;
  rowsRead: number;
  rowsAccepted: number;
  rowsRejected: number;
  lastCommittedLine: number;
  error: string | null;
  employersCreated?: number;
}
export interface ImportReportLine {
  line: number;
  outcome: 'rejected' | 'imported_with_note';
  reason: string;
}

export const sha256 = (text: string): string => createHash('sha256').update(text).digest('hex');
export const csv = (header: string, rows: readonly string[]): string => `${[header, ...rows].join('\n')}\n`;
/** The line of the i-th data row (the header is line 1). */
export const lineOf = (i: number): number => i + 2;

/** `imports.start` for `text` as a file of this kind. */
export async function startImportOf(
  server: TestServer,
  token: string,
  kind: ImportKindName,
  text: string,
): Promise<StartedImport> {
  const reply = await server.call(
    'imports.start',
    { kind, fileName: `${kind}.csv`, fileSha256: sha256(text) },
    { bearer: token },
  );
  return dataOf<StartedImport>(reply);
}

/** `POST /api/imports/:jobId` with `body`, declaring `declaredBytes`. */
export async function uploadTo(
  server: TestServer,
  token: string,
  jobId: string,
  body: string | ReadableStream<Uint8Array>,
  declaredBytes: number,
): Promise<{ status: number; json: ImportReply & { error: unknown } }> {
  const response = await server.app.request(`http://localhost/api/imports/${jobId}`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'text/csv', 'content-length': String(declaredBytes) },
    body,
    duplex: 'half',
  } as RequestInit);
  return { status: response.status, json: (await response.json()) as ImportReply & { error: unknown } };
}

/** Starts and uploads a whole file; the upload must be answered 200. */
export async function importFileOf(
  server: TestServer,
  token: string,
  kind: ImportKindName,
  text: string,
): Promise<ImportReply> {
  const started = await startImportOf(server, token, kind, text);
  const reply = await uploadTo(server, token, started.jobId, text, Buffer.byteLength(text));
  if (reply.status !== 200) throw new Error(`upload answered ${reply.status}: ${JSON.stringify(reply.json)}`);
  return reply.json;
}

/** A job's report (`imports.report`), by line. */
export async function reportOfJob(
  server: TestServer,
  token: string,
  jobId: string,
): Promise<Map<number, ImportReportLine>> {
  const reply = await server.call('imports.report', { jobId }, { method: 'GET', bearer: token });
  return new Map(dataOf<{ lines: ImportReportLine[] }>(reply).lines.map((l) => [l.line, l]));
}

/** A stream that sends `text` and then fails, as an upload does when the sender goes away. */
export function interruptedAfter(text: string): ReadableStream<Uint8Array> {
  let sent = false;
  return new ReadableStream({
    pull(controller) {
      if (sent) controller.error(new Error('the connection was reset'));
      else controller.enqueue(new TextEncoder().encode(text));
      sent = true;
    },
  });
}
