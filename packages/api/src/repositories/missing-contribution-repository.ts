import type { Db } from '../db/database.js';
import { rawStatement, rawWriteStatement } from './prepared.js';

/**
 * The cards of a range of participations (by id) employed in the due month and with no
 * contribution paid for it by the day, each with its person: what the "a month is missing"
 * notice is for. Reads the range by primary key and each card's month by the contributions key.
 */
export const MISSING_CONTRIBUTIONS_SQL = `SELECT DISTINCT p.kpj, coalesce(m.merged_into_member_id, m.id)
FROM participations p
JOIN member_kpj k ON k.kpj = p.kpj AND k.merged_into_kpj IS NULL
JOIN members m ON m.id = k.member_id
WHERE p.id > ? AND p.id <= ? AND p.started_on <= ? AND (p.ended_on IS NULL OR p.ended_on >= ?)
  AND NOT EXISTS (SELECT 1 FROM contributions c WHERE c.kpj = p.kpj AND c.period = ? AND c.paid_at IS NOT NULL AND c.paid_at <= ?)`;

const SCAN_START_SQL = `INSERT INTO missing_contribution_scans (period, after_participation_id) VALUES (?, 0)
ON CONFLICT (period) DO NOTHING`;
const SCAN_STATE_SQL = 'SELECT after_participation_id, finished_at FROM missing_contribution_scans WHERE period = ?';
const SCAN_ADVANCE_SQL =
  'UPDATE missing_contribution_scans SET after_participation_id = ?, finished_at = ? WHERE period = ?';
const LAST_PARTICIPATION_SQL = 'SELECT coalesce(max(id), 0) FROM participations';

/** Where the scan of a due month stands (created at the start on first use). */
export function missingScanState(db: Db, period: string): { after: number; finishedAt: string | null } {
  rawWriteStatement(db, SCAN_START_SQL).run(period);
  const [after, finishedAt] = rawStatement(db, SCAN_STATE_SQL).get(period) as [number, string | null];
  return { after, finishedAt };
}

export function advanceMissingScan(db: Db, period: string, after: number, finishedAt: string | null): void {
  rawWriteStatement(db, SCAN_ADVANCE_SQL).run(after, finishedAt, period);
}

/** The highest participation id (0 without any). */
export function lastParticipationId(db: Db): number {
  return (rawStatement(db, LAST_PARTICIPATION_SQL).get() as [number])[0];
}

/** `MISSING_CONTRIBUTIONS_SQL` over participations `after < id <= upTo`, as [kpj, person id]. */
export function unpaidEmployedCards(
  db: Db,
  range: { readonly after: number; readonly upTo: number },
  period: string,
  today: string,
): [string, number][] {
  return rawStatement(db, MISSING_CONTRIBUTIONS_SQL).all(
    range.after,
    range.upTo,
    `${period}-31`,
    `${period}-01`,
    period,
    today,
  ) as [string, number][];
}
