import type { DuplicatePair, DuplicateReason, DuplicateRecord } from '@pulih/domain';
import { and, asc, desc, eq, gt, inArray, isNull, ne, or, type SQL, sql } from 'drizzle-orm';
import type { Db } from '../db/database.js';
import {
  accounts,
  duplicateCandidates,
  duplicateScans,
  memberContacts,
  memberKpj,
  members,
  personMerges,
} from '../db/schema.js';
import { prepared } from './prepared.js';

export type ScanRow = typeof duplicateScans.$inferSelect;
export type CandidateRow = typeof duplicateCandidates.$inferSelect;
export type PersonMergeRow = typeof personMerges.$inferSelect;

export function insertScan(db: Db, id: string, staffId: number, total: number, now: Date): void {
  const at = now.toISOString();
  db.insert(duplicateScans)
    .values({ id, requestedByStaffId: staffId, state: 'running', phase: 'read', total, startedAt: at, heartbeatAt: at })
    .run();
}

export type ScanProgress = Partial<
  Pick<ScanRow, 'phase' | 'processed' | 'total' | 'candidatesFound' | 'state' | 'error' | 'finishedAt' | 'heartbeatAt'>
>;

export function updateScan(db: Db, id: string, change: ScanProgress): void {
  db.update(duplicateScans).set(change).where(eq(duplicateScans.id, id)).run();
}

/** A running scan with no heartbeat for this long was left by a process that stopped. */
export const ABANDONED_SCAN_MS = 10 * 60 * 1000;

/**
 * The scan running now, if any. One whose process stopped (no heartbeat for `ABANDONED_SCAN_MS`:
 * killed, crashed, power lost) is marked failed here, so that it does not block new scans forever.
 */
export function findLiveRunningScan(db: Db, now: Date): ScanRow | null {
  const running = findRunningScan(db);
  if (!running) return null;
  const heartbeat = Date.parse(running.heartbeatAt ?? running.startedAt);
  if (now.getTime() - heartbeat < ABANDONED_SCAN_MS) return running;
  updateScan(db, running.id, {
    state: 'failed',
    error: 'abandoned: no progress for 10 minutes (the process running it stopped)',
    finishedAt: now.toISOString(),
  });
  return null;
}

export const findScan = (db: Db, id: string): ScanRow | null =>
  db.select().from(duplicateScans).where(eq(duplicateScans.id, id)).get() ?? null;

export const findRunningScan = (db: Db): ScanRow | null =>
  db.select().from(duplicateScans).where(eq(duplicateScans.state, 'running')).get() ?? null;

/** Persons (member records not merged into another) that a registry scan reads. */
export const countPersons = (db: Db): number =>
  db.select({ n: sql<number>`count(*)` }).from(members).where(isNull(members.mergedIntoMemberId)).get()?.n ?? 0;

/** The member as the duplicate engine reads it: identity, the first KPJ number, the contacts. */
const recordSelection = {
  id: members.id,
  nik: members.nik,
  fullName: members.fullName,
  birthDate: members.birthDate,
  sex: members.sex,
  motherNameDigest: members.motherNameDigest,
  email: memberContacts.email,
  phone: memberContacts.phone,
  kpj: sql<string | null>`(select min(${memberKpj.kpj}) from ${memberKpj} where ${memberKpj.memberId} = ${members.id})`,
};

const selectRecords = (db: Db) =>
  db.select(recordSelection).from(members).leftJoin(memberContacts, eq(memberContacts.memberId, members.id));

const toDuplicateRecord = (r: {
  id: number;
  nik: string | null;
  fullName: string;
  birthDate: string | null;
  sex: 'L' | 'P' | null;
  motherNameDigest: string | null;
  email: string | null;
  phone: string | null;
  kpj: string | null;
}): DuplicateRecord => ({
  recordId: String(r.id),
  nik: r.nik ?? '',
  kpj: r.kpj ?? '',
  fullName: r.fullName,
  birthDate: r.birthDate ?? '',
  sex: r.sex ?? '',
  motherName: '',
  ...(r.motherNameDigest ? { motherNameDigest: r.motherNameDigest } : {}),
  phone: r.phone ?? '',
  email: r.email ?? '',
});

