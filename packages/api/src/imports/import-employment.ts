import { decideEmploymentReport, type Participation } from '@pulih/domain';
import type Database from 'better-sqlite3';
import { checkEmploymentRow, EMPLOYMENT_COLUMNS, type EmploymentRow, employmentProblem } from './employment-row.js';
import { placeholderEmployerName } from './import-contributions.js';
import { type AppliedRow, LINE_BATCH, type LineBatchedImport, statementsOnce } from './line-batched-import.js';

type HeldParticipation = Participation & { readonly id: number };

/** The prepared statements of an employment import, made once per database handle. */
function prepareStatements(sqlite: Database.Database) {
  return {
    kpjKnown: sqlite.prepare<[string], number>('SELECT 1 FROM member_kpj WHERE kpj = ?').pluck(),
    employerName: sqlite.prepare<[string], string>('SELECT name FROM employers WHERE npp = ?').pluck(),
    insertEmployer: sqlite.prepare<[string, string]>('INSERT INTO employers (npp, name) VALUES (?, ?)'),
    nameEmployer: sqlite.prepare<[string, string]>('UPDATE employers SET name = ? WHERE npp = ?'),
    participationsAt: sqlite.prepare<[string, string], HeldParticipation>(
      `SELECT id, kpj, npp, segment, started_on AS startedOn, ended_on AS endedOn, end_reason AS endReason
       FROM participations WHERE kpj = ? AND npp = ?`,
    ),
    insertParticipation: sqlite.prepare<[string, string, string, string, string | null, string | null]>(
      `INSERT INTO participations (kpj, npp, segment, started_on, ended_on, end_reason)
       VALUES (?, ?, ?, ?, ?, ?)`,
    ),
    endParticipation: sqlite.prepare<[string, string, number]>(
      'UPDATE participations SET ended_on = ?, end_reason = ? WHERE id = ? AND ended_on IS NULL',
    ),
  };
}
type Statements = ReturnType<typeof prepareStatements>;
const statementsByHandle = new WeakMap<Database.Database, Statements>();

/**
 * The employer of a report: registered under the report's name if the registry does not know
 * it (or under a placeholder until a report names it), renamed if it was known only by a
 * placeholder (the contributions import creates such employers).
 */
function ensureEmployer(s: Statements, row: EmploymentRow, notes: string[]): void {
  const current = s.employerName.get(row.npp);
  if (current === undefined) {
    s.insertEmployer.run(row.npp, row.employerName ?? placeholderEmployerName(row.npp));
    notes.push(row.employerName ? 'employer registered' : 'employer registered without a name (no employer_name)');
  } else if (row.employerName !== null && current === placeholderEmployerName(row.npp)) {
    s.nameEmployer.run(row.employerName, row.npp);
    notes.push('employer name recorded');
  }
}

/** Writes one report: a new employment, the end of an open one, or nothing when it is known. */
function applyEmploymentRow(s: Statements, row: EmploymentRow): AppliedRow {
  if (s.kpjKnown.get(row.kpj) === undefined) return { rejected: 'KPJ not in the registry' };
  const decision = decideEmploymentReport(row, s.participationsAt.all(row.kpj, row.npp));
  if (!decision.ok) return { rejected: employmentProblem(decision.error) };
  const notes: string[] = [];
  switch (decision.value.kind) {
    case 'unchanged':
      notes.push('already recorded; nothing changed');
      break;
    case 'register':
      ensureEmployer(s, row, notes);
      s.insertParticipation.run(row.kpj, row.npp, row.segment, row.startedOn, row.endedOn, row.endReason);
      break;
    case 'end':
      s.endParticipation.run(row.endedOn as string, row.endReason as string, decision.value.participation.id);
      break;
  }
  return { notes };
}

/**
 * An employers' employment report (`EMPLOYMENT_COLUMNS`: starts and ends of employment), imported
 * line by line in batches (`importByLines`), so an interrupted upload resumes after its last
 * committed line. Each row is decided by the domain (`decideEmploymentReport`): reports are
 * idempotent and never rewrite an end already recorded. What an employment changes for the member
 * (status, stored views, the day their status is looked at again) follows from the
 * participations' triggers, whoever writes them. Dates are judged against `now`'s day.
 */
export function employmentImport(sqlite: Database.Database, now: Date): LineBatchedImport<EmploymentRow> {
  const s = statementsOnce(statementsByHandle, sqlite, prepareStatements);
  const today = now.toISOString().slice(0, 10);
  return {
    columns: EMPLOYMENT_COLUMNS,
    check: (fields) => checkEmploymentRow(fields, today),
    apply: (row) => applyEmploymentRow(s, row),
    batch: LINE_BATCH,
  };
}
