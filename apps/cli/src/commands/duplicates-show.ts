import type { Command } from 'commander';
import { callApi } from '../api-client.js';
import type { CliEnv } from '../env.js';
import { authenticatedClient } from '../session.js';
import { type DuplicateView, parseItemId } from './duplicates-shared.js';

const line = (label: string, left: string, right: string) => `  ${label.padEnd(22)} ${left.padEnd(30)} ${right}`;

function printSides(view: DuplicateView): void {
  const { left, right } = view;
  console.log(line('', 'KIRI / LEFT', 'KANAN / RIGHT'));
  console.log(line('member', String(left.memberId), String(right.memberId)));
  console.log(line('nama / name', left.fullName, right.fullName));
  console.log(line('NIK', left.nik ?? '-', right.nik ?? '-'));
  console.log(line('lahir / birth date', left.birthDate ?? '-', right.birthDate ?? '-'));
  console.log(line('jenis kelamin / sex', left.sex ?? '-', right.sex ?? '-'));
  console.log(line('KPJ', left.kpjNumbers.join(', ') || '-', right.kpjNumbers.join(', ') || '-'));
  console.log(line('email', left.emailMasked ?? '-', right.emailMasked ?? '-'));
  console.log(line('HP / phone', left.phoneMasked ?? '-', right.phoneMasked ?? '-'));
  const account = (s: DuplicateView['left']) => (s.accountId === null ? '-' : `${s.accountId} (${s.accountState})`);
  console.log(line('akun / account', account(left), account(right)));
}

export function registerDuplicatesShow(duplicates: Command, env: CliEnv): void {
  duplicates
    .command('show')
    .description('Bandingkan / both records of a review item side by side, with the reasons (supervisor; audited)')
    .argument('<id>', 'item id printed by `duplicates list`', parseItemId)
    .option('--api-url <url>', 'API base URL (env PULIH_API_URL)')
    .option('--json', 'machine-readable output')
    .action(async (id: number, options: { apiUrl?: string; json?: boolean }) => {
      const { client, apiUrl } = authenticatedClient(env, options.apiUrl);
      const view = await callApi(apiUrl, () => client.duplicates.show.query({ id }));
      if (options.json) {
        console.log(JSON.stringify(view));
        return;
      }
      console.log(`#${view.id}  skor / score ${view.score.toFixed(3)}  ${view.decision}  ${view.state}`);
      printSides(view);
      console.log('  alasan / reasons:');
      for (const reason of view.reasons)
        console.log(`    ${reason.weight >= 0 ? '+' : ''}${reason.weight.toFixed(1)}  ${reason.text}`);
      if (view.merge)
        console.log(`  digabung / merged into member ${view.merge.keptMemberId} at ${view.merge.mergedAt}`);
      if (view.resolutionReason) console.log(`  catatan / resolution: ${view.resolutionReason}`);
    });
}
