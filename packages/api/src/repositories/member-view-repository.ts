import type { Db } from '../db/database.js';
import type { memberViews } from '../db/schema.js';
import { rawWriteStatement } from './prepared.js';

/** The portal reads kept as stored views (`member-views/member-views.ts`). */
export type MemberViewKind = (typeof memberViews.kind.enumValues)[number];

/** A view as `member_views` holds it. */
export interface StoredMemberView {
  /** The instant it was computed at. */
  readonly asOf: string;
  /** The instant from which it no longer holds. */
  readonly validUntil: string;
  /** The build's `MEMBER_VIEWS_VERSION` when stored. */
  readonly version: number;
  /** The reply's JSON text. */
  readonly body: string;
}

/**
 * Stores a view, only for a record that is not merged into another: the triggers of migration
 * 0011 drop the views of a person, that is, of records that are not merged. (The caller stores it
 * together with the person's statements, in one transaction.)
 */
const STORE_VIEW_SQL = `INSERT INTO member_views (member_id, kind, as_of, valid_until, version, body)
SELECT id, ?, ?, ?, ?, ? FROM members WHERE id = ? AND merged_into_member_id IS NULL
ON CONFLICT (member_id, kind) DO UPDATE SET
  as_of = excluded.as_of, valid_until = excluded.valid_until, version = excluded.version, body = excluded.body`;

export function storeMemberView(db: Db, memberId: number, kind: MemberViewKind, view: StoredMemberView): void {
  rawWriteStatement(db, STORE_VIEW_SQL).run(kind, view.asOf, view.validUntil, view.version, view.body, memberId);
}

export const SWEEP_BATCH_SQL = `DELETE FROM member_views WHERE rowid IN
  (SELECT rowid FROM member_views WHERE valid_until <= ? LIMIT 5000)`;

/**
 * Deletes the views that no longer hold at `now` (the next read computes them again), 5,000 rows
 * a statement so that a writer never waits long for the lock; how many.
 */
export function sweepExpiredMemberViews(db: Db, now: Date): number {
  const sweep = rawWriteStatement(db, SWEEP_BATCH_SQL);
  const at = now.toISOString();
  let total = 0;
  let changes: number;
  do {
    changes = sweep.run(at).changes;
    total += changes;
  } while (changes > 0);
  return total;
}
