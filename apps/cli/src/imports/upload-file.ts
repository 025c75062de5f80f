import { createReadStream } from 'node:fs';
import http from 'node:http';
import https from 'node:https';
import { CliError } from '../env.js';
import { describeFileError } from './file-digest.js';

export interface UploadReply {
  readonly status: number;
  readonly body: unknown;
}

/**
 * Streams a file as the body of `POST {apiUrl}/api/imports/{jobId}` with the staff token,
 * never holding it in memory (the socket's backpressure paces the disk). Resolves with the
 * server's answer, which comes when the import has finished; a server that answers early (a
 * refused file) is answered at once.
 */
export function uploadFile(
  apiUrl: string,
  jobId: string,
  token: string,
  file: { path: string; bytes: number },
): { done: Promise<UploadReply>; abort: () => void } {
  const url = new URL(`${apiUrl.replace(/\/+$/, '')}/api/imports/${encodeURIComponent(jobId)}`);
  const request = (url.protocol === 'https:' ? https : http).request(url, {
    method: 'POST',
    headers: {
      authorization: `Bearer ${token}`,
      'content-type': 'text/csv; charset=utf-8',
      'content-length': String(file.bytes),
    },
  });
  const source = createReadStream(file.path, { highWaterMark: 1 << 20 });
  const done = new Promise<UploadReply>((resolve, reject) => {
    let answered = false;
    request.on('response', (response) => {
      answered = true;
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.on('end', () => {
        source.destroy();
        const text = Buffer.concat(chunks).toString('utf8');
        let body: unknown = text;
        try {
          body = JSON.parse(text);
        } catch {}
        resolve({ status: response.statusCode ?? 0, body });
      });
      response.on('error', (error) => reject(new CliError(`the upload broke off: ${error.message}`)));
    });
    request.on('error', (error: NodeJS.ErrnoException) => {
      if (answered) return;
      source.destroy();
      reject(
        error.code === 'ECONNREFUSED'
          ? new CliError(
              `cannot reach the Pulih API at ${apiUrl} (is the server running? set --api-url or PULIH_API_URL)`,
            )
          : new CliError(`the upload broke off (${error.code ?? error.message}); run the same command again to resume`),
      );
    });
    source.on('error', (error) => {
      request.destroy();
      reject(new CliError(`cannot read ${file.path}: ${describeFileError(error)}`));
    });
  });
  source.pipe(request);
  return {
    done,
    abort: () => {
      source.destroy();
      request.destroy();
    },
  };
}
