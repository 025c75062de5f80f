import type { Command } from 'commander';
import { callApi } from '../api-client.js';
import { type CliEnv, CliError } from '../env.js';
import { authenticatedClient } from '../session.js';
import { type ApiOptions, withApiOptions } from './claims-shared.js';

/** `privacy retention [--apply [--dry-run]] [--set NAME=VALUE]`: the policy, its purge, its settings. */
export function registerPrivacyRetention(privacy: Command, env: CliEnv): void {
  withApiOptions(
    privacy
      .command('retention')
      .description('Kebijakan retensi / the retention policy with what is due; --apply purges it (supervisor, admin)')
      .option('--apply', 'delete what is past retention now (audited with counts; audit entries stay)')
      .option('--dry-run', 'with --apply: only say what would be deleted')
      .option('--set <name=value>', 'change one setting (admin), e.g. correction_deadline_hours=48'),
  ).action(async (options: ApiOptions & { apply?: boolean; dryRun?: boolean; set?: string }) => {
    const { client, apiUrl } = authenticatedClient(env, options.apiUrl);
    if (options.set) {
      const match = /^([a-z_]+)=(\d+)$/.exec(options.set.trim());
      if (!match) throw new CliError('--set takes NAME=VALUE, e.g. correction_deadline_hours=48');
      const changed = await callApi(apiUrl, () =>
        client.privacy.setSetting.mutate({ name: match[1] as string, value: Number(match[2]) }),
      );
      if (options.json) console.log(JSON.stringify(changed));
      else console.log(`${changed.name}: ${changed.previous} -> ${changed.value}`);
      return;
    }
    if (options.apply) {
      const result = await callApi(apiUrl, () =>
        client.privacy.applyRetention.mutate({ dryRun: options.dryRun === true }),
      );
      if (options.json) {
        console.log(JSON.stringify(result));
        return;
      }
      const total = result.removed.reduce((sum, r) => sum + r.removed, 0);
      console.log(
        result.dryRun
          ? `${total} akan dihapus / would be deleted (dry run)`
          : `${total} dihapus / deleted (audited per rule)`,
      );
      for (const r of result.removed) if (r.removed > 0) console.log(`  ${r.rule.padEnd(32)} ${r.removed}`);
      return;
    }
    const policy = await callApi(apiUrl, () => client.privacy.retention.query({}));
    if (options.json) {
      console.log(JSON.stringify(policy));
      return;
    }
    console.log('aturan / rule                     simpan / keep   jatuh tempo / due   menghapus / removes');
    for (const r of policy.rules) {
      console.log(
        `  ${r.rule.padEnd(32)} ${`${r.value} ${r.unit}`.padEnd(15)} ${String(r.due).padStart(8)}            ${r.removes}`,
      );
    }
    console.log('');
    console.log('pengaturan / settings (pulih privacy retention --set NAME=VALUE, admin)');
    for (const s of policy.settings) {
      console.log(
        `  ${s.name.padEnd(32)} ${`${s.value} ${s.unit}`.padEnd(12)}${s.value === s.default ? '' : ` (default ${s.default})`}  ${s.meaning}`,
      );
    }
  });
}