/**
 * One page of the registry in the engine's record shape, keyed by member id (`recordId`), after
 * `afterMemberId`. A member with several KPJ numbers is compared with the first one.
 */
export function readRegistryPage(db: Db, afterMemberId: number, limit: number): DuplicateRecord[] {
  return selectRecords(db)
    .where(and(gt(members.id, afterMemberId), isNull(members.mergedIntoMemberId)))
    .orderBy(asc(members.id))
    .limit(limit)
    .all()
    .map(toDuplicateRecord);
}

/** These members in the engine's record shape (any order). */
export const duplicateRecordsOf = (db: Db, memberIds: readonly number[]): DuplicateRecord[] =>
  memberIds.length === 0
    ? []
    : selectRecords(db)
        .where(inArray(members.id, [...memberIds]))
        .all()
        .map(toDuplicateRecord);

/**
 * The unmerged persons other than `record` that share a blocking key with it: the NIK or its
 * region and birth date, the birth date, the full name, the mother's name, an email or a phone.
 */
export function duplicateRecordsSharingKeys(db: Db, record: DuplicateRecord, limit: number): DuplicateRecord[] {
  const keys: SQL[] = [eq(members.fullName, record.fullName)];
  if (record.nik) {
    keys.push(eq(members.nik, record.nik));
    if (record.nik.length === 16) keys.push(sql`substr(${members.nik}, 1, 12) = ${record.nik.slice(0, 12)}`);
  }
  if (record.birthDate) keys.push(eq(members.birthDate, record.birthDate));
  if (record.motherNameDigest) keys.push(eq(members.motherNameDigest, record.motherNameDigest));
  if (record.email) keys.push(eq(memberContacts.email, record.email));
  if (record.phone) keys.push(eq(memberContacts.phone, record.phone));
  return selectRecords(db)
    .where(and(ne(members.id, Number(record.recordId)), isNull(members.mergedIntoMemberId), or(...keys)))
    .limit(limit)
    .all()
    .map(toDuplicateRecord);
}

/**
 * Records a pair as a review item. A pair already decided (merged or dismissed) stays decided;
 * an open one takes the newest score and reasons. Returns whether a new item was created.
 */
export function upsertCandidate(db: Db, scanId: string, pair: DuplicatePair, now: Date): boolean {
  const a = Number(pair.left);
  const b = Number(pair.right);
  const [left, right] = a < b ? [a, b] : [b, a];
  const values = {
    scanId,
    score: pair.score,
    decision: pair.decision === 'match' ? ('match' as const) : ('review' as const),
    reasons: JSON.stringify(pair.reasons),
  };
  const existing = db
    .select({ id: duplicateCandidates.id, state: duplicateCandidates.state })
    .from(duplicateCandidates)
    .where(and(eq(duplicateCandidates.leftMemberId, left), eq(duplicateCandidates.rightMemberId, right)))
    .get();
  if (existing) {
    if (existing.state === 'open')
      db.update(duplicateCandidates).set(values).where(eq(duplicateCandidates.id, existing.id)).run();
    return false;
  }
  db.insert(duplicateCandidates)
    .values({ ...values, leftMemberId: left, rightMemberId: right, createdAt: now.toISOString() })
    .run();
  return true;
}

export interface CandidateFilter {
  readonly state?: CandidateRow['state'] | undefined;
  readonly decision?: CandidateRow['decision'] | undefined;
  readonly limit: number;
}

