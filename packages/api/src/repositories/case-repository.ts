import { randomUUID } from 'node:crypto';
import type { Evidence } from '@pulih/domain';
import { and, eq, isNull } from 'drizzle-orm';
import type { Db } from '../db/database.js';
import { recoveryCases } from '../db/schema.js';

export type CaseRow = typeof recoveryCases.$inferSelect;
export const CASE_MINUTES = 30;

export function insertCase(
  db: Db,
  values: {
    readonly memberId: number | null;
    readonly channel: 'call_center' | 'branch_counter';
    readonly staffId: number;
    readonly outcome: 'passed' | 'failed';
    readonly evidence: readonly Evidence[];
    readonly reason: string | null;
  },
  now: Date,
): CaseRow {
  return db
    .insert(recoveryCases)
    .values({
      id: randomUUID(),
      ...values,
      evidence: JSON.stringify(values.evidence),
      createdAt: now.toISOString(),
      expiresAt: new Date(now.getTime() + CASE_MINUTES * 60_000).toISOString(),
    })
    .returning()
    .get();
}

export const findCase = (db: Db, caseId: string): CaseRow | null =>
  db.select().from(recoveryCases).where(eq(recoveryCases.id, caseId)).get() ?? null;

export function closeCase(db: Db, caseId: string, now: Date): void {
  db.update(recoveryCases)
    .set({ closedAt: now.toISOString() })
    .where(and(eq(recoveryCases.id, caseId), isNull(recoveryCases.closedAt)))
    .run();
}

export const evidenceOf = (row: CaseRow): Evidence[] => JSON.parse(row.evidence) as Evidence[];
