import { and, asc, eq, gte, inArray, isNotNull, or, sql } from 'drizzle-orm';
import type { Db } from '../db/database.js';
import { contributions, jhtTransfers, jhtYieldRates, memberKpj, participations } from '../db/schema.js';

export type TransferRow = typeof jhtTransfers.$inferSelect;
export type ParticipationRow = typeof participations.$inferSelect;

export interface KpjCard {
  readonly kpj: string;
  readonly registeredAt: string;
  readonly mergedIntoKpj: string | null;
  readonly closedOn: string | null;
}

/** The KPJ numbers held by these member records (a person), oldest first. */
export function kpjCardsOf(db: Db, memberIds: readonly number[]): KpjCard[] {
  if (memberIds.length === 0) return [];
  return db
    .select({
      kpj: memberKpj.kpj,
      registeredAt: memberKpj.registeredAt,
      mergedIntoKpj: memberKpj.mergedIntoKpj,
      closedOn: memberKpj.closedOn,
    })
    .from(memberKpj)
    .where(inArray(memberKpj.memberId, [...memberIds]))
    .orderBy(asc(memberKpj.registeredAt), asc(memberKpj.kpj))
    .all();
}

/** JHT contributions of one KPJ number (employee and employer parts). */
export function jhtContributionsOf(db: Db, kpj: string) {
  return db
    .select({
      period: contributions.period,
      employee: contributions.jhtEmployee,
      employer: contributions.jhtEmployer,
      paidAt: contributions.paidAt,
    })
    .from(contributions)
    .where(eq(contributions.kpj, kpj))
    .orderBy(asc(contributions.period))
    .all();
}

/** Balance moves in and out of one KPJ number. */
export const transfersOf = (db: Db, kpj: string): TransferRow[] =>
  db
    .select()
    .from(jhtTransfers)
    .where(or(eq(jhtTransfers.fromKpj, kpj), eq(jhtTransfers.toKpj, kpj)))
    .orderBy(asc(jhtTransfers.transferredOn), asc(jhtTransfers.createdAt))
    .all();

/** Transfers from or to any of these KPJ numbers recorded at or after `sinceIso`. */
export function transfersTouchingSince(db: Db, kpjs: readonly string[], sinceIso: string): TransferRow[] {
  if (kpjs.length === 0) return [];
  return db
    .select()
    .from(jhtTransfers)
    .where(
      and(
        or(inArray(jhtTransfers.fromKpj, [...kpjs]), inArray(jhtTransfers.toKpj, [...kpjs])),
        gte(jhtTransfers.createdAt, sinceIso),
      ),
    )
    .all();
}

export const yieldRates = (db: Db): { year: number; rateBasisPoints: number }[] =>
  db.select().from(jhtYieldRates).orderBy(asc(jhtYieldRates.year)).all();

export const participationsOf = (db: Db, kpjs: readonly string[]): ParticipationRow[] =>
  kpjs.length === 0
    ? []
    : db
        .select()
        .from(participations)
        .where(inArray(participations.kpj, [...kpjs]))
        .orderBy(asc(participations.startedOn))
        .all();

/** Total JHT contributions (employee + employer, paid) over these KPJ numbers: the merge invariant. */
export function paidJhtContributionTotal(db: Db, kpjs: readonly string[]): number {
  if (kpjs.length === 0) return 0;
  return (
    db
      .select({ total: sql<number>`coalesce(sum(${contributions.jhtEmployee} + ${contributions.jhtEmployer}), 0)` })
      .from(contributions)
      .where(and(inArray(contributions.kpj, [...kpjs]), isNotNull(contributions.paidAt)))
      .get()?.total ?? 0
  );
}

/** Moves a balance: one row (a statement line on both sides) and the source card closed. */
export function recordBalanceMerge(db: Db, transfer: Omit<TransferRow, 'createdAt'>, now: Date): void {
  db.insert(jhtTransfers)
    .values({ ...transfer, createdAt: now.toISOString() })
    .run();
  db.update(memberKpj)
    .set({ mergedIntoKpj: transfer.toKpj, closedOn: transfer.transferredOn })
    .where(eq(memberKpj.kpj, transfer.fromKpj))
    .run();
}