/** Review items, the strongest first. */
export function listCandidates(db: Db, filter: CandidateFilter): CandidateRow[] {
  const conditions = [
    filter.state ? eq(duplicateCandidates.state, filter.state) : undefined,
    filter.decision ? eq(duplicateCandidates.decision, filter.decision) : undefined,
  ].filter((c) => c !== undefined);
  return db
    .select()
    .from(duplicateCandidates)
    .where(conditions.length > 0 ? and(...conditions) : undefined)
    .orderBy(desc(duplicateCandidates.score), asc(duplicateCandidates.id))
    .limit(filter.limit)
    .all();
}

export const findCandidate = (db: Db, id: number): CandidateRow | null =>
  db.select().from(duplicateCandidates).where(eq(duplicateCandidates.id, id)).get() ?? null;

export const reasonsOf = (row: CandidateRow): DuplicateReason[] => JSON.parse(row.reasons) as DuplicateReason[];

export function resolveCandidate(
  db: Db,
  id: number,
  state: CandidateRow['state'],
  staffId: number | null,
  reason: string | null,
  now: Date,
): void {
  db.update(duplicateCandidates)
    .set({
      state,
      resolvedByStaffId: staffId,
      resolvedAt: staffId === null ? null : now.toISOString(),
      resolutionReason: reason,
    })
    .where(eq(duplicateCandidates.id, id))
    .run();
}

/** The person queries every balance and status read runs, prepared once per connection. */
export const personQueries = (db: Db) =>
  prepared(db, 'persons', (d) => ({
    mergedInto: d
      .select({ into: members.mergedIntoMemberId })
      .from(members)
      .where(eq(members.id, sql.placeholder('memberId')))
      .prepare(),
    recordsOfPerson: d
      .select({ id: members.id })
      .from(members)
      .where(
        or(eq(members.id, sql.placeholder('personId')), eq(members.mergedIntoMemberId, sql.placeholder('personId'))),
      )
      .orderBy(asc(members.id))
      .prepare(),
  }));

/** The surviving record of a member: itself, or the one it was merged into. */
export function personIdOf(db: Db, memberId: number): number {
  const row = personQueries(db).mergedInto.get({ memberId });
  return row?.into ?? memberId;
}

/** Every member record of a person: the surviving record and those merged into it. */
export function memberIdsOfPerson(db: Db, personId: number): number[] {
  return personQueries(db)
    .recordsOfPerson.all({ personId })
    .map((r) => r.id);
}

/**
 * Merges the person `mergedId` into `keptId`: its KPJ numbers move to the kept record and
 * every record merged into it before now points to the kept one. Returns what moved, for unmerge.
 */
export function mergePersons(
  db: Db,
  merge: { candidateId: number; keptId: number; mergedId: number; staffId: number; reason: string },
  now: Date,
): PersonMergeRow {
  const movedKpjs = db
    .select({ kpj: memberKpj.kpj })
    .from(memberKpj)
    .where(eq(memberKpj.memberId, merge.mergedId))
    .all()
    .map((r) => r.kpj);
  const movedMembers = db
    .select({ id: members.id })
    .from(members)
    .where(eq(members.mergedIntoMemberId, merge.mergedId))
    .all()
    .map((r) => r.id);
  if (movedKpjs.length > 0)
    db.update(memberKpj).set({ memberId: merge.keptId }).where(inArray(memberKpj.kpj, movedKpjs)).run();
  if (movedMembers.length > 0)
    db.update(members).set({ mergedIntoMemberId: merge.keptId }).where(inArray(members.id, movedMembers)).run();
  db.update(members).set({ mergedIntoMemberId: merge.keptId }).where(eq(members.id, merge.mergedId)).run();
  return db
    .insert(personMerges)
    .values({
      candidateId: merge.candidateId,
      keptMemberId: merge.keptId,
      mergedMemberId: merge.mergedId,
      movedKpjs: JSON.stringify(movedKpjs),
      movedMembers: JSON.stringify(movedMembers),
      mergedByStaffId: merge.staffId,
      mergedAt: now.toISOString(),
      reason: merge.reason,
    })
    .returning()
    .get();
}

