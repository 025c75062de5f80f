import type { Command } from 'commander';
import { InvalidArgumentError } from 'commander';
import { callApi } from '../api-client.js';
import type { ApiOutputs } from '../api-types.js';
import type { CliEnv } from '../env.js';
import { authenticatedClient } from '../session.js';
import { parseCaseId } from './recovery-case.js';

type MemberBalance = ApiOutputs['jht']['memberBalance'];
type MembershipReason = MemberBalance['membership']['reason'];

/** A KPJ (11 digits) or NIK (16 digits), as staff type it from a card, with spaces or dots. */
function parseKey(value: string): string {
  const key = value.replace(/[\s.-]/g, '');
  if (!/^(\d{11}|\d{16})$/.test(key)) throw new InvalidArgumentError('an 11-digit KPJ number or a 16-digit NIK');
  return key;
}

const rupiah = (amount: number): string => `Rp${amount.toLocaleString('id-ID')}`;

/** The domain's status reasons, as staff read them out to the member (id / en). */
const reasonNames: Record<MembershipReason, string> = {
  contributing: 'iuran dibayar rutin / contributions arriving',
  awaiting_first_contribution: 'menunggu iuran pertama / awaiting the first contribution',
  no_contribution_3_months: 'tidak ada iuran 3 bulan berturut-turut / no contribution for 3 consecutive months',
  never_contributed: 'belum pernah ada iuran / never contributed',
  employment_ended: 'hubungan kerja berakhir / employment ended (reported by the employer)',
  no_participation: 'belum terdaftar pada pemberi kerja / no participation',
  age_56: 'usia 56 tahun / reached age 56',
  died: 'meninggal dunia / died',
  data_mismatch: 'data tidak sesuai Dukcapil / data does not match the civil registry',
};

function printStatement(title: string, years: MemberBalance['totalYears']): void {
  console.log(title);
  if (years.length === 0) {
    console.log('  belum ada iuran / no contributions yet');
    return;
  }
  const columns = [
    'Tahun/year',
    'Saldo awal/opening',
    'Iuran/contrib.',
    'Gabung/merges',
    'Hasil/yield',
    'Saldo akhir/closing',
  ];
  const rows = years.map((y) => [
    String(y.year),
    rupiah(y.opening),
    rupiah(y.contributions),
    rupiah(y.transfersIn - y.transfersOut),
    rupiah(y.yield),
    rupiah(y.closing),
  ]);
  const widths = columns.map((c, i) => Math.max(c.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (cells: string[]) =>
    `  ${cells.map((cell, i) => (i === 0 ? cell.padEnd(widths[i] ?? 0) : cell.padStart(widths[i] ?? 0))).join('  ')}`;
  console.log(line(columns));
  for (const row of rows) console.log(line(row));
}

export function registerJhtBalance(jht: Command, env: CliEnv): void {
  jht
    .command('balance')
    .description(
      "Saldo JHT / a member's JHT statement per KPJ and in total, with the membership status, within a verified case (call center agent, branch officer, supervisor); audited",
    )
    .argument('<kpj-or-nik>', "the member's KPJ number or NIK", parseKey)
    .requiredOption('--case <case-id>', 'the case opened by `callcenter verify` or `branch verify`', parseCaseId)
    .option('--api-url <url>', 'API base URL (env PULIH_API_URL)')
    .option('--json', 'machine-readable output')
    .action(async (key: string, options: { case: string; apiUrl?: string; json?: boolean }) => {
      const { client, apiUrl } = authenticatedClient(env, options.apiUrl);
      const shown = await callApi(apiUrl, () => client.jht.memberBalance.query({ key, caseId: options.case }));
      if (options.json) {
        console.log(JSON.stringify(shown));
        return;
      }
      const { membership } = shown;
      const status = membership.status === 'aktif' ? 'AKTIF' : 'NON-AKTIF';
      console.log(`${shown.fullName}  (NIK ${shown.nikMasked})`);
      console.log(`  Status kepesertaan / membership  ${status}: ${reasonNames[membership.reason]}`);
      if (membership.since !== null) console.log(`  Sejak / since                    ${membership.since}`);
      console.log(`  Total saldo JHT / total balance  ${rupiah(shown.total)}  (per ${shown.asOf})`);
      for (const card of shown.cards) {
        const notes = [
          card.isActive ? 'aktif / active' : null,
          card.mergedIntoKpj ? `digabung ke / merged into ${card.mergedIntoKpj} (${card.closedOn ?? '-'})` : null,
        ].filter((n) => n !== null);
        console.log('');
        printStatement(
          `KPJ ${card.kpj}  ${rupiah(card.balance)}${notes.length > 0 ? `  [${notes.join('; ')}]` : ''}`,
          card.years,
        );
      }
      if (shown.cards.length > 1) {
        console.log('');
        printStatement('Total semua KPJ / all KPJ numbers', shown.totalYears);
      }
      console.log('');
      console.log(`  (ditampilkan dalam kasus / shown within case ${shown.caseId}; tercatat di log audit / audited)`);
    });
}
