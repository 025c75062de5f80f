import { and, asc, eq, gte, inArray, isNotNull, or, sql } from 'drizzle-orm';
import type { Db } from '../db/database.js';
import { contributions, jhtTransfers, jhtYieldRates, memberKpj, participations } from '../db/schema.js';
import { listParams, MAX_PREPARED_LIST, prepared } from './prepared.js';

export type TransferRow = typeof jhtTransfers.$inferSelect;
export type ParticipationRow = typeof participations.$inferSelect;

export interface KpjCard {
  readonly kpj: string;
  readonly registeredAt: string;
  readonly mergedIntoKpj: string | null;
  readonly closedOn: string | null;
}

const placeholders = (count: number) => Array.from({ length: count }, (_, i) => sql.placeholder(`p${i}`));

const cardColumns = {
  kpj: memberKpj.kpj,
  registeredAt: memberKpj.registeredAt,
  mergedIntoKpj: memberKpj.mergedIntoKpj,
  closedOn: memberKpj.closedOn,
};

/** The cards of `count` member records; `ids` are the values, or placeholders when prepared. */
const cardsQuery = (db: Db, ids: readonly (number | ReturnType<typeof sql.placeholder>)[]) =>
  db
    .select(cardColumns)
    .from(memberKpj)
    .where(inArray(memberKpj.memberId, [...ids]))
    .orderBy(asc(memberKpj.registeredAt), asc(memberKpj.kpj));

const participationsQuery = (db: Db, kpjs: readonly (string | ReturnType<typeof sql.placeholder>)[]) =>
  db
    .select()
    .from(participations)
    .where(inArray(participations.kpj, [...kpjs]))
    .orderBy(asc(participations.startedOn));

/** The hot queries of this file, prepared once per connection (see `prepared.ts`). */
export const jhtQueries = (db: Db) =>
  prepared(db, 'jht', (d) => ({
    contributionsOfKpj: d
      .select({
        period: contributions.period,
        employee: contributions.jhtEmployee,
        employer: contributions.jhtEmployer,
        paidAt: contributions.paidAt,
      })
      .from(contributions)
      .where(eq(contributions.kpj, sql.placeholder('kpj')))
      .orderBy(asc(contributions.period))
      .prepare(),
    transfersOfKpj: d
      .select()
      .from(jhtTransfers)
      .where(or(eq(jhtTransfers.fromKpj, sql.placeholder('kpj')), eq(jhtTransfers.toKpj, sql.placeholder('kpj'))))
      .orderBy(asc(jhtTransfers.transferredOn), asc(jhtTransfers.createdAt))
      .prepare(),
    yieldRates: d.select().from(jhtYieldRates).orderBy(asc(jhtYieldRates.year)).prepare(),
  }));

/** `kpjCardsOf` for `count` member records, prepared (count ≤ MAX_PREPARED_LIST). */
export const preparedCardsOf = (db: Db, count: number) =>
  prepared(db, `jht.cards.${count}`, (d) => cardsQuery(d, placeholders(count)).prepare());

/** `participationsOf` for `count` KPJ numbers, prepared (count ≤ MAX_PREPARED_LIST). */
export const preparedParticipationsOf = (db: Db, count: number) =>
  prepared(db, `jht.participations.${count}`, (d) => participationsQuery(d, placeholders(count)).prepare());

/** The KPJ numbers held by these member records (a person), oldest first. */
export function kpjCardsOf(db: Db, memberIds: readonly number[]): KpjCard[] {
  if (memberIds.length === 0) return [];
  if (memberIds.length > MAX_PREPARED_LIST) return cardsQuery(db, memberIds).all();
  return preparedCardsOf(db, memberIds.length).all(listParams(memberIds));
}

/** JHT contributions of one KPJ number (employee and employer parts). */
export function jhtContributionsOf(db: Db, kpj: string) {
  return jhtQueries(db).contributionsOfKpj.all({ kpj });
}

/** Balance moves in and out of one KPJ number. */
export const transfersOf = (db: Db, kpj: string): TransferRow[] => jhtQueries(db).transfersOfKpj.all({ kpj });

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

export const yieldRates = (db: Db): { year: number; rateBasisPoints: number }[] => jhtQueries(db).yieldRates.all();

export function participationsOf(db: Db, kpjs: readonly string[]): ParticipationRow[] {
  if (kpjs.length === 0) return [];
  if (kpjs.length > MAX_PREPARED_LIST) return participationsQuery(db, kpjs).all();
  return preparedParticipationsOf(db, kpjs.length).all(listParams(kpjs));
}

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
