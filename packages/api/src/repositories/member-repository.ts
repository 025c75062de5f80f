import type { LoginIdentifier, MemberLookupKey } from '@pulih/domain';
import { asc, eq } from 'drizzle-orm';
import type { Db } from '../db/database.js';
import { accounts, memberContacts, memberKpj, members } from '../db/schema.js';

export interface LoginCandidate {
  readonly accountId: number;
  readonly memberId: number;
  readonly passwordHash: string;
  readonly state: 'pending' | 'active' | 'locked' | 'frozen' | 'closed';
}

/** The account an email or KPJ number logs in to, if any. */
export function findAccountForLogin(db: Db, identifier: LoginIdentifier): LoginCandidate | null {
  const columns = {
    accountId: accounts.id,
    memberId: accounts.memberId,
    passwordHash: accounts.passwordHash,
    state: accounts.state,
  };
  const row =
    identifier.kind === 'email'
      ? db
          .select(columns)
          .from(memberContacts)
          .innerJoin(accounts, eq(accounts.memberId, memberContacts.memberId))
          .where(eq(memberContacts.email, identifier.email))
          .get()
      : db
          .select(columns)
          .from(memberKpj)
          .innerJoin(accounts, eq(accounts.memberId, memberKpj.memberId))
          .where(eq(memberKpj.kpj, identifier.kpj))
          .get();
  return row ?? null;
}

export interface MemberRecord {
  readonly memberId: number;
  readonly nik: string | null;
  readonly fullName: string;
  readonly birthDate: string | null;
  readonly sex: 'L' | 'P' | null;
  readonly motherName: string | null;
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
  const row = db
    .select({
      memberId: members.id,
      nik: members.nik,
      fullName: members.fullName,
      birthDate: members.birthDate,
      sex: members.sex,
      motherName: members.motherName,
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
    .where(eq(members.id, memberId))
    .get();
  if (!row) return null;
  const kpjNumbers = db
    .select({ kpj: memberKpj.kpj })
    .from(memberKpj)
    .where(eq(memberKpj.memberId, memberId))
    .orderBy(asc(memberKpj.registeredAt), asc(memberKpj.kpj))
    .all()
    .map((r) => r.kpj);
  const { accountId, ...rest } = row;
  return { ...rest, kpjNumbers, hasOnlineAccount: accountId !== null };
}

export function findMemberIdByLookupKey(db: Db, key: MemberLookupKey): number | null {
  const row =
    key.kind === 'kpj'
      ? db.select({ id: memberKpj.memberId }).from(memberKpj).where(eq(memberKpj.kpj, key.kpj)).get()
      : db.select({ id: members.id }).from(members).where(eq(members.nik, key.nik)).get();
  return row?.id ?? null;
}
