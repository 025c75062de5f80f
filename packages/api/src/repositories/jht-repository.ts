import { and, asc, eq, gte, inArray, isNotNull, or, sql } from 'drizzle-orm';
import type { Db } from '../db/database.js';
import { contributions, jhtStatements, jhtTransfers, jhtYieldRates, memberKpj, participations } from '../db/schema.js';
import { listParams, MAX_PREPARED_LIST, prepared, rawStatement } from './prepared.js';

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

/** The person of a member record: itself, or the record it was merged into. */
const PERSON_OF_MEMBER = 'WITH person(id) AS (SELECT coalesce(merged_into_member_id, id) FROM members WHERE id = ?)';

/**
 * Every KPJ card of the person of a member record (their records merged into it included), oldest
 * first, each with whether it has an open participation, its stored statement if there is one
 * (`jht_statements`), and the person's birth date: what a balance or a membership status needs,
 * in one statement.
 */
export const PERSON_CARDS_SQL = `${PERSON_OF_MEMBER}
SELECT mk.kpj, mk.registered_at, mk.merged_into_kpj, mk.closed_on, mk.member_id,
  EXISTS (SELECT 1 FROM participations p WHERE p.kpj = mk.kpj AND p.ended_on IS NULL),
  s.as_of, s.valid_until, s.statement, s.paid_periods, pm.birth_date
FROM person
JOIN members pm ON pm.id = person.id
JOIN members m ON m.id = person.id OR m.merged_into_member_id = person.id
JOIN member_kpj mk ON mk.member_id = m.id
LEFT JOIN jht_statements s ON s.kpj = mk.kpj
ORDER BY mk.registered_at, mk.kpj`;

/**
 * What a membership status needs of the person of a member record, in one statement: each KPJ
 * card with its stored paid months if any, each of its participations (a card without one
 * comes once, with nulls), and the person's birth date.
 */
export const PERSON_MEMBERSHIP_SQL = `${PERSON_OF_MEMBER}
SELECT mk.kpj, s.as_of, s.valid_until, s.statement, s.paid_periods, pm.birth_date,
  p.id, p.npp, p.segment, p.started_on, p.ended_on, p.end_reason
FROM person
JOIN members pm ON pm.id = person.id
JOIN members m ON m.id = person.id OR m.merged_into_member_id = person.id
JOIN member_kpj mk ON mk.member_id = m.id
LEFT JOIN jht_statements s ON s.kpj = mk.kpj
LEFT JOIN participations p ON p.kpj = mk.kpj`;

/** The person's birth date, for a person without KPJ cards. */
export const PERSON_BIRTH_DATE_SQL = `${PERSON_OF_MEMBER}
SELECT pm.birth_date FROM person JOIN members pm ON pm.id = person.id`;

/** A stored statement row, as `jht_statements` holds it. */
export interface StoredStatementRow {
  readonly asOf: string;
  readonly validUntil: string;
  /** The domain's `JhtStatement`, as `encodeStatement` (`jht/stored-statements.ts`) writes it. */
  readonly statement: string;
  /** Comma-separated months with a paid contribution by `asOf`. */
  readonly paidPeriods: string;
}

export interface PersonCard extends KpjCard {
  /** The member record that holds the card. */
  readonly memberId: number;
  /** An open participation (no end date) on the card. */
  readonly hasOpenParticipation: boolean;
  readonly stored: StoredStatementRow | null;
  readonly personBirthDate: string | null;
}

type PersonCardColumns = [
  string,
  string,
  string | null,
  string | null,
  number,
  number,
  string | null,
  string | null,
  string | null,
  string | null,
  string | null,
];

/** The KPJ cards of the person of `memberId`, oldest first, with their stored statements. */
export function personCardsOf(db: Db, memberId: number): PersonCard[] {
  const rows = rawStatement(db, PERSON_CARDS_SQL).all(memberId) as PersonCardColumns[];
  return rows.map(
    ([kpj, registeredAt, mergedIntoKpj, closedOn, holder, open, asOf, validUntil, statement, paid, birth]) => ({
      kpj,
      registeredAt,
      mergedIntoKpj,
      closedOn,
      memberId: holder,
      hasOpenParticipation: open === 1,
      stored: storedRowOf(asOf, validUntil, statement, paid),
      personBirthDate: birth,
    }),
  );
}

type MembershipColumns = [
  string,
  string | null,
  string | null,
  string | null,
  string | null,
  string | null,
  number | null,
  string | null,
  ParticipationRow['segment'] | null,
  string | null,
  string | null,
  ParticipationRow['endReason'],
];

export interface PersonMembershipFacts {
  /** Each KPJ card of the person once, with its stored statement if there is one. */
  readonly cards: { readonly kpj: string; readonly stored: StoredStatementRow | null }[];
  readonly participations: Omit<ParticipationRow, 'id'>[];
  /** The person's birth date; undefined when the person has no card (see `personBirthDateOf`). */
  readonly birthDate: string | null | undefined;
}

/** The KPJ cards of the person of `memberId` with their stored statements, their participations and the birth date. */
export function personMembershipFactsOf(db: Db, memberId: number): PersonMembershipFacts {
  const rows = rawStatement(db, PERSON_MEMBERSHIP_SQL).all(memberId) as MembershipColumns[];
  const cards: PersonMembershipFacts['cards'] = [];
  const participations: PersonMembershipFacts['participations'] = [];
  let lastKpj: string | undefined;
  for (const [
    kpj,
    asOf,
    validUntil,
    statement,
    paid,
    ,
    participationId,
    npp,
    segment,
    startedOn,
    endedOn,
    endReason,
  ] of rows) {
    if (kpj !== lastKpj && !cards.some((card) => card.kpj === kpj)) {
      cards.push({ kpj, stored: storedRowOf(asOf, validUntil, statement, paid) });
    }
    lastKpj = kpj;
    if (participationId !== null && segment !== null && startedOn !== null) {
      participations.push({ kpj, npp, segment, startedOn, endedOn, endReason });
    }
  }
  return { cards, participations, birthDate: rows.length === 0 ? undefined : (rows[0]?.[5] ?? null) };
}

const storedRowOf = (
  asOf: string | null,
  validUntil: string | null,
  statement: string | null,
  paidPeriods: string | null,
): StoredStatementRow | null =>
  asOf === null || validUntil === null || statement === null || paidPeriods === null
    ? null
    : { asOf, validUntil, statement, paidPeriods };

/** The birth date of the person of `memberId` (null when unknown or no such record). */
export function personBirthDateOf(db: Db, memberId: number): string | null {
  const row = rawStatement(db, PERSON_BIRTH_DATE_SQL).get(memberId) as [string | null] | undefined;
  return row?.[0] ?? null;
}

/** Saves the statement of a KPJ computed as of `row.asOf` (replacing the one stored before). */
export function storeStatement(db: Db, kpj: string, row: StoredStatementRow): void {
  prepared(db, 'jht.storeStatement', (d) =>
    d
      .insert(jhtStatements)
      .values({
        kpj: sql.placeholder('kpj'),
        asOf: sql.placeholder('asOf'),
        validUntil: sql.placeholder('validUntil'),
        statement: sql.placeholder('statement'),
        paidPeriods: sql.placeholder('paidPeriods'),
      })
      .onConflictDoUpdate({
        target: jhtStatements.kpj,
        set: {
          asOf: sql`excluded.as_of`,
          validUntil: sql`excluded.valid_until`,
          statement: sql`excluded.statement`,
          paidPeriods: sql`excluded.paid_periods`,
        },
      })
      .prepare(),
  ).run({ kpj, ...row });
}
