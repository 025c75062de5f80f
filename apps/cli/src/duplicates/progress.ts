import { Presets, SingleBar } from 'cli-progress';
import type { ScanProgress } from './scan.js';

const LABEL = { read: 'membaca / reading  ', compare: 'mencocokkan / comparing' } as const;

/**
 * A progress bar on stderr when stderr is a terminal; otherwise (logs, pipes) one line per phase
 * for long runs (files of 20 MB and more), and nothing for short ones.
 */
export function stderrProgress(stderr: NodeJS.WriteStream = process.stderr, longRunBytes = 20_000_000): ScanProgress {
  let bar: SingleBar | null = null;
  let phase: keyof typeof LABEL = 'read';
  let long = false;
  let started = 0;
  return {
    start(next, total) {
      phase = next;
      started = Date.now();
      if (next === 'read') long = total >= longRunBytes;
      if (stderr.isTTY) {
        bar = new SingleBar(
          { format: `${LABEL[next]} [{bar}] {percentage}% | {eta_formatted}`, stream: stderr, hideCursor: true },
          Presets.shades_classic,
        );
        bar.start(Math.max(total, 1), 0);
      }
    },
    update(value) {
      bar?.update(value);
    },
    stop() {
      if (bar) {
        bar.stop();
        bar = null;
      } else if (long) {
        stderr.write(`${LABEL[phase].trim()}: done in ${((Date.now() - started) / 1000).toFixed(1)} s\n`);
      }
    },
  };
}
