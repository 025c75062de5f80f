import { type Command, InvalidArgumentError } from 'commander';
import { callApi } from '../api-client.js';
import type { CliEnv } from '../env.js';
import { authenticatedClient } from '../session.js';

const MAX_LIMIT = 500;

function parseLimit(value: string): number {
  const limit = Number(value);
  if (!Number.isInteger(limit) || limit < 1 || limit > MAX_LIMIT) {
    throw new InvalidArgumentError(`a whole number from 1 to ${MAX_LIMIT}`);
  }
  return limit;
}

export function registerAuditLog(audit: Command, env: CliEnv): void {
  audit
    .command('log')
    .description('Log audit / audit entries, newest first (supervisor, admin); reading a member’s entries is audited')
    .option('--member <kpj-or-nik>', 'only entries about this member (KPJ or NIK)')
    .option('--limit <n>', `how many entries (1–${MAX_LIMIT}, default 50)`, parseLimit)
    .option('--api-url <url>', 'API base URL (env PULIH_API_URL)')
    .option('--json', 'machine-readable output')
    .action(async (options: { member?: string; limit?: number; apiUrl?: string; json?: boolean }) => {
      const { client, apiUrl } = authenticatedClient(env, options.apiUrl);
      const entries = await callApi(apiUrl, () =>
        client.audit.log.query({
          ...(options.member === undefined ? {} : { memberKey: options.member }),
          ...(options.limit === undefined ? {} : { limit: options.limit }),
        }),
      );
      if (options.json) {
        console.log(JSON.stringify(entries));
        return;
      }
      if (entries.length === 0) console.log('Tidak ada entri / no entries.');
      for (const e of entries) {
        const actor = e.actorId === null ? e.actorKind : `${e.actorKind}:${e.actorId}`;
        const member = e.memberId === null ? '' : ` member:${e.memberId}`;
        console.log(`#${e.id}  ${e.at}  ${actor}  ${e.action}  ${e.channel}${member}  ${JSON.stringify(e.detail)}`);
      }
    });
}
