import { randomUUID } from 'node:crypto';
import {
  comparePair,
  type DuplicateRecord,
  nameFrequenciesOf,
  type PreparedRecord,
  prepareRecord,
} from '@pulih/domain';
import { and, eq, inArray, isNull, ne, or, type SQL, sql } from 'drizzle-orm';
import type { Db } from '../db/database.js';
import { memberContacts, memberKpj, members } from '../db/schema.js';
import { insertScan, updateScan, upsertCandidate } from '../repositories/duplicate-repository.js';

/** More candidates than this share only very common keys (a birth date): the nightly scan covers the rest. */
const MAX_CANDIDATES = 2_000;

const recordSelection = {
  id: members.id,
  nik: members.nik,
  fullName: members.fullName,
  birthDate: members.birthDate,
  sex: members.sex,
  motherName: members.motherName,
  email: memberContacts.email,
  phone: memberContacts.phone,
  kpj: sql<string | null>`(select min(${memberKpj.kpj}) from ${memberKpj} where ${memberKpj.memberId} = ${members.id})`,
};

type SelectedRecord = {
  id: number;
  nik: string | null;
  fullName: string;
  birthDate: string | null;
  sex: 'L' | 'P' | null;
  motherName: string | null;
  email: string | null;
  phone: string | null;
  kpj: string | null;
};

const toDuplicateRecord = (r: SelectedRecord): DuplicateRecord => ({
  recordId: String(r.id),
  nik: r.nik ?? '',
  kpj: r.kpj ?? '',
  fullName: r.fullName,
  birthDate: r.birthDate ?? '',
  sex: r.sex ?? '',
  motherName: r.motherName ?? '',
  phone: r.phone ?? '',
  email: r.email ?? '',
});

export interface RecheckResult {
  readonly scanId: string;
  readonly compared: number;
  /** Review items created or refreshed (pairs decided `match` or `review`). */
  readonly candidates: number;
}

/**
 * Compares one member, as the record now reads, with the persons that share a blocking key with
 * it (the NIK or its region and birth date, the birth date, the full name, the mother's name, a
 * contact), using the domain's pairwise comparison, and records each `match` or `review` pair as a
 * duplicate review item. Cheap (one indexed query and at most a few thousand comparisons), so it
 * runs inside the transaction of the change; it is recorded as a small finished registry scan, so
 * the items show where supervisors already look (`pulih duplicates list`). Name frequencies come
 * from the candidates, not the whole registry, so a common name may weigh a little more than in a
 * full scan: at worst an extra item for review, never a merge.
 */
export function recheckDuplicatesOf(db: Db, memberId: number, staffId: number, now: Date): RecheckResult {
  const self = db
    .select(recordSelection)
    .from(members)
    .leftJoin(memberContacts, eq(memberContacts.memberId, members.id))
    .where(eq(members.id, memberId))
    .get();
  const scanId = randomUUID();
  insertScan(db, scanId, staffId, 0, now);
  if (!self) {
    updateScan(db, scanId, { state: 'done', phase: 'correction re-check', finishedAt: now.toISOString() });
    return { scanId, compared: 0, candidates: 0 };
  }
  const keys: SQL[] = [];
  if (self.nik) {
    keys.push(eq(members.nik, self.nik));
    if (self.nik.length === 16) keys.push(sql`substr(${members.nik}, 1, 12) = ${self.nik.slice(0, 12)}`);
  }
  if (self.birthDate) keys.push(eq(members.birthDate, self.birthDate));
  keys.push(eq(members.fullName, self.fullName));
  if (self.motherName) keys.push(eq(members.motherName, self.motherName));
  if (self.email) keys.push(eq(memberContacts.email, self.email));
  if (self.phone) keys.push(eq(memberContacts.phone, self.phone));
  const others = db
    .select(recordSelection)
    .from(members)
    .leftJoin(memberContacts, eq(memberContacts.memberId, members.id))
    .where(and(ne(members.id, memberId), isNull(members.mergedIntoMemberId), or(...keys)))
    .limit(MAX_CANDIDATES)
    .all();
  const prepared = [self, ...others].map((r) => prepareRecord(toDuplicateRecord(r)));
  const frequencies = nameFrequenciesOf(prepared);
  const mine = prepared[0] as PreparedRecord;
  let candidates = 0;
  for (const other of prepared.slice(1)) {
    const comparison = comparePair(mine, other, frequencies);
    if (comparison.decision === 'distinct') continue;
    upsertCandidate(db, scanId, { left: mine.recordId, right: other.recordId, ...comparison }, now);
    candidates++;
  }
  updateScan(db, scanId, {
    state: 'done',
    phase: 'correction re-check',
    processed: others.length,
    total: others.length,
    candidatesFound: candidates,
    finishedAt: now.toISOString(),
  });
  return { scanId, compared: others.length, candidates };
}

/**
 * A NIK correction refused because another record holds that NIK: the two are compared as if the
 * member's record carried the NIK they asked for, and the pair becomes a duplicate review item
 * (at least `review`, whatever the score), so a supervisor decides whether they are one person.
 */
export function recordNikConflict(
  db: Db,
  memberId: number,
  requestedNik: string,
  holderId: number,
  staffId: number,
  now: Date,
): { scanId: string; decision: 'match' | 'review' } {
  const rows = db
    .select(recordSelection)
    .from(members)
    .leftJoin(memberContacts, eq(memberContacts.memberId, members.id))
    .where(inArray(members.id, [memberId, holderId]))
    .all();
  const self = rows.find((row) => row.id === memberId);
  const holder = rows.find((row) => row.id === holderId);
  const scanId = randomUUID();
  insertScan(db, scanId, staffId, 1, now);
  let decision: 'match' | 'review' = 'review';
  if (self && holder) {
    const prepared = [{ ...self, nik: requestedNik }, holder].map((r) => prepareRecord(toDuplicateRecord(r)));
    const [mine, theirs] = prepared as [PreparedRecord, PreparedRecord];
    const comparison = comparePair(mine, theirs, nameFrequenciesOf(prepared));
    decision = comparison.decision === 'match' ? 'match' : 'review';
    upsertCandidate(db, scanId, { left: mine.recordId, right: theirs.recordId, ...comparison, decision }, now);
  }
  updateScan(db, scanId, {
    state: 'done',
    phase: 'correction NIK conflict',
    processed: 1,
    candidatesFound: 1,
    finishedAt: now.toISOString(),
  });
  return { scanId, decision };
}
