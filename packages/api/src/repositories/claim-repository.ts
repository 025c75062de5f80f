import { and, asc, desc, eq, inArray, isNotNull, isNull, lte, sql } from 'drizzle-orm';
import type { Db } from '../db/database.js';
import {
  appointments,
  branches,
  type JhtClaimState,
  jhtClaimDocuments,
  jhtClaimEvents,
  jhtClaims,
  type NoticeTopic,
  noticePreferences,
  noticesSent,
} from '../db/schema.js';
import { prepared } from './prepared.js';

export type ClaimRow = typeof jhtClaims.$inferSelect;
export type ClaimEventRow = typeof jhtClaimEvents.$inferSelect;
export type ClaimDocumentRow = typeof jhtClaimDocuments.$inferSelect;
export type AppointmentRow = typeof appointments.$inferSelect;
export type BranchRow = typeof branches.$inferSelect;

/** The key that makes a second unfinished claim for the same reason impossible. */
export const openKeyOf = (memberId: number, reason: string): string => `${memberId}:${reason}`;

/**
 * Inserts a claim; false when the member already has an unfinished claim for that reason (the
 * unique `open_key` refused it), so that of any number of concurrent submissions one lands.
 */
export function insertClaim(db: Db, claim: ClaimRow): boolean {
  const inserted = db.insert(jhtClaims).values(claim).onConflictDoNothing({ target: jhtClaims.openKey }).run();
  return inserted.changes === 1;
}

export const findClaim = (db: Db, id: string): ClaimRow | null =>
  db.select().from(jhtClaims).where(eq(jhtClaims.id, id)).get() ?? null;

export const claimsOfMembers = (db: Db, memberIds: readonly number[]): ClaimRow[] =>
  memberIds.length === 0
    ? []
    : db
        .select()
        .from(jhtClaims)
        .where(inArray(jhtClaims.memberId, [...memberIds]))
        .orderBy(desc(jhtClaims.submittedAt))
        .all();

export interface ClaimFilter {
  readonly state?: JhtClaimState;
  readonly limit: number;
}

/** Claims for staff, oldest first within a state (work in arrival order). */
export function listClaims(db: Db, filter: ClaimFilter): ClaimRow[] {
  return db
    .select()
    .from(jhtClaims)
    .where(filter.state ? eq(jhtClaims.state, filter.state) : undefined)
    .orderBy(asc(jhtClaims.submittedAt))
    .limit(filter.limit)
    .all();
}

/**
 * Moves a claim from one of `from` to `to`, only if it is still in one of them: of two officers
 * acting at once, one wins and the other sees a conflict. `finished` clears the open key.
 */
export function transitionClaim(
  db: Db,
  id: string,
  from: readonly JhtClaimState[],
  change: Partial<
    Pick<ClaimRow, 'decidedAt' | 'decidedByStaffId' | 'decisionReason' | 'paidOn' | 'paymentReference'>
  > & {
    state: JhtClaimState;
    finished: boolean;
    updatedAt: string;
  },
): boolean {
  const { finished, ...values } = change;
  const updated = db
    .update(jhtClaims)
    .set({ ...values, ...(finished ? { openKey: null } : {}) })
    .where(and(eq(jhtClaims.id, id), inArray(jhtClaims.state, [...from])))
    .run();
  return updated.changes === 1;
}

export function recordClaimEvent(db: Db, event: Omit<ClaimEventRow, 'id'>): void {
  db.insert(jhtClaimEvents).values(event).run();
}

export const claimEventsOf = (db: Db, claimIds: readonly string[]): ClaimEventRow[] =>
  claimIds.length === 0
    ? []
    : db
        .select()
        .from(jhtClaimEvents)
        .where(inArray(jhtClaimEvents.claimId, [...claimIds]))
        .orderBy(asc(jhtClaimEvents.id))
        .all();

/** Partial claims (10% / 30%) that were paid: one in a lifetime. */
export function hasPaidPartialClaim(db: Db, memberIds: readonly number[]): boolean {
  if (memberIds.length === 0) return false;
  return (
    db
      .select({ id: jhtClaims.id })
      .from(jhtClaims)
      .where(
        and(
          inArray(jhtClaims.memberId, [...memberIds]),
          inArray(jhtClaims.reason, ['partial_10', 'partial_30']),
          eq(jhtClaims.state, 'paid'),
        ),
      )
      .limit(1)
      .get() !== undefined
  );
}

export const hasOpenClaim = (db: Db, memberId: number, reason: string): boolean =>
  db
    .select({ id: jhtClaims.id })
    .from(jhtClaims)
    .where(eq(jhtClaims.openKey, openKeyOf(memberId, reason)))
    .get() !== undefined;

/** Paid claims of one KPJ: the payouts of its statement. */
export const paidClaimsOfKpj = (db: Db, kpj: string): { date: string; amount: number }[] =>
  prepared(db, 'claims.paidOfKpj', (d) =>
    d
      .select({ date: jhtClaims.paidOn, amount: jhtClaims.gross })
      .from(jhtClaims)
      .where(and(eq(jhtClaims.kpj, sql.placeholder('kpj')), eq(jhtClaims.state, 'paid'), isNotNull(jhtClaims.paidOn)))
      .prepare(),
  )
    .all({ kpj })
    .map((row) => ({ date: row.date as string, amount: row.amount }));

