import { type Command, Option } from 'commander';
import { callApi } from '../api-client.js';
import type { CliEnv } from '../env.js';
import { IMPORT_KINDS, type ImportKind } from '../imports/run-import.js';
import { authenticatedClient } from '../session.js';

export function registerImportList(imports: Command, env: CliEnv): void {
  imports
    .command('list')
    .description('Daftar impor / import jobs, newest first (admin, supervisor)')
    .addOption(new Option('--kind <kind>', 'only this kind of file').choices(IMPORT_KINDS))
    .option('--limit <n>', 'at most this many', (v) => Number.parseInt(v, 10), 20)
    .option('--api-url <url>', 'API base URL (env PULIH_API_URL)')
    .option('--json', 'machine-readable output')
    .action(async (options: { kind?: ImportKind; limit: number; apiUrl?: string; json?: boolean }) => {
      const { client, apiUrl } = authenticatedClient(env, options.apiUrl);
      const { jobs } = await callApi(apiUrl, () =>
        client.imports.list.query({ limit: options.limit, ...(options.kind ? { kind: options.kind } : {}) }),
      );
      if (options.json) {
        console.log(JSON.stringify(jobs));
        return;
      }
      console.log(`${jobs.length} impor / imports`);
      for (const job of jobs)
        console.log(
          `  ${job.jobId}  ${job.startedAt.slice(0, 16)}  ${job.kind.padEnd(13)}  ${job.state.padEnd(9)}  ` +
            `${job.rowsRead} read, ${job.rowsAccepted} imported, ${job.rowsRejected} refused  ${job.fileName} (${job.requestedBy})`,
        );
    });
}
