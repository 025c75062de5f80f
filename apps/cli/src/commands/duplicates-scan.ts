import { closeSync, openSync, writeSync } from 'node:fs';
import { Worker } from 'node:worker_threads';
import type { DuplicatePair } from '@pulih/domain';
import type { Command } from 'commander';
import { stderrProgress } from '../duplicates/progress.js';
import type { ScanSummary } from '../duplicates/scan.js';
import type { ScanJob, ScanMessage } from '../duplicates/scan-worker.js';
import { type CliEnv, CliError } from '../env.js';
import { scanRegistry } from './duplicates-scan-registry.js';

const TABLE_LIMIT = 1000;

/**
 * The scan allocates millions of records that all survive: a young generation larger than
 * V8's default (16 MB semi-spaces) spares most of the copying between them, about a second on a
 * million records. It can only be set when a heap is created, hence the worker thread.
 */
const SCAN_YOUNG_GENERATION_MB = 96;

function tableRow(pair: DuplicatePair): string[] {
  const top = [...pair.reasons]
    .sort((a, b) => Math.abs(b.weight) - Math.abs(a.weight))
    .slice(0, 3)
    .map((r) => `${r.text} (${r.weight > 0 ? '+' : ''}${r.weight})`)
    .join('; ');
  return [
    pair.decision === 'match' ? 'sama/match' : 'periksa/review',
    pair.score.toFixed(3),
    pair.left,
    pair.right,
    top,
  ];
}

function tableLines(table: readonly DuplicatePair[], summary: ScanSummary): string[] {
  const header = ['keputusan/decision', 'skor/score', 'kiri/left', 'kanan/right', 'alasan/reasons'];
  const rows = [header, ...table.map(tableRow)];
  const widths = rows.reduce<number[]>((max, row) => row.map((c, i) => Math.max(max[i] ?? 0, c.length)), []);
  const lines = rows.map((row) =>
    row.map((cell, i) => (i < row.length - 1 ? cell.padEnd(widths[i] ?? 0) : cell)).join('  '),
  );
  const total = summary.matches + summary.reviews;
  if (total > table.length) lines.push(`… ${total - table.length} more pairs (use --json for all of them)`);
  lines.push('');
  lines.push(
    `${summary.records} records read (${summary.skipped} broken rows skipped), ${summary.candidatePairs} pairs compared: ` +
      `${summary.matches} match, ${summary.reviews} review, in ${summary.seconds.toFixed(1)} s`,
  );
  return lines;
}

/** Runs the scan on a worker thread; output chunks are written here as they arrive. */
function runScan(
  job: ScanJob,
  write: (chunk: Uint8Array) => void,
): Promise<{ summary: ScanSummary; table: DuplicatePair[] }> {
  const progress = stderrProgress();
  return new Promise((resolve, reject) => {
    const worker = new Worker(new URL('../duplicates/scan-worker.js', import.meta.url), {
      workerData: job,
      resourceLimits: { maxYoungGenerationSizeMb: SCAN_YOUNG_GENERATION_MB },
    });
    let result: { summary: ScanSummary; table: DuplicatePair[] } | null = null;
    let failure: Error | null = null;
    worker.on('message', (message: ScanMessage) => {
      try {
        switch (message.type) {
          case 'out':
            write(message.bytes);
            return;
          case 'progress':
            if (message.action === 'start') progress.start(message.phase ?? 'read', message.value ?? 0);
            else if (message.action === 'update') progress.update(message.value ?? 0);
            else progress.stop();
            return;
          case 'warn':
            process.stderr.write(`pulih: ${message.line}\n`);
            return;
          case 'done':
            result = { summary: message.summary, table: message.table };
            return;
          case 'failed':
            failure = new CliError(message.message);
            return;
        }
      } catch (error) {
        // A failed write: stop the scan rather than compare for nothing.
        failure ??= error instanceof Error ? error : new Error(String(error));
        void worker.terminate();
      }
    });
    worker.on('error', (error) => {
      failure ??= error;
    });
    worker.on('exit', () => {
      if (failure) reject(failure);
      else if (result) resolve(result);
      else reject(new Error('the scan stopped without a result'));
    });
  });
}

/**
 * `pulih duplicates scan --input FILE.csv [--json] [--output FILE]`: the offline scan, no server.
 * Without `--input`, the server scans the registry (supervisor) and the results become review items.
 */
export function registerDuplicatesScan(duplicates: Command, env: CliEnv): void {
  duplicates
    .command('scan')
    .description(
      'Cari data ganda / find records of the same person: in a CSV extract (offline, --input) or in the registry (server job, supervisor)',
    )
    .option('--input <file>', 'UTF-8 CSV: record_id,nik,kpj,full_name,birth_date,sex,mother_name,phone,email')
    .option('--json', 'one JSON object per pair and line: left, right, score, decision, reasons')
    .option('--output <file>', 'write the pairs to this file instead of stdout')
    .option('--api-url <url>', 'API base URL for a registry scan (env PULIH_API_URL)')
    .action(async (options: { input?: string; json?: boolean; output?: string; apiUrl?: string }) => {
      if (!options.input) {
        if (options.output) throw new CliError('--output needs --input: a registry scan stores review items');
        return scanRegistry(env, options);
      }
      const output = options.output;
      let fd: number | null = null;
      if (output) {
        try {
          fd = openSync(output, 'w');
        } catch (error) {
          throw new CliError(`cannot write ${output}: ${(error as NodeJS.ErrnoException).code ?? String(error)}`);
        }
      }
      // A reader that went away (`| head`) is not an error of the scan: stop writing, finish.
      let stdoutGone = false;
      const onStdoutError = () => {
        stdoutGone = true;
      };
      process.stdout.on('error', onStdoutError);
      // Synchronous writes, so that output never piles up in memory behind a slow disk or pipe.
      const write = (chunk: string | Uint8Array) => {
        if (fd !== null) {
          try {
            if (typeof chunk === 'string') writeSync(fd, chunk);
            else writeSync(fd, chunk);
          } catch (error) {
            throw new CliError(`cannot write ${output}: ${(error as NodeJS.ErrnoException).code ?? String(error)}`);
          }
        } else if (!stdoutGone) process.stdout.write(chunk);
      };
      try {
        const { summary, table } = await runScan(
          { input: options.input, json: Boolean(options.json), tableLimit: TABLE_LIMIT },
          write,
        );
        if (options.json) {
          process.stderr.write(
            `pulih: ${summary.records} records, ${summary.skipped} skipped, ${summary.candidatePairs} compared, ` +
              `${summary.matches} match, ${summary.reviews} review, ${summary.seconds.toFixed(1)} s\n`,
          );
        } else write(`${tableLines(table, summary).join('\n')}\n`);
      } finally {
        if (fd !== null) closeSync(fd);
        process.stdout.off('error', onStdoutError);
      }
    });
}
