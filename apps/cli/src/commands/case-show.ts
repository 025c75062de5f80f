import type { Command } from 'commander';
import type { CliEnv } from '../env.js';
import { authenticatedClient } from '../session.js';
import { type CaseView, fetchCase, parseCaseId } from './recovery-case.js';

const channelNames: Record<CaseView['channel'], string> = {
  call_center: 'call center 175',
  branch_counter: 'loket kantor cabang / branch counter',
};

const disclosureNames: Record<CaseView['member']['disclosure'], string> = {
  none: 'tidak ditampilkan / not disclosed',
  masked: 'disamarkan / masked',
  full: 'lengkap / full',
};

const deliveryNames: Record<NonNullable<CaseView['allowed']['resetDelivery']>, string> = {
  registered_email: 'ke email terdaftar / to the registered email',
  registered_phone: 'ke nomor HP terdaftar / to the registered phone',
  printed_in_person: 'dicetak di loket / printed at the counter',
};

const yesNo = (allowed: boolean) => (allowed ? 'ya / yes' : 'tidak / no');

function printRows(rows: readonly (readonly [string, string])[]): void {
  for (const [label, value] of rows) console.log(`  ${label.padEnd(30)} ${value}`);
}

/** The case as staff read it: whom it is about, what they may see and do, and why. */
export function printCase(shown: CaseView): void {
  const status =
    shown.closedAt !== null
      ? `ditutup / closed ${shown.closedAt}`
      : `berlaku sampai / expires ${shown.expiresAt ?? '-'}`;
  const outcome = shown.outcome === 'passed' ? 'LULUS / passed' : 'GAGAL / failed';
  console.log(`Kasus / case ${shown.caseId}: ${outcome}, ${channelNames[shown.channel]}, ${status}`);
  const { member, allowed } = shown;
  console.log(member.fullName);
  printRows([
    ['NIK', member.nikMasked],
    ['KPJ', member.kpjNumbers.join(', ')],
    ['Akun online / account', member.hasOnlineAccount ? `ya / yes (${member.accountState})` : 'tidak / none'],
    ['Email', member.email ?? '-'],
    ['Telepon / phone', member.phone ?? '-'],
    ['Kontak / contacts', disclosureNames[member.disclosure]],
  ]);
  console.log('Boleh / allowed:');
  printRows([
    [
      'Kirim reset / send reset',
      allowed.sendReset && allowed.resetDelivery ? `ya, ${deliveryNames[allowed.resetDelivery]}` : yesNo(false),
    ],
    ['Cetak kode / print code', yesNo(allowed.printCode)],
    ['Ganti kontak / change contact', yesNo(allowed.changeContact)],
  ]);
  console.log('Alasan / reasons:');
  if (shown.reasons.length === 0) console.log('  -');
  for (const reason of shown.reasons) console.log(`  - ${reason}`);
}

export function registerCaseShow(caseCommand: Command, env: CliEnv): void {
  caseCommand
    .command('show')
    .description('Tampilkan kasus / show a case of yours: the member, contacts as disclosed, what you may do and why')
    .argument('<case-id>', 'case id printed by `verify`', parseCaseId)
    .option('--api-url <url>', 'API base URL (env PULIH_API_URL)')
    .option('--json', 'machine-readable output')
    .action(async (caseId: string, options: { apiUrl?: string; json?: boolean }) => {
      const { client, apiUrl } = authenticatedClient(env, options.apiUrl);
      const shown = await fetchCase(client, apiUrl, caseId);
      if (options.json) console.log(JSON.stringify(shown));
      else printCase(shown);
    });
}
