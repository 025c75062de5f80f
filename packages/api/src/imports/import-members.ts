import { MEMBER_CSV_COLUMNS } from '@pulih/domain';
import type Database from 'better-sqlite3';
import { type AppliedRow, LINE_BATCH, type LineBatchedImport, statementsOnce } from './line-batched-import.js';
import { checkMemberRow, type MemberRow, NIK_NEEDS_CORRECTION } from './member-row.js';

/** The prepared statements of a members import, made once per database handle. */
function prepareStatements(sqlite: Database.Database) {
  return {
    kpjOwner: sqlite.prepare<[string], { member_id: number }>('SELECT member_id FROM member_kpj WHERE kpj = ?'),
    memberByNik: sqlite.prepare<[string], { id: number; merged_into_member_id: number | null }>(
      'SELECT id, merged_into_member_id FROM members WHERE nik = ?',
    ),
    insertMember: sqlite.prepare<
      [string | null, string, string | null, string | null, string | null, string | null, string]
    >(
      `INSERT INTO members (nik, full_name, birth_date, sex, mother_name_digest, status, status_reason, created_at)
       VALUES (?, ?, ?, ?, ?, 'aktif', ?, ?) ON CONFLICT (nik) DO NOTHING`,
    ),
    insertKpj: sqlite.prepare<[string, number, string]>(
      'INSERT INTO member_kpj (kpj, member_id, registered_at) VALUES (?, ?, ?)',
    ),
    insertContacts: sqlite.prepare<[number, string | null, string | null, string]>(
      'INSERT INTO member_contacts (member_id, email, phone, updated_at) VALUES (?, ?, ?, ?) ON CONFLICT DO NOTHING',
    ),
    contactsOf: sqlite.prepare<[number], { email: string | null; phone: string | null }>(
      'SELECT email, phone FROM member_contacts WHERE member_id = ?',
    ),
    emailOwner: sqlite.prepare<[string], { member_id: number }>(
      'SELECT member_id FROM member_contacts WHERE email = ?',
    ),
    fillContacts: sqlite.prepare<[string | null, string | null, string, number]>(
      `UPDATE member_contacts SET email = coalesce(email, ?), phone = coalesce(phone, ?), updated_at = ?
       WHERE member_id = ?`,
    ),
  };
}
type Statements = ReturnType<typeof prepareStatements>;
const statementsByHandle = new WeakMap<Database.Database, Statements>();

/** Contacts of a member the registry already had: fill what is empty, never overwrite. */
function addContacts(s: Statements, memberId: number, row: MemberRow, now: string, notes: string[]): void {
  if (row.phone === null && row.email === null) return;
  const current = s.contactsOf.get(memberId);
  if (!current) {
    if (s.insertContacts.run(memberId, row.email, row.phone, now).changes === 0) {
      notes.push('email dropped (registered to another member)');
      s.insertContacts.run(memberId, null, row.phone, now);
    }
    return;
  }
  let email = current.email === null ? row.email : null;
  if (email !== null) {
    const owner = s.emailOwner.get(email);
    if (owner && owner.member_id !== memberId) {
      notes.push('email dropped (registered to another member)');
      email = null;
    }
  }
  const phone = current.phone === null ? row.phone : null;
  if (email !== null || phone !== null) s.fillContacts.run(email, phone, now, memberId);
}

/**
 * Writes one checked row: a new member with its KPJ and contacts, or the KPJ added to the member
 * already registered with the same NIK. A KPJ already held by another member refuses the row.
 */
function applyMemberRow(s: Statements, row: MemberRow, now: string): AppliedRow {
  const notes = [...row.notes];
  const owner = s.kpjOwner.get(row.kpj);
  if (owner) {
    const known = row.nik === null ? undefined : s.memberByNik.get(row.nik);
    const person = known ? (known.merged_into_member_id ?? known.id) : undefined;
    if (known && (owner.member_id === known.id || owner.member_id === person)) {
      notes.push('KPJ already registered to this member; nothing changed');
      return { notes };
    }
    return { rejected: 'KPJ already belongs to another member' };
  }
  const today = now.slice(0, 10);
  const inserted = s.insertMember.run(
    row.nik,
    row.fullName,
    row.birthDate,
    row.sex,
    row.motherNameDigest,
    row.nik === null ? NIK_NEEDS_CORRECTION : null,
    now,
  );
  if (inserted.changes === 1) {
    const memberId = Number(inserted.lastInsertRowid);
    s.insertKpj.run(row.kpj, memberId, today);
    if (row.phone !== null || row.email !== null) {
      if (s.insertContacts.run(memberId, row.email, row.phone, now).changes === 0) {
        notes.push('email dropped (registered to another member)');
        if (row.phone !== null) s.insertContacts.run(memberId, null, row.phone, now);
      }
    }
    return { notes };
  }
  // The NIK is known: the person registered again (a new employer); the KPJ joins their record.
  const known = s.memberByNik.get(row.nik as string);
  if (!known) throw new Error('members insert ignored without a NIK conflict');
  const memberId = known.merged_into_member_id ?? known.id;
  s.insertKpj.run(row.kpj, memberId, today);
  addContacts(s, memberId, row, now, notes);
  return { notes };
}

/**
 * A members file, imported line by line in batches (`importByLines`): the same file sent again
 * after an interruption resumes after the last committed line, with no row lost or doubled.
 */
export function membersImport(sqlite: Database.Database, identityKey: Buffer): LineBatchedImport<MemberRow> {
  const s = statementsOnce(statementsByHandle, sqlite, prepareStatements);
  return {
    columns: MEMBER_CSV_COLUMNS,
    check: (fields) => checkMemberRow(fields, identityKey),
    apply: (row, now) => applyMemberRow(s, row, now),
    batch: LINE_BATCH,
  };
}
