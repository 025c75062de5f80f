import type { Command } from 'commander';
import { callApi } from '../api-client.js';
import type { CliEnv } from '../env.js';
import { authenticatedClient } from '../session.js';
import { type ApiOptions, withApiOptions } from './claims-shared.js';
import { type FilterOptions, filtersInput, withFilterOptions } from './privacy-shared.js';

export function registerPrivacyAffected(privacy: Command, env: CliEnv): void {
  withApiOptions(
    withFilterOptions(
      privacy
        .command('affected')
        .description('Peserta terdampak / members whose data was read or disclosed in a window (supervisor, admin)'),
    ),
  ).action(async (options: ApiOptions & FilterOptions) => {
    const { client, apiUrl } = authenticatedClient(env, options.apiUrl);
    const reply = await callApi(apiUrl, () => client.privacy.affected.query(filtersInput(options)));
    if (options.json) {
      console.log(JSON.stringify(reply));
      return;
    }
    console.log(`${reply.members.length} peserta / members  ${reply.since} .. ${reply.until}`);
    for (const m of reply.members) {
      console.log(
        `  #${m.memberId}  ${m.fullName.padEnd(24)} KPJ ${m.kpjMasked.join(',') || '-'}  ${m.reads}x  ` +
          `${m.firstAt} .. ${m.lastAt}  ${m.actions.join(',')}  [${m.channels.join(',')}]`,
      );
    }
  });
}
