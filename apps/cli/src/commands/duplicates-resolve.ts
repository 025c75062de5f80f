import { type Command, Option } from 'commander';
import { callApi } from '../api-client.js';
import type { CliEnv } from '../env.js';
import { authenticatedClient } from '../session.js';
import { parseItemId, parseStaffReason } from './duplicates-shared.js';

interface ResolveOptions {
  reason: string;
  keep?: 'left' | 'right';
  dryRun?: boolean;
  apiUrl?: string;
  json?: boolean;
}

/** `duplicates merge|dismiss|unmerge ID --reason …`: the three decisions on a review item. */
export function registerDuplicatesResolve(duplicates: Command, env: CliEnv): void {
  duplicates
    .command('merge')
    .description('Gabungkan / merge the two records into one person (reversible with unmerge; supervisor)')
    .argument('<id>', 'item id printed by `duplicates list`', parseItemId)
    .requiredOption('--reason <text>', 'why they are one person (written to the audit log)', parseStaffReason)
    .addOption(new Option('--keep <side>', 'which record survives').choices(['left', 'right']).default('left'))
    .option('--dry-run', 'show what would move; change nothing')
    .option('--api-url <url>', 'API base URL (env PULIH_API_URL)')
    .option('--json', 'machine-readable output')
    .action(async (id: number, options: ResolveOptions) => {
      const { client, apiUrl } = authenticatedClient(env, options.apiUrl);
      if (options.dryRun) {
        const view = await callApi(apiUrl, () => client.duplicates.show.query({ id }));
        const [kept, merged] = options.keep === 'right' ? [view.right, view.left] : [view.left, view.right];
        console.log(
          `[dry-run] member ${merged.memberId} (${merged.fullName}) would merge into member ${kept.memberId}; ` +
            `KPJ moving: ${merged.kpjNumbers.join(', ') || '-'}. Nothing changed.`,
        );
        return;
      }
      const done = await callApi(apiUrl, () =>
        client.duplicates.merge.mutate({ id, keep: options.keep ?? 'left', reason: options.reason }),
      );
      if (options.json) console.log(JSON.stringify(done));
      else
        console.log(
          `Digabung / merged: member ${done.mergedMemberId} into ${done.keptMemberId}; ` +
            `KPJ moved: ${done.movedKpjs.join(', ') || '-'}`,
        );
    });
  duplicates
    .command('dismiss')
    .description('Bukan orang yang sama / not the same person (twins, namesakes); later scans leave it (supervisor)')
    .argument('<id>', 'item id printed by `duplicates list`', parseItemId)
    .requiredOption('--reason <text>', 'why they are different people (written to the audit log)', parseStaffReason)
    .option('--api-url <url>', 'API base URL (env PULIH_API_URL)')
    .option('--json', 'machine-readable output')
    .action(async (id: number, options: ResolveOptions) => {
      const { client, apiUrl } = authenticatedClient(env, options.apiUrl);
      const done = await callApi(apiUrl, () => client.duplicates.dismiss.mutate({ id, reason: options.reason }));
      if (options.json) console.log(JSON.stringify(done));
      else console.log(`Ditolak / dismissed: #${id}`);
    });
  duplicates
    .command('unmerge')
    .description('Batalkan penggabungan / undo a merge exactly (supervisor)')
    .argument('<id>', 'item id printed by `duplicates list`', parseItemId)
    .requiredOption('--reason <text>', 'why the merge was wrong (written to the audit log)', parseStaffReason)
    .option('--api-url <url>', 'API base URL (env PULIH_API_URL)')
    .option('--json', 'machine-readable output')
    .action(async (id: number, options: ResolveOptions) => {
      const { client, apiUrl } = authenticatedClient(env, options.apiUrl);
      const done = await callApi(apiUrl, () => client.duplicates.unmerge.mutate({ id, reason: options.reason }));
      if (options.json) console.log(JSON.stringify(done));
      else console.log(`Dibatalkan / unmerged: #${id}; KPJ restored: ${done.restoredKpjs.join(', ') || '-'}`);
    });
}