export function insertClaimDocument(db: Db, document: ClaimDocumentRow): void {
  db.insert(jhtClaimDocuments).values(document).run();
}

export const findClaimDocument = (db: Db, id: string): ClaimDocumentRow | null =>
  db.select().from(jhtClaimDocuments).where(eq(jhtClaimDocuments.id, id)).get() ?? null;

export const documentsOfClaim = (db: Db, claimId: string): ClaimDocumentRow[] =>
  db
    .select()
    .from(jhtClaimDocuments)
    .where(eq(jhtClaimDocuments.claimId, claimId))
    .orderBy(asc(jhtClaimDocuments.uploadedAt))
    .all();

/** Attaches uploaded documents of the member, not yet attached to any claim; returns how many. */
export function attachDocuments(
  db: Db,
  claimId: string,
  memberId: number,
  ids: readonly string[],
  retainUntil: string,
): number {
  if (ids.length === 0) return 0;
  return db
    .update(jhtClaimDocuments)
    .set({ claimId, retainUntil })
    .where(
      and(
        inArray(jhtClaimDocuments.id, [...ids]),
        eq(jhtClaimDocuments.memberId, memberId),
        isNull(jhtClaimDocuments.claimId),
        isNull(jhtClaimDocuments.deletedAt),
      ),
    )
    .run().changes;
}

/** Documents whose retention ended (or never attached to a claim and past their short keep). */
export const expiredDocuments = (db: Db, today: string): ClaimDocumentRow[] =>
  db
    .select()
    .from(jhtClaimDocuments)
    .where(and(lte(jhtClaimDocuments.retainUntil, today), isNull(jhtClaimDocuments.deletedAt)))
    .limit(1000)
    .all();

export function markDocumentDeleted(db: Db, id: string, now: Date): void {
  db.update(jhtClaimDocuments).set({ deletedAt: now.toISOString() }).where(eq(jhtClaimDocuments.id, id)).run();
}

export const listBranches = (db: Db): BranchRow[] => db.select().from(branches).orderBy(asc(branches.code)).all();

export const findBranch = (db: Db, code: string): BranchRow | null =>
  db.select().from(branches).where(eq(branches.code, code)).get() ?? null;

/** Booked appointments per slot at a branch on a day. */
export function bookedSlotCounts(db: Db, branchCode: string, day: string): Map<string, number> {
  const rows = db
    .select({ slot: appointments.slot, count: sql<number>`count(*)` })
    .from(appointments)
    .where(and(eq(appointments.branchCode, branchCode), eq(appointments.day, day), eq(appointments.state, 'booked')))
    .groupBy(appointments.slot)
    .all();
  return new Map(rows.map((row) => [row.slot, row.count]));
}

export function insertAppointment(db: Db, appointment: AppointmentRow): void {
  db.insert(appointments).values(appointment).run();
}

export const findAppointment = (db: Db, id: string): AppointmentRow | null =>
  db.select().from(appointments).where(eq(appointments.id, id)).get() ?? null;

export const appointmentsOfMember = (db: Db, memberId: number): AppointmentRow[] =>
  db
    .select()
    .from(appointments)
    .where(eq(appointments.memberId, memberId))
    .orderBy(desc(appointments.day), desc(appointments.slot))
    .all();

export const appointmentsAt = (db: Db, branchCode: string, day: string): AppointmentRow[] =>
  db
    .select()
    .from(appointments)
    .where(and(eq(appointments.branchCode, branchCode), eq(appointments.day, day)))
    .orderBy(asc(appointments.slot), asc(appointments.createdAt))
    .all();

export function setAppointmentState(
  db: Db,
  id: string,
  from: AppointmentRow['state'],
  change: Pick<AppointmentRow, 'state'> & Partial<Pick<AppointmentRow, 'checkedInAt' | 'checkedInByStaffId'>>,
): boolean {
  return (
    db
      .update(appointments)
      .set(change)
      .where(and(eq(appointments.id, id), eq(appointments.state, from)))
      .run().changes === 1
  );
}

export type NoticePreferenceRow = typeof noticePreferences.$inferSelect;

/** Read for every notice sent (a monthly import sends one per paying card): prepared once. */
export const noticePreferencesOf = (db: Db, memberId: number): NoticePreferenceRow[] =>
  prepared(db, 'notices.preferencesOf', (d) =>
    d
      .select()
      .from(noticePreferences)
      .where(eq(noticePreferences.memberId, sql.placeholder('memberId')))
      .prepare(),
  ).all({ memberId });

export function saveNoticePreference(db: Db, row: NoticePreferenceRow): void {
  db.insert(noticePreferences)
    .values(row)
    .onConflictDoUpdate({
      target: [noticePreferences.memberId, noticePreferences.topic],
      set: { email: row.email, sms: row.sms, updatedAt: row.updatedAt },
    })
    .run();
}

/** Records that a notice was queued; false when it was already (so it is never sent twice). */
export function markNoticeSent(db: Db, memberId: number, topic: NoticeTopic, subject: string, now: Date): boolean {
  const insert = prepared(db, 'notices.markSent', (d) =>
    d
      .insert(noticesSent)
      .values({
        memberId: sql.placeholder('memberId'),
        topic: sql.placeholder('topic'),
        subject: sql.placeholder('subject'),
        at: sql.placeholder('at'),
      })
      .onConflictDoNothing()
      .prepare(),
  );
  return insert.run({ memberId, topic, subject, at: now.toISOString() }).changes === 1;
}
