import {
  checkEmploymentReport,
  type EmploymentEndReason,
  type EmploymentReport,
  type EmploymentReportError,
  type MembershipSegment,
  parseIsoDate,
  parseKpj,
} from '@pulih/domain';

/**
 * The header of an employment report file (`pulih import employment`): one employment of a KPJ
 * number at an employer per row, as the employer reported it. `ended_on` and `end_reason` are
 * empty while the employment lasts; `segment` is empty for PU (wage earners); `employer_name`
 * names an employer the registry does not know yet (or knows only by a placeholder).
 */
export const EMPLOYMENT_COLUMNS = [
  'kpj',
  'npp',
  'segment',
  'started_on',
  'ended_on',
  'end_reason',
  'employer_name',
] as const;

/** The agency's first programme (Jamsostek) dates from 1977: no employment it covers is older. */
const FIRST_DAY = '1977-01-01';
const MAX_EMPLOYER_NAME = 200;

/**
 * End reasons as employers write them: the codes, and the words of the agency's own forms
 * (SIPP's "alasan keluar"), compared without case, spaces or punctuation.
 */
const END_REASONS: Readonly<Record<string, EmploymentEndReason>> = {
  resignation: 'resignation',
  mengundurkandiri: 'resignation',
  resign: 'resignation',
  phk: 'phk',
  pemutusanhubungankerja: 'phk',
  contractend: 'contract_end',
  habiskontrak: 'contract_end',
  kontrakberakhir: 'contract_end',
  pkwtberakhir: 'contract_end',
  retirement: 'retirement',
  pensiun: 'retirement',
};
const SEGMENTS: Readonly<Record<string, MembershipSegment>> = {
  '': 'PU',
  pu: 'PU',
  bpu: 'BPU',
  jakon: 'JAKON',
  pmi: 'PMI',
};

const REPORT_PROBLEMS: Readonly<Record<EmploymentReportError, string>> = {
  EMPLOYMENT_END_INCOMPLETE: 'ended_on and end_reason go together (both or neither)',
  EMPLOYMENT_ENDS_BEFORE_START: 'ended_on is before started_on',
  EMPLOYMENT_ALREADY_ENDED:
    'this employment has already ended on another date or for another reason; a correction goes through a branch',
  EMPLOYMENT_SEGMENT_DIFFERS: 'this employment is registered under another segment',
  EMPLOYMENT_OVERLAPS: 'another employment of this KPJ at this employer covers some of the same days',
};

/** The line of the report for a decision the domain refused. */
export const employmentProblem = (error: EmploymentReportError): string => REPORT_PROBLEMS[error];

export interface EmploymentRow extends EmploymentReport {
  readonly kpj: string;
  readonly npp: string;
  readonly employerName: string | null;
}

export type EmploymentRowCheck =
  | { readonly ok: true; readonly row: EmploymentRow }
  | { readonly ok: false; readonly reasons: string[] };

const wordsOf = (value: string): string => value.toLowerCase().replace(/[^a-z]/g, '');

function dateOf(raw: string, column: string, latest: string, reasons: string[]): string | null {
  const value = raw.trim();
  if (value === '') return null;
  if (!parseIsoDate(value)) reasons.push(`${column} is not a real YYYY-MM-DD date`);
  else if (value < FIRST_DAY) reasons.push(`${column} is before 1977`);
  else if (value > latest) reasons.push(`${column} is more than a year ahead`);
  else return value;
  return null;
}

/** A year after `today`: employers report starts and ends ahead of time, never years ahead. */
function latestDayAfter(today: string): string {
  const next = new Date(`${today}T00:00:00Z`);
  next.setUTCFullYear(next.getUTCFullYear() + 1);
  return next.toISOString().slice(0, 10);
}

/**
 * Checks one row of an employment report (fields in `EMPLOYMENT_COLUMNS` order) on its own; what
 * needs the registry (the KPJ, the employments it holds) is the import's. Dates may lie up to a
 * year after `today` (`YYYY-MM-DD`): an employer may report a start or a resignation ahead.
 */
export function checkEmploymentRow(fields: readonly string[], today: string): EmploymentRowCheck {
  const [rawKpj = '', rawNpp = '', rawSegment = '', rawStart = '', rawEnd = '', rawReason = '', rawName = ''] = fields;
  const reasons: string[] = [];
  const kpj = parseKpj(rawKpj);
  if (!kpj.ok) reasons.push(rawKpj.trim() === '' ? 'KPJ missing' : 'KPJ is not 11 digits');
  const npp = rawNpp.trim();
  if (!/^\d{8}$/.test(npp)) reasons.push(npp === '' ? 'NPP missing' : 'NPP is not 8 digits');
  const segment = SEGMENTS[wordsOf(rawSegment)];
  if (segment === undefined) reasons.push('segment is not PU, BPU, JAKON or PMI');
  const latest = latestDayAfter(today);
  const startedOn = dateOf(rawStart, 'started_on', latest, reasons);
  if (rawStart.trim() === '') reasons.push('started_on missing');
  const endedOn = dateOf(rawEnd, 'ended_on', latest, reasons);
  let endReason: EmploymentEndReason | null = null;
  if (rawReason.trim() !== '') {
    endReason = END_REASONS[wordsOf(rawReason)] ?? null;
    if (endReason === null) reasons.push('end_reason is not resignation, phk, contract_end or retirement');
  }
  const employerName = rawName.trim().replace(/\s+/g, ' ');
  if (employerName.length > MAX_EMPLOYER_NAME) reasons.push('employer_name longer than 200 characters');
  if (reasons.length > 0 || !kpj.ok || segment === undefined || startedOn === null) return { ok: false, reasons };
  const report = checkEmploymentReport({ segment, startedOn, endedOn, endReason });
  if (!report.ok) return { ok: false, reasons: [employmentProblem(report.error)] };
  return {
    ok: true,
    row: { ...report.value, kpj: kpj.value, npp, employerName: employerName === '' ? null : employerName },
  };
}
