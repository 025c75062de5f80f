import { Presets, SingleBar } from 'cli-progress';

export interface ImportProgress {
  /** The server's count of rows read so far for this job (including earlier uploads of the file). */
  update(rowsRead: number): void;
  stop(): void;
}

const formatSeconds = (seconds: number): string => {
  if (!Number.isFinite(seconds)) return '?';
  const s = Math.max(0, Math.round(seconds));
  return s >= 3600
    ? `${Math.floor(s / 3600)}h${String(Math.floor((s % 3600) / 60)).padStart(2, '0')}m`
    : s >= 60
      ? `${Math.floor(s / 60)}m${String(s % 60).padStart(2, '0')}s`
      : `${s}s`;
};

/**
 * The server's progress on stderr: a bar with rows/s and the time left on a terminal; otherwise
 * (logs, pipes) one line every 10 seconds, so that short runs print nothing. `totalRows` is the
 * file's line count less the header; `startRows` what earlier uploads of the file had read.
 */
export function stderrImportProgress(
  label: string,
  totalRows: number,
  startRows: number,
  stderr: NodeJS.WriteStream = process.stderr,
  now: () => number = Date.now,
): ImportProgress {
  const started = now();
  let lastLine = started;
  const total = Math.max(totalRows, 1);
  const bar = stderr.isTTY
    ? new SingleBar(
        {
          format: `${label} [{bar}] {percentage}% | {value}/{total} rows | {rate} rows/s | ETA {left}`,
          stream: stderr,
          hideCursor: true,
          etaBuffer: 20,
        },
        Presets.shades_classic,
      )
    : null;
  bar?.start(total, Math.min(startRows, total), { rate: '-', left: '?' });
  return {
    update(rowsRead) {
      const at = now();
      const seconds = (at - started) / 1000;
      const rate = seconds > 0 ? (rowsRead - startRows) / seconds : 0;
      const left = rate > 0 ? (total - rowsRead) / rate : Number.POSITIVE_INFINITY;
      if (bar) bar.update(Math.min(rowsRead, total), { rate: Math.round(rate), left: formatSeconds(left) });
      else if (at - lastLine >= 10_000) {
        lastLine = at;
        stderr.write(
          `pulih: ${label}: ${rowsRead}/${total} rows, ${Math.round(rate)} rows/s, ETA ${formatSeconds(left)}\n`,
        );
      }
    },
    stop() {
      bar?.stop();
    },
  };
}
