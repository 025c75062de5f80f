import type { LoginIdentifier, MemberLookupKey } from '@pulih/domain';
import { asc, eq, sql } from 'drizzle-orm';
import type { Db } from '../db/database.js';
import { accounts, memberContacts, memberKpj, members } from '../db/schema.js';
import { prepared } from './prepared.js';

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
    memberById: d
      .select({
        memberId: members.id,
        nik: members.nik,
        fullName: members.fullName,
        birthDate: members.birthDate,
        sex: members.sex,
        motherNameDigest: members.motherNameDigest,
        status: members.status,
        statusReason: members.statusReason,
        mergedIntoMemberId: members.mergedIntoMemberId,
        email: memberContacts.email,
        emailVerifiedAt: memberContacts.emailVerifiedAt,
        phone: memberContacts.phone,
        phoneVerifiedAt: memberContacts.phoneVerifiedAt,
        contactsConfirmedAt: memberContacts.confirmedAt,
        accountId: accounts.id,
      })
      .from(members)
      .leftJoin(memberContacts, eq(memberContacts.memberId, members.id))
      .leftJoin(accounts, eq(accounts.memberId, members.id))
      .where(eq(members.id, sql.placeholder('memberId')))
      .prepare(),
    kpjNumbersOfMember: d
      .select({ kpj: memberKpj.kpj })
      .from(memberKpj)
      .where(eq(memberKpj.memberId, sql.placeholder('memberId')))
      .orderBy(asc(memberKpj.registeredAt), asc(memberKpj.kpj))
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

export function getMemberRecord(db: Db, memberId: number): MemberRecord | null {
  const queries = memberQueries(db);
  const row = queries.memberById.get({ memberId });
  if (!row) return null;
  const kpjNumbers = queries.kpjNumbersOfMember.all({ memberId }).map((r) => r.kpj);
  const { accountId, ...rest } = row;
  return { ...rest, kpjNumbers, hasOnlineAccount: accountId !== null };
}

export function findMemberIdByLookupKey(db: Db, key: MemberLookupKey): number | null {
  const queries = memberQueries(db);
  const row =
    key.kind === 'kpj' ? queries.memberIdByKpj.get({ kpj: key.kpj }) : queries.memberIdByNik.get({ nik: key.nik });
  return row?.id ?? null;
}
