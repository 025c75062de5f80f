import { parseIsoDate, parseKpj } from '@pulih/domain';

/** The header of a contributions file. Amounts are whole rupiah; `paid_at` is empty while unpaid. */
export const CONTRIBUTION_COLUMNS = [
  'kpj',
  'npp',
  'period',
  'wage',
  'jht_employee',
  'jht_employer',
  'jkk',
  'jkm',
  'jp_employee',
  'jp_employer',
  'jkp',
  'paid_at',
] as const;

const AMOUNT_COLUMNS = ['wage', 'jht_employee', 'jht_employer', 'jkk', 'jkm', 'jp_employee', 'jp_employer', 'jkp'];
/** Far above any wage or contribution; keeps amounts exact in a double and in SQLite's integers. */
const MAX_AMOUNT = 1_000_000_000_000;
/** The agency's first programme (Jamsostek) dates from 1977: no period is older. */
const FIRST_PERIOD = '1977-01';

export interface ContributionRow {
  readonly kpj: string;
  readonly npp: string;
  /** `YYYY-MM` */
  readonly period: string;
  /** wage, jht_employee, jht_employer, jkk, jkm, jp_employee, jp_employer, jkp */
  readonly amounts: readonly [number, number, number, number, number, number, number, number];
  readonly paidAt: string | null;
}

export type ContributionRowCheck =
  | { readonly ok: true; readonly row: ContributionRow }
  | { readonly ok: false; readonly reasons: string[] };

/**
 * Checks one contributions row (fields in `CONTRIBUTION_COLUMNS` order) on its own: what needs
 * the registry (is the KPJ known?) or the rest of the file (is the row a duplicate?) is checked
 * by the import. `today` (`YYYY-MM-DD`) bounds the period and the payment date.
 */
export function checkContributionRow(fields: readonly string[], today: string): ContributionRowCheck {
  const reasons: string[] = [];
  const [rawKpj = '', rawNpp = '', rawPeriod = ''] = fields;
  const kpj = parseKpj(rawKpj);
  if (!kpj.ok) reasons.push(rawKpj.trim() === '' ? 'KPJ missing' : 'KPJ is not 11 digits');
  const npp = rawNpp.trim();
  if (!/^\d{8}$/.test(npp)) reasons.push(npp === '' ? 'NPP missing' : 'NPP is not 8 digits');
  const period = rawPeriod.trim();
  const periodMatch = /^(\d{4})-(0[1-9]|1[0-2])$/.exec(period);
  if (!periodMatch) reasons.push('period is not YYYY-MM');
  else if (period < FIRST_PERIOD || period > today.slice(0, 7))
    reasons.push('period out of range (1977 to this month)');
  const amounts: number[] = [];
  AMOUNT_COLUMNS.forEach((column, i) => {
    const raw = (fields[3 + i] ?? '').trim();
    if (!/^\d+$/.test(raw)) {
      reasons.push(
        raw === ''
          ? `${column} missing`
          : /^-/.test(raw)
            ? `${column} is negative`
            : `${column} is not a whole number of rupiah`,
      );
      return;
    }
    const value = Number(raw);
    if (value > MAX_AMOUNT) reasons.push(`${column} is implausibly large`);
    amounts.push(value);
  });
  const rawPaid = (fields[11] ?? '').trim();
  let paidAt: string | null = null;
  if (rawPaid !== '') {
    if (!parseIsoDate(rawPaid)) reasons.push('paid_at is not a real YYYY-MM-DD date');
    else if (rawPaid > today) reasons.push('paid_at is in the future');
    else paidAt = rawPaid;
  }
  if (reasons.length > 0 || !kpj.ok) return { ok: false, reasons };
  return {
    ok: true,
    row: { kpj: kpj.value, npp, period, amounts: amounts as unknown as ContributionRow['amounts'], paidAt },
  };
}
