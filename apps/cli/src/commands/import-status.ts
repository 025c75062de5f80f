import type { Command } from 'commander';
import { callApi } from '../api-client.js';
import { type CliEnv, CliError } from '../env.js';
import { fetchReport } from '../imports/import-report-output.js';
import { printJob } from '../imports/run-import.js';
import { authenticatedClient } from '../session.js';

const JOB_ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function registerImportStatus(imports: Command, env: CliEnv): void {
  imports
    .command('status')
    .description('Status impor / an import job and its report; the latest job without an id (admin, supervisor)')
    .argument('[job]', 'job id printed by `pulih import` or `pulih import list`')
    .option('--report <file>', 'write every refused or noted line to this CSV file instead of printing the first ones')
    .option('--api-url <url>', 'API base URL (env PULIH_API_URL)')
    .option('--json', 'machine-readable output')
    .action(async (jobId: string | undefined, options: { report?: string; apiUrl?: string; json?: boolean }) => {
      if (jobId !== undefined && !JOB_ID.test(jobId)) throw new CliError(`not an import job id: ${jobId}`);
      const { client, apiUrl } = authenticatedClient(env, options.apiUrl);
      const job = await callApi(apiUrl, () => client.imports.status.query(jobId ? { jobId } : {}));
      printJob(job, await fetchReport(client, apiUrl, job.jobId), options);
    });
}
