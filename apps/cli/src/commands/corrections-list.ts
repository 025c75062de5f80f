import { type Command, Option } from 'commander';
import { callApi } from '../api-client.js';
import type { CliEnv } from '../env.js';
import { authenticatedClient } from '../session.js';
import { type ApiOptions, withApiOptions } from './claims-shared.js';
import { correctionFieldName, timeLeft } from './corrections-shared.js';

const states = ['pending', 'approved', 'rejected', 'all'] as const;

export function registerCorrectionsList(corrections: Command, env: CliEnv): void {
  withApiOptions(
    corrections
      .command('list')
      .description('Antrean perbaikan data / correction requests, oldest deadline first, overdue marked')
      .addOption(new Option('--state <state>', 'which requests').choices(states).default('pending'))
      .option('--limit <n>', 'at most this many', (v) => Number.parseInt(v, 10), 100),
  ).action(async (options: ApiOptions & { state: (typeof states)[number]; limit: number }) => {
    const { client, apiUrl } = authenticatedClient(env, options.apiUrl);
    const { corrections: rows } = await callApi(apiUrl, () =>
      client.corrections.list.query({ state: options.state, limit: options.limit }),
    );
    if (options.json) {
      console.log(JSON.stringify(rows));
      return;
    }
    const overdue = rows.filter((row) => row.overdue).length;
    console.log(
      `${rows.length} permintaan / requests (${options.state})${overdue > 0 ? `, ${overdue} TERLAMBAT / OVERDUE` : ''}`,
    );
    for (const row of rows) {
      console.log(
        `${row.overdue ? '!' : ' '} ${row.id}  ${correctionFieldName(row.field).padEnd(22)} ${row.evidenceKind.toUpperCase().padEnd(3)}  ` +
          `KPJ ${row.kpjMasked.join(',') || '-'}  tenggat / due ${row.dueAt.slice(0, 16).replace('T', ' ')}Z  ${timeLeft(row)}`,
      );
    }
  });
}
