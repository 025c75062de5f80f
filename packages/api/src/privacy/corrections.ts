import { isRealDate, maskKpj, maskNik, parseNik } from '@pulih/domain';
import { and, asc, eq, inArray, ne } from 'drizzle-orm';
import { appendAudit } from '../audit/audit-log.js';
import { discardStoredFiles, readClaimDocument, storeClaimDocument } from '../claims/claim-documents.js';
import type { Db } from '../db/database.js';
import { type CorrectionField, correctionRequests, jhtClaimDocuments, members } from '../db/schema.js';
import { documentKeyring, type ServerConfig } from '../env.js';
import { appError } from '../errors.js';
import { notifyRegisteredContacts } from '../notices/notify-member.js';
import { findAccountByMemberId } from '../repositories/account-repository.js';
import { findClaimDocument } from '../repositories/claim-repository.js';
import { getMemberRecord } from '../repositories/member-repository.js';
import type { StaffIdentity } from '../repositories/session-repository.js';
import { motherNameDigest, motherNameMatches } from '../security/identity-digest.js';
import { openSecret, sealSecret } from '../security/secret-box.js';
import { recheckDuplicatesOf, recordNikConflict } from './correction-recheck.js';
import { privacySetting } from './privacy-settings.js';
import { newPrivacyReference } from './references.js';

export type CorrectionRow = typeof correctionRequests.$inferSelect;
export type EvidenceKind = CorrectionRow['evidenceKind'];

const HOUR = 3_600_000;
/**
 * The claim-document sweep never deletes correction evidence: the retention job does, counting
 * `correction_evidence_days` from the decision (`privacy/retention.ts`).
 */
const PENDING_RETAIN_UNTIL = '9999-12-31';

/** Wording for one-line refusals and the CLI. */
export const correctionFieldNames: Record<CorrectionField, string> = {
  full_name: 'nama lengkap / full name',
  birth_date: 'tanggal lahir / birth date',
  mother_name: 'nama ibu kandung / mother’s maiden name',
  nik: 'NIK',
};

