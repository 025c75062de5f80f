import type { Command } from 'commander';
import { callApi } from '../api-client.js';
import type { CliEnv } from '../env.js';
import { authenticatedClient } from '../session.js';
import { type ApiOptions, withApiOptions } from './claims-shared.js';
import { parseIncidentId, reportText, writeReport } from './privacy-shared.js';

/**
 * `privacy notify --incident ID`: one breach notice per affected member (email and SMS), never
 * twice, and the report for the supervisory agency; `privacy report` rewrites the report alone.
 */
export function registerPrivacyNotify(privacy: Command, env: CliEnv): void {
  withApiOptions(
    privacy
      .command('notify')
      .description('Beri tahu peserta / queue the breach notices and write the report (supervisor, admin)')
      .requiredOption('--incident <id>', 'incident number from `privacy incident open`', parseIncidentId)
      .option('--measures <text>', 'what was done about it (told to the members)')
      .option('--report <file>', 'write the report for the supervisory agency (.json: JSON, else text)'),
  ).action(async (options: ApiOptions & { incident: string; measures?: string; report?: string }) => {
    const { client, apiUrl } = authenticatedClient(env, options.apiUrl);
    const result = await callApi(apiUrl, () =>
      client.privacy.notify.mutate({
        incidentId: options.incident,
        ...(options.measures ? { measures: options.measures } : {}),
      }),
    );
    if (options.report) writeReport(options.report, result.report);
    if (options.json) {
      console.log(JSON.stringify(result));
      return;
    }
    console.log(
      `${options.incident}: ${result.queuedNow} pemberitahuan baru / new notices queued, ${result.alreadyNotified} sudah / already, ` +
        `${result.withoutContact} tanpa kontak / without a contact; ${result.report.membersAffected} peserta terdampak / members affected`,
    );
    if (options.report) console.log(`  laporan / report → ${options.report}`);
  });
  withApiOptions(
    privacy
      .command('report')
      .description('Laporan insiden / the report as it stands, notices sent so far (supervisor, admin)')
      .requiredOption('--incident <id>', 'incident number', parseIncidentId)
      .option('--report <file>', 'write it to a file (.json: JSON, else text)'),
  ).action(async (options: ApiOptions & { incident: string; report?: string }) => {
    const { client, apiUrl } = authenticatedClient(env, options.apiUrl);
    const report = await callApi(apiUrl, () => client.privacy.report.query({ incidentId: options.incident }));
    if (options.report) writeReport(options.report, report);
    if (options.json) console.log(JSON.stringify(report));
    else if (!options.report) process.stdout.write(reportText(report));
    else console.log(`laporan / report → ${options.report}`);
  });
}
