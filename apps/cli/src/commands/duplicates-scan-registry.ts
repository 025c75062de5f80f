import { setTimeout as sleep } from 'node:timers/promises';
import { Presets, SingleBar } from 'cli-progress';
import { callApi } from '../api-client.js';
import type { CliEnv } from '../env.js';
import { CliError } from '../env.js';
import { authenticatedClient } from '../session.js';

const PHASES: Record<string, string> = {
  read: 'membaca / reading',
  compare: 'mencocokkan / comparing',
  write: 'menyimpan / saving',
};
const POLL_MS = 300;

/**
 * `pulih duplicates scan` without `--input`: the server scans the registry as a job; the CLI
 * follows its progress (a bar on a terminal, one line per phase otherwise) and prints where the
 * review items are.
 */
export async function scanRegistry(env: CliEnv, options: { apiUrl?: string; json?: boolean }): Promise<void> {
  const { client, apiUrl } = authenticatedClient(env, options.apiUrl);
  const started = await callApi(apiUrl, () => client.duplicates.startScan.mutate({}));
  let phase = '';
  let bar: SingleBar | null = null;
  for (;;) {
    const status = await callApi(apiUrl, () => client.duplicates.scanStatus.query({ scanId: started.scanId }));
    if (status.phase !== phase) {
      bar?.stop();
      bar = null;
      phase = status.phase;
      const label = PHASES[phase];
      if (label && process.stderr.isTTY) {
        bar = new SingleBar(
          { format: `${label} [{bar}] {percentage}% | {eta_formatted}`, stream: process.stderr, hideCursor: true },
          Presets.shades_classic,
        );
        bar.start(Math.max(status.total, 1), status.processed);
      } else if (label) process.stderr.write(`pulih: ${label}…\n`);
    }
    bar?.update(status.processed);
    if (status.state === 'failed') {
      bar?.stop();
      throw new CliError(`the registry scan failed: ${status.error ?? 'unknown error'}`);
    }
    if (status.state === 'done') {
      bar?.stop();
      if (options.json) console.log(JSON.stringify(status));
      else
        console.log(
          `Pemindaian selesai / scan done: ${started.total} persons, ${status.candidatesFound} new review items. ` +
            'See `pulih duplicates list`.',
        );
      return;
    }
    await sleep(POLL_MS);
  }
}