const NAME = /^\p{L}[\p{L} .,'-]*$/u;

/**
 * The stated value in the form the registry keeps: names upper case with single spaces, a date
 * as `YYYY-MM-DD` (a real day, not in the future), a NIK of 16 digits with a plausible region
 * and birth date. A value that cannot be right is refused with the reason.
 */
export function normalizeCorrectionValue(field: CorrectionField, raw: string, today: string): string {
  const value = raw.normalize('NFC').replace(/\s+/g, ' ').trim();
  switch (field) {
    case 'full_name':
    case 'mother_name': {
      const name = value.toUpperCase();
      if (name.length < 2 || name.length > 100 || !NAME.test(name)) {
        throw appError('INVALID_INPUT', "Write the name as on the KTP or KK: letters, spaces, . , ' and - only.", {
          reasons: ['NAME_FORMAT'],
        });
      }
      return name;
    }
    case 'birth_date': {
      const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
      if (!match || !isRealDate(Number(match[1]), Number(match[2]), Number(match[3])) || value < '1900-01-01') {
        throw appError('INVALID_INPUT', 'Give the birth date as YYYY-MM-DD.', { reasons: ['DATE_FORMAT'] });
      }
      if (value > today)
        throw appError('INVALID_INPUT', 'The birth date is in the future.', { reasons: ['DATE_FUTURE'] });
      return value;
    }
    case 'nik': {
      const parsed = parseNik(value);
      if (!parsed.ok) throw appError('INVALID_INPUT', 'The NIK is not valid.', { reasons: [parsed.error] });
      return parsed.value.nik;
    }
  }
}

const currentValueOf = (row: typeof members.$inferSelect, field: CorrectionField): string | null =>
  field === 'full_name'
    ? row.fullName
    : field === 'birth_date'
      ? row.birthDate
      : field === 'mother_name'
        ? row.motherNameDigest
        : row.nik;

/** A deadline as the member reads it: Western Indonesian Time. */
export const wibTime = (iso: string): string =>
  `${new Date(Date.parse(iso) + 7 * HOUR).toISOString().slice(0, 16).replace('T', ' ')} WIB`;

function localeOf(db: Db, memberId: number): 'id' | 'en' {
  return findAccountByMemberId(db, memberId)?.locale ?? 'id';
}

function tellMember(
  db: Db,
  memberId: number,
  template: 'correction_received' | 'correction_approved' | 'correction_rejected',
  data: { reference: string; correctionField: CorrectionField; day?: string; decisionNote?: string },
  now: Date,
): void {
  const member = getMemberRecord(db, memberId);
  if (!member) return;
  notifyRegisteredContacts(db, member, template, localeOf(db, memberId), data, now);
}

export interface CorrectionRequestInput {
  readonly memberId: number;
  readonly field: CorrectionField;
  readonly value: string;
  readonly evidenceKind: EvidenceKind;
  readonly evidence: Buffer;
}

/**
 * Records a member's correction request with its evidence (checked by content, stored encrypted
 * by the claim-document store) and tells the member it was received, in one transaction. The
 * mother's name is never compared with the stored one here, so a request cannot probe it.
 */
export function requestCorrection(
  db: Db,
  config: ServerConfig,
  input: CorrectionRequestInput,
  now: Date,
): CorrectionRow {
  const today = now.toISOString().slice(0, 10);
  const value = normalizeCorrectionValue(input.field, input.value, today);
  const member = db.select().from(members).where(eq(members.id, input.memberId)).get();
  if (!member) throw appError('UNAUTHENTICATED');
  if (input.field !== 'mother_name' && currentValueOf(member, input.field) === value) {
    throw appError('INVALID_INPUT', 'That is already the value on record.', { reasons: ['UNCHANGED'] });
  }
  const hours = privacySetting(db, 'correction_deadline_hours');
  let storedId: string | null = null;
  try {
    return db.transaction((tx) => {
      const stored = storeClaimDocument(
        tx,
        config.documents,
        {
          memberId: input.memberId,
          kind: `correction_${input.evidenceKind}`,
          content: input.evidence,
          uploadedBy: `member:${input.memberId}`,
          claimId: null,
        },
        now,
      );
      storedId = stored.id;
      tx.update(jhtClaimDocuments)
        .set({ retainUntil: PENDING_RETAIN_UNTIL })
        .where(eq(jhtClaimDocuments.id, stored.id))
        .run();
      const row: CorrectionRow = {
        id: newPrivacyReference('KOR'),
        memberId: input.memberId,
        field: input.field,
        // A mother's name is kept only as its digest, even inside the request.
        requestedValueEncrypted: sealSecret(
          config.documents.key,
          input.field === 'mother_name' ? (motherNameDigest(config.identityKey, value) ?? '') : value,
        ),
        previousValueEncrypted: null,
        evidenceKind: input.evidenceKind,
        evidenceDocumentId: stored.id,
        state: 'pending',
        openKey: `${input.memberId}:${input.field}`,
        requestedAt: now.toISOString(),
        dueAt: new Date(now.getTime() + hours * HOUR).toISOString(),
        decidedAt: null,
        decidedByStaffId: null,
        decisionReason: null,
        duplicateScanId: null,
      };
      const inserted = tx
        .insert(correctionRequests)
        .values(row)
        .onConflictDoNothing({ target: correctionRequests.openKey })
        .run();
      if (inserted.changes !== 1) throw appError('CORRECTION_PENDING');
      appendAudit(
        tx,
        {
          actorKind: 'member',
          actorId: String(input.memberId),
          action: 'corrections.requested',
          memberId: input.memberId,
          channel: 'web',
          detail: { correctionId: row.id, field: row.field, evidenceKind: row.evidenceKind, documentId: stored.id },
        },
        now,
      );
      tellMember(
        tx,
        input.memberId,
        'correction_received',
        { reference: row.id, correctionField: row.field, day: wibTime(row.dueAt) },
        now,
      );
      return row;
    });
  } catch (error) {
    // The file was written before the rolled-back row: remove it.
    if (storedId !== null) discardStoredFiles(config.documents, [storedId]);
    throw error;
  }
}

export const correctionsOfMember = (db: Db, memberId: number): CorrectionRow[] =>
  db
    .select()
    .from(correctionRequests)
    .where(eq(correctionRequests.memberId, memberId))
    .orderBy(asc(correctionRequests.requestedAt))
    .all();

export function listCorrections(db: Db, states: readonly CorrectionRow['state'][], limit: number): CorrectionRow[] {
  return db
    .select()
    .from(correctionRequests)
    .where(inArray(correctionRequests.state, [...states]))
    .orderBy(asc(correctionRequests.dueAt))
    .limit(limit)
    .all();
}

export function findCorrection(db: Db, id: string): CorrectionRow {
  const row = db.select().from(correctionRequests).where(eq(correctionRequests.id, id)).get();
  if (!row) throw appError('CORRECTION_NOT_FOUND');
  return row;
}

/** Time left before the deadline (negative when overdue), in whole minutes. */
export const minutesLeft = (row: Pick<CorrectionRow, 'dueAt'>, now: Date): number =>
  Math.floor((Date.parse(row.dueAt) - now.getTime()) / 60_000);

export const kpjsMasked = (db: Db, memberId: number): string[] =>
  (getMemberRecord(db, memberId)?.kpjNumbers ?? []).map(maskKpj);

function auditStaff(
  db: Db,
  staff: StaffIdentity,
  action: string,
  row: CorrectionRow,
  detail: Record<string, string | number | boolean | null>,
  now: Date,
): void {
  appendAudit(
    db,
    {
      actorKind: 'staff',
      actorId: String(staff.staffId),
      action,
      memberId: row.memberId,
      channel: 'cli',
      detail: { correctionId: row.id, field: row.field, role: staff.role, ...detail },
    },
    now,
  );
}

/** Which digits of two NIKs differ, e.g. `digits 7-8`: enough to judge a typo without showing the old NIK. */
function nikDifference(current: string | null, requested: string): string {
  if (!current || current.length !== requested.length) return 'the whole number';
  const positions = [...requested].flatMap((digit, i) => (current[i] === digit ? [] : [i + 1]));
  return `digit${positions.length === 1 ? '' : 's'} ${positions.join(', ')}`;
}

export interface CorrectionView {
  readonly row: CorrectionRow;
  readonly fullName: string;
  readonly kpjMasked: string[];
  /** What the record holds now, as staff may see it (masked NIK, never the mother's name). */
  readonly currentValue: string;
  readonly requestedValue: string;
  readonly difference: string | null;
}

/**
 * A correction for staff to decide: the stated value in full (it is what the scan is checked
 * against) and the current one as they may see it. Audited as a disclosure.
 */
export function showCorrection(
  db: Db,
  config: ServerConfig,
  staff: StaffIdentity,
  id: string,
  now: Date,
): CorrectionView {
  const row = findCorrection(db, id);
  const member = db.select().from(members).where(eq(members.id, row.memberId)).get();
  if (!member) throw appError('CORRECTION_NOT_FOUND');
  const requestedValue = openSecret(documentKeyring(config.documents), row.requestedValueEncrypted);
  const current = currentValueOf(member, row.field);
  auditStaff(db, staff, 'corrections.viewed', row, {}, now);
  return {
    row,
    fullName: member.fullName,
    kpjMasked: kpjsMasked(db, row.memberId),
    currentValue:
      row.field === 'mother_name'
        ? '(tersimpan, tidak ditampilkan / on record, never shown)'
        : row.field === 'nik'
          ? current
            ? maskNik(current)
            : '-'
          : (current ?? '-'),
    requestedValue:
      row.field === 'mother_name'
        ? '(tersimpan sebagai sidik, tidak ditampilkan / kept as a digest, never shown)'
        : requestedValue,
    difference: row.field === 'nik' ? nikDifference(current, requestedValue) : null,
  };
}

/** The evidence scan, decrypted; every read audited. */
export function readCorrectionEvidence(
  db: Db,
  config: ServerConfig,
  staff: StaffIdentity,
  id: string,
  now: Date,
): { kind: EvidenceKind; contentType: string; content: Buffer } {
  const row = findCorrection(db, id);
  const document = findClaimDocument(db, row.evidenceDocumentId);
  if (!document) throw appError('DOCUMENT_NOT_FOUND');
  const content = readClaimDocument(config.documents, document);
  auditStaff(db, staff, 'corrections.evidence_read', row, { documentId: document.id }, now);
  return { kind: row.evidenceKind, contentType: document.contentType, content };
}

/** Marks the request decided, only if it is still pending (of two officers at once, one wins). */
function decide(
  db: Db,
  row: CorrectionRow,
  change: Pick<CorrectionRow, 'state' | 'decisionReason' | 'previousValueEncrypted' | 'duplicateScanId'>,
  staff: StaffIdentity,
  now: Date,
): void {
  const updated = db
    .update(correctionRequests)
    .set({ ...change, openKey: null, decidedAt: now.toISOString(), decidedByStaffId: staff.staffId })
    .where(and(eq(correctionRequests.id, row.id), eq(correctionRequests.state, 'pending')))
    .run();
  // The evidence is deleted `correction_evidence_days` after this decision by the retention job.
  if (updated.changes !== 1) throw appError('CORRECTION_DECIDED');
}

export interface ApprovedCorrection {
  readonly row: CorrectionRow;
  /** Review items for supervisors that the re-check created or refreshed. */
  readonly duplicateCandidates: number;
}

/**
 * A mother's name is never shown, not even to the officer deciding its correction: the officer
 * reads the name on the evidence (the KK lists the parents) and types it, and the correction is
 * approved only when its digest equals the digest of what the member stated (blind double entry).
 */
function checkMotherNameOnEvidence(
  config: ServerConfig,
  requestedDigest: string,
  onEvidence: string | undefined,
): void {
  if (onEvidence === undefined || onEvidence.trim() === '') {
    throw appError('INVALID_INPUT', "Type the mother's name as written on the evidence (it is never shown to staff).", {
      reasons: ['MOTHER_NAME_FROM_EVIDENCE_NEEDED'],
    });
  }
  if (!motherNameMatches(config.identityKey, requestedDigest, onEvidence)) {
    throw appError(
      'INVALID_INPUT',
      'The name typed from the evidence is not the one the member stated: check the document, or reject the request.',
      { reasons: ['MOTHER_NAME_EVIDENCE_MISMATCH'] },
    );
  }
}

/** A NIK is identity: its correction is decided by a supervisor. */
export const CORRECTION_DECIDERS = ['customer_service_agent', 'branch_officer', 'supervisor'] as const;

/**
 * Approves a correction: in one immediate transaction the record changes, the request is marked
 * decided (keeping the replaced value, encrypted), the decision is audited, the member is told,
 * and the member is compared again with the records that share a blocking key with them, so a
 * correction that reveals a duplicate person becomes a review item. A NIK that belongs to another
 * record is refused (the unique index would refuse it anyway): two people are never merged by a
 * correction; the pair goes to the supervisors' duplicate review instead.
 */
export function approveCorrection(
  db: Db,
  config: ServerConfig,
  staff: StaffIdentity,
  id: string,
  decision: { readonly reason: string; readonly motherNameOnEvidence?: string | undefined },
  now: Date,
): ApprovedCorrection {
  const { reason } = decision;
  const row = findCorrection(db, id);
  if (row.state !== 'pending') throw appError('CORRECTION_DECIDED');
  if (row.field === 'nik' && staff.role !== 'supervisor') {
    throw appError('FORBIDDEN', 'A NIK correction is decided by a supervisor.');
  }
  const value = openSecret(documentKeyring(config.documents), row.requestedValueEncrypted);
  if (row.field === 'mother_name') checkMotherNameOnEvidence(config, value, decision.motherNameOnEvidence);
  if (row.field === 'nik') {
    const holder = db
      .select({ id: members.id })
      .from(members)
      .where(and(eq(members.nik, value), ne(members.id, row.memberId)))
      .get();
    if (holder) {
      // Outside the refused change: the pair is put before the supervisors as a duplicate review item.
      db.transaction((tx) => {
        const conflict = recordNikConflict(tx, row.memberId, value, holder.id, staff.staffId, now);
        auditStaff(
          tx,
          staff,
          'corrections.nik_conflict',
          row,
          { otherMemberId: holder.id, duplicateScanId: conflict.scanId, decision: conflict.decision },
          now,
        );
      });
      throw appError('NIK_BELONGS_TO_ANOTHER_MEMBER');
    }
  }
  try {
    return db.transaction(
      (tx) => {
        const member = tx.select().from(members).where(eq(members.id, row.memberId)).get();
        if (!member) throw appError('CORRECTION_NOT_FOUND');
        const previous = currentValueOf(member, row.field);
        const set =
          row.field === 'full_name'
            ? { fullName: value }
            : row.field === 'birth_date'
              ? { birthDate: value }
              : row.field === 'mother_name'
                ? { motherNameDigest: value }
                : { nik: value };
        tx.update(members).set(set).where(eq(members.id, row.memberId)).run();
        const recheck = recheckDuplicatesOf(tx, row.memberId, staff.staffId, now);
        decide(
          tx,
          row,
          {
            state: 'approved',
            decisionReason: reason,
            previousValueEncrypted: previous === null ? null : sealSecret(config.documents.key, previous),
            duplicateScanId: recheck.scanId,
          },
          staff,
          now,
        );
        auditStaff(
          tx,
          staff,
          'corrections.approved',
          row,
          { reason, duplicateScanId: recheck.scanId, duplicateCandidates: recheck.candidates },
          now,
        );
        tellMember(tx, row.memberId, 'correction_approved', { reference: row.id, correctionField: row.field }, now);
        return { row: findCorrection(tx, row.id), duplicateCandidates: recheck.candidates };
      },
      { behavior: 'immediate' },
    );
  } catch (error) {
    // Another record took the NIK after the check above: the unique index refused it (Drizzle wraps the error).
    const codes = [(error as { code?: string }).code, (error as { cause?: { code?: string } }).cause?.code];
    if (codes.includes('SQLITE_CONSTRAINT_UNIQUE')) throw appError('NIK_BELONGS_TO_ANOTHER_MEMBER');
    throw error;
  }
}

/** Rejects a correction with the reason, which the member is told. */
export function rejectCorrection(db: Db, staff: StaffIdentity, id: string, reason: string, now: Date): CorrectionRow {
  return db.transaction(
    (tx) => {
      const row = findCorrection(tx, id);
      if (row.state !== 'pending') throw appError('CORRECTION_DECIDED');
      if (row.field === 'nik' && staff.role !== 'supervisor') {
        throw appError('FORBIDDEN', 'A NIK correction is decided by a supervisor.');
      }
      decide(
        tx,
        row,
        { state: 'rejected', decisionReason: reason, previousValueEncrypted: null, duplicateScanId: null },
        staff,
        now,
      );
      auditStaff(tx, staff, 'corrections.rejected', row, { reason }, now);
      tellMember(
        tx,
        row.memberId,
        'correction_rejected',
        { reference: row.id, correctionField: row.field, decisionNote: reason },
        now,
      );
      return findCorrection(tx, id);
    },
    { behavior: 'immediate' },
  );
}
