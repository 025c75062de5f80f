import type { Command } from 'commander';
import { callApi } from '../api-client.js';
import type { CliEnv } from '../env.js';
import { authenticatedClient } from '../session.js';
import { type ApiOptions, withApiOptions } from './claims-shared.js';
import { type FilterOptions, filtersInput, withFilterOptions } from './privacy-shared.js';

/** `privacy incident open|list`: record an incident with the filters that find its members. */
export function registerPrivacyIncident(privacy: Command, env: CliEnv): void {
  const incident = privacy.command('incident').description('Insiden data pribadi / personal-data incidents');
  withApiOptions(
    withFilterOptions(
      incident
        .command('open')
        .description('Catat insiden / record an incident; the 3x24 hours start now (supervisor, admin)')
        .requiredOption('--description <text>', 'what happened (for the report to the supervisory agency)')
        .option('--measures <text>', 'what was done about it (told to the members; also at notify)'),
    ),
  ).action(async (options: ApiOptions & FilterOptions & { description: string; measures?: string }) => {
    const { client, apiUrl } = authenticatedClient(env, options.apiUrl);
    const row = await callApi(apiUrl, () =>
      client.privacy.openIncident.mutate({
        ...filtersInput(options),
        description: options.description,
        ...(options.measures ? { measures: options.measures } : {}),
      }),
    );
    if (options.json) console.log(JSON.stringify(row));
    else {
      console.log(`${row.id}  dicatat / recorded ${row.openedAt}  window ${row.filters.since} .. ${row.filters.until}`);
      console.log(`  next: pulih privacy notify --incident ${row.id} --report laporan-${row.id}.txt`);
    }
  });
  withApiOptions(incident.command('list').description('Daftar insiden / recorded incidents')).action(
    async (options: ApiOptions) => {
      const { client, apiUrl } = authenticatedClient(env, options.apiUrl);
      const { incidents } = await callApi(apiUrl, () => client.privacy.incidents.query({}));
      if (options.json) {
        console.log(JSON.stringify(incidents));
        return;
      }
      for (const row of incidents) {
        console.log(
          `${row.id}  ${row.openedAt}  ${row.notifiedAt ? `diberitahukan / notified ${row.notifiedAt}` : 'BELUM DIBERITAHUKAN / NOT NOTIFIED'}  ${row.description}`,
        );
      }
    },
  );
}
