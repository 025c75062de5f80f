import type { LoginIdentifier, MemberLookupKey } from '@pulih/domain';
import { eq, sql } from 'drizzle-orm';
import type { Db } from '../db/database.js';
import { accounts, memberContacts, memberKpj, members } from '../db/schema.js';
import { prepared, rawStatement } from './prepared.js';

export interface LoginCandidate {
  readonly accountId: number;
  readonly memberId: number;
  readonly passwordHash: string;
  readonly state: 'pending' | 'active' | 'locked' | 'frozen' | 'closed';
}

const loginColumns = {
  accountId: accounts.id,
  memberId: accounts.memberId,
  passwordHash: accounts.passwordHash,
  state: accounts.state,
};

/** The hot queries of this file, prepared once per connection (see `prepared.ts`). */
export const memberQueries = (db: Db) =>
  prepared(db, 'members', (d) => ({
    loginByEmail: d
      .select(loginColumns)
      .from(memberContacts)
      .innerJoin(accounts, eq(accounts.memberId, memberContacts.memberId))
      .where(eq(memberContacts.email, sql.placeholder('email')))
      .prepare(),
    loginByKpj: d
      .select(loginColumns)
      .from(memberKpj)
      .innerJoin(accounts, eq(accounts.memberId, memberKpj.memberId))
      .where(eq(memberKpj.kpj, sql.placeholder('kpj')))
      .prepare(),
    memberIdByKpj: d
      .select({ id: memberKpj.memberId })
      .from(memberKpj)
      .where(eq(memberKpj.kpj, sql.placeholder('kpj')))
      .prepare(),
    memberIdByNik: d
      .select({ id: members.id })
      .from(members)
      .where(eq(members.nik, sql.placeholder('nik')))
      .prepare(),
  }));

/** The account an email or KPJ number logs in to, if any. */
export function findAccountForLogin(db: Db, identifier: LoginIdentifier): LoginCandidate | null {
  const queries = memberQueries(db);
  const row =
    identifier.kind === 'email'
      ? queries.loginByEmail.get({ email: identifier.email })
      : queries.loginByKpj.get({ kpj: identifier.kpj });
  return row ?? null;
}

export interface MemberRecord {
  readonly memberId: number;
  readonly nik: string | null;
  readonly fullName: string;
  readonly birthDate: string | null;
  readonly sex: 'L' | 'P' | null;
  /** Keyed digests of the mother's maiden name (`security/identity-digest.ts`): compared, never shown. */
  readonly motherNameDigest: string | null;
  readonly status: 'aktif' | 'non_aktif';
  readonly statusReason: string | null;
  /** The person this record was merged into (duplicate persons), or null. */
  readonly mergedIntoMemberId: number | null;
  readonly kpjNumbers: readonly string[];
  readonly email: string | null;
  readonly emailVerifiedAt: string | null;
  readonly phone: string | null;
  readonly phoneVerifiedAt: string | null;
  readonly contactsConfirmedAt: string | null;
  readonly hasOnlineAccount: boolean;
}

/** A member record with its contacts, whether it has an account, and its KPJ numbers (oldest first). */
export const MEMBER_RECORD_SQL = `SELECT m.id, m.nik, m.full_name, m.birth_date, m.sex, m.mother_name_digest, m.status,
  m.status_reason, m.merged_into_member_id, c.email, c.email_verified_at, c.phone, c.phone_verified_at, c.confirmed_at,
  a.id IS NOT NULL,
  (SELECT group_concat(k.kpj, ',' ORDER BY k.registered_at, k.kpj) FROM member_kpj k WHERE k.member_id = m.id)
FROM members m
LEFT JOIN member_contacts c ON c.member_id = m.id
LEFT JOIN accounts a ON a.member_id = m.id
WHERE m.id = ?`;

type MemberRecordColumns = [
  number,
  string | null,
  string,
  string | null,
  MemberRecord['sex'],
  string | null,
  MemberRecord['status'],
  string | null,
  number | null,
  string | null,
  string | null,
  string | null,
  string | null,
  string | null,
  number,
  string | null,
];

export function getMemberRecord(db: Db, memberId: number): MemberRecord | null {
  const row = rawStatement(db, MEMBER_RECORD_SQL).get(memberId) as MemberRecordColumns | undefined;
  if (row === undefined) return null;
  const [
    id,
    nik,
    fullName,
    birthDate,
    sex,
    motherNameDigest,
    status,
    statusReason,
    mergedIntoMemberId,
    email,
    emailVerifiedAt,
    phone,
    phoneVerifiedAt,
    contactsConfirmedAt,
    hasAccount,
    kpjs,
  ] = row;
  return {
    memberId: id,
    nik,
    fullName,
    birthDate,
    sex,
    motherNameDigest,
    status,
    statusReason,
    mergedIntoMemberId,
    email,
    emailVerifiedAt,
    phone,
    phoneVerifiedAt,
    contactsConfirmedAt,
    kpjNumbers: kpjs === null ? [] : kpjs.split(','),
    hasOnlineAccount: hasAccount === 1,
  };
}

export function findMemberIdByLookupKey(db: Db, key: MemberLookupKey): number | null {
  const queries = memberQueries(db);
  const row =
    key.kind === 'kpj' ? queries.memberIdByKpj.get({ kpj: key.kpj }) : queries.memberIdByNik.get({ nik: key.nik });
  return row?.id ?? null;
}
