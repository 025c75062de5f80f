import type { Db } from '../../db/database.js';
import { type CorrectionRow, kpjsMasked, minutesLeft } from '../../privacy/corrections.js';

/** A request as the queue shows it: no stated value, KPJ numbers masked, the time left. */
export function correctionSummary(db: Db, row: CorrectionRow, now: Date) {
  const left = minutesLeft(row, now);
  return {
    id: row.id,
    memberId: row.memberId,
    field: row.field,
    state: row.state,
    evidenceKind: row.evidenceKind,
    requestedAt: row.requestedAt,
    dueAt: row.dueAt,
    minutesLeft: left,
    overdue: row.state === 'pending' && left < 0,
    decidedAt: row.decidedAt,
    decisionReason: row.decisionReason,
    kpjMasked: kpjsMasked(db, row.memberId),
  };
}
