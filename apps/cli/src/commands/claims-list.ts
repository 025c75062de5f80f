import { type Command, Option } from 'commander';
import { callApi } from '../api-client.js';
import type { CliEnv } from '../env.js';
import { authenticatedClient } from '../session.js';
import { type ApiOptions, claimStateName, rupiah, withApiOptions } from './claims-shared.js';

const states = ['submitted', 'verifying', 'approved', 'rejected', 'paid'] as const;

export function registerClaimsList(claims: Command, env: CliEnv): void {
  withApiOptions(
    claims
      .command('list')
      .description('Antrean klaim / JHT claims in a state, oldest first (branch officer, supervisor)')
      .addOption(new Option('--state <state>', 'only claims in this state').choices(states))
      .option('--limit <n>', 'at most this many', (v) => Number.parseInt(v, 10), 50),
  ).action(async (options: ApiOptions & { state?: (typeof states)[number]; limit: number }) => {
    const { client, apiUrl } = authenticatedClient(env, options.apiUrl);
    const { claims: rows } = await callApi(apiUrl, () =>
      client.claims.list.query({ limit: options.limit, ...(options.state ? { state: options.state } : {}) }),
    );
    if (options.json) {
      console.log(JSON.stringify(rows));
      return;
    }
    console.log(`${rows.length} klaim / claims${options.state ? ` (${options.state})` : ''}`);
    for (const c of rows) {
      console.log(
        `  ${c.id}  ${claimStateName(c.state).padEnd(26)} ${c.reason.padEnd(18)} ${c.kpjMasked}  ${rupiah(c.gross).padStart(16)}` +
          `  ${c.submittedAt.slice(0, 10)}${c.needsSupervisor ? '  [supervisor]' : ''}`,
      );
    }
  });
}