export const findActiveMerge = (db: Db, candidateId: number): PersonMergeRow | null =>
  db
    .select()
    .from(personMerges)
    .where(and(eq(personMerges.candidateId, candidateId), isNull(personMerges.unmergedAt)))
    .get() ?? null;

/** Puts back exactly what `mergePersons` moved. */
export function unmergePersons(db: Db, merge: PersonMergeRow, staffId: number, reason: string, now: Date): void {
  const movedKpjs = JSON.parse(merge.movedKpjs) as string[];
  const movedMembers = JSON.parse(merge.movedMembers) as number[];
  if (movedKpjs.length > 0)
    db.update(memberKpj).set({ memberId: merge.mergedMemberId }).where(inArray(memberKpj.kpj, movedKpjs)).run();
  if (movedMembers.length > 0)
    db.update(members).set({ mergedIntoMemberId: merge.mergedMemberId }).where(inArray(members.id, movedMembers)).run();
  db.update(members).set({ mergedIntoMemberId: null }).where(eq(members.id, merge.mergedMemberId)).run();
  db.update(personMerges)
    .set({ unmergedAt: now.toISOString(), unmergedByStaffId: staffId, unmergeReason: reason })
    .where(eq(personMerges.id, merge.id))
    .run();
}

/**
 * Members that a `match` review item still open links to any record of the person: the engine
 * is sure enough that they are the same person, but staff have not merged them yet.
 */
export function openMatchesOf(db: Db, memberIds: readonly number[]): number[] {
  if (memberIds.length === 0) return [];
  const rows = db
    .select({ left: duplicateCandidates.leftMemberId, right: duplicateCandidates.rightMemberId })
    .from(duplicateCandidates)
    .where(
      and(
        eq(duplicateCandidates.state, 'open'),
        eq(duplicateCandidates.decision, 'match'),
        or(
          inArray(duplicateCandidates.leftMemberId, [...memberIds]),
          inArray(duplicateCandidates.rightMemberId, [...memberIds]),
        ),
      ),
    )
    .all();
  const found = new Set<number>();
  for (const r of rows) {
    if (!memberIds.includes(r.left)) found.add(r.left);
    if (!memberIds.includes(r.right)) found.add(r.right);
  }
  return [...found];
}

export interface LinkedAccount {
  readonly accountId: number;
  readonly memberId: number;
  readonly email: string | null;
  readonly state: (typeof accounts.$inferSelect)['state'];
  readonly createdAt: string;
  readonly kpjNumbers: readonly string[];
}

/** The online accounts held by these member records, with their login email and KPJ numbers. */
export function accountsOfMembers(db: Db, memberIds: readonly number[]): LinkedAccount[] {
  if (memberIds.length === 0) return [];
  const rows = db
    .select({
      accountId: accounts.id,
      memberId: accounts.memberId,
      email: memberContacts.email,
      state: accounts.state,
      createdAt: accounts.createdAt,
    })
    .from(accounts)
    .leftJoin(memberContacts, eq(memberContacts.memberId, accounts.memberId))
    .where(inArray(accounts.memberId, [...memberIds]))
    .orderBy(asc(accounts.id))
    .all();
  return rows.map((r) => ({
    ...r,
    kpjNumbers: db
      .select({ kpj: memberKpj.kpj })
      .from(memberKpj)
      .where(eq(memberKpj.memberId, r.memberId))
      .orderBy(asc(memberKpj.kpj))
      .all()
      .map((k) => k.kpj),
  }));
}

/** Full names by member id. */
export function fullNamesOf(db: Db, memberIds: readonly number[]): Map<number, string> {
  const ids = [...new Set(memberIds)];
  if (ids.length === 0) return new Map();
  const rows = db
    .select({ id: members.id, fullName: members.fullName })
    .from(members)
    .where(inArray(members.id, ids))
    .all();
  return new Map(rows.map((m) => [m.id, m.fullName]));
}
