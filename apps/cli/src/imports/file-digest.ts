import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { basename } from 'node:path';
import { CliError } from '../env.js';

export interface FileDigest {
  readonly path: string;
  readonly name: string;
  readonly bytes: number;
  /** SHA-256 of the content, hex: how the server recognises the file when it is sent again. */
  readonly sha256: string;
  /** Line breaks counted: an estimate of the rows for progress (quoted line breaks count too). */
  readonly lines: number;
}

const LF = 10;

/** Reads the file once, streaming, for its digest, size and line count. */
export async function digestFile(path: string): Promise<FileDigest> {
  try {
    const info = await stat(path);
    if (!info.isFile()) throw new CliError(`cannot read ${path}: not a file`);
  } catch (error) {
    if (error instanceof CliError) throw error;
    throw new CliError(`cannot read ${path}: ${describeFileError(error)}`);
  }
  const hash = createHash('sha256');
  let bytes = 0;
  let lines = 0;
  let last = LF;
  try {
    for await (const chunk of createReadStream(path, { highWaterMark: 1 << 20 }) as AsyncIterable<Buffer>) {
      hash.update(chunk);
      bytes += chunk.length;
      for (let at = chunk.indexOf(LF); at >= 0; at = chunk.indexOf(LF, at + 1)) lines++;
      last = chunk[chunk.length - 1] ?? last;
    }
  } catch (error) {
    throw new CliError(`cannot read ${path}: ${describeFileError(error)}`);
  }
  if (last !== LF) lines++;
  return { path, name: basename(path), bytes, sha256: hash.digest('hex'), lines };
}

export function describeFileError(error: unknown): string {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'ENOENT') return 'no such file';
  if (code === 'EACCES') return 'permission denied';
  if (code === 'EISDIR') return 'not a file';
  return code ?? (error instanceof Error ? error.message : String(error));
}
