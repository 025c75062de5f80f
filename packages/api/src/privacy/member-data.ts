import { PERSONAL_DATA_CATEGORIES } from '@pulih/domain';
import { and, asc, desc, eq, inArray, or } from 'drizzle-orm';
import { z } from 'zod';
import type { Db } from '../db/database.js';
import {
  accounts,
  appointments,
  auditLog,
  contributions,
  correctionRequests,
  employers,
  jhtClaimDocuments,
  jhtTransfers,
  memberContacts,
  members,
  noticeTopics,
  participations,
  sessions,
  staffUsers,
} from '../db/schema.js';
import { noticePreferencesFor } from '../notices/jht-notices.js';
import { claimEventsOf, claimsOfMembers } from '../repositories/claim-repository.js';
import { memberIdsOfPerson, personIdOf } from '../repositories/duplicate-repository.js';
import { kpjCardsOf } from '../repositories/jht-repository.js';
import { openSecret } from '../security/secret-box.js';

/**
 * "Data saya": everything Pulih holds about a member, as one document. Every category is present
 * even when it is empty, so that the member (and a test) can see that nothing was left out. What
 * is not the member's to see is left out on purpose, and the document says so: password hashes,
 * session and token hashes, the full bank account number (the last four digits are shown), an
 * heir's data, staff names (their role and branch are shown), and the mother's maiden name, which
 * is kept for identity checks and never shown back.
 */
export const MEMBER_DATA_FORMAT = 'pulih.member-data.v1';

const nullableText = z.string().nullable();

export const memberDataOutput = z.object({
  format: z.literal(MEMBER_DATA_FORMAT),
  generatedAt: z.string(),
  controller: z.string(),
  notShown: z.array(z.string()),
  identity: z.object({
    memberRecords: z.array(z.number()),
    fullName: z.string(),
    nik: nullableText,
    birthDate: nullableText,
    sex: z.enum(['L', 'P']).nullable(),
    motherNameOnRecord: z.boolean(),
    registryStatus: z.enum(['aktif', 'non_aktif']),
    registryStatusReason: nullableText,
    recordCreatedAt: z.string(),
  }),
  kpjNumbers: z.array(
    z.object({
      kpj: z.string(),
      registeredAt: z.string(),
      closedOn: nullableText,
      mergedIntoKpj: nullableText,
      employments: z.array(
        z.object({
          npp: nullableText,
          employer: nullableText,
          segment: z.string(),
          startedOn: z.string(),
          endedOn: nullableText,
          endReason: nullableText,
        }),
      ),
    }),
  ),
  contacts: z.array(
    z.object({
      memberRecord: z.number(),
      email: nullableText,
      emailVerifiedAt: nullableText,
      phone: nullableText,
      phoneVerifiedAt: nullableText,
      confirmedAt: nullableText,
      updatedAt: z.string(),
    }),
  ),
  accounts: z.array(
    z.object({
      id: z.number(),
      memberRecord: z.number(),
      state: z.string(),
      locale: z.string(),
      createdAt: z.string(),
      passwordChangedAt: nullableText,
      failedAttempts: z.number(),
      frozenAt: nullableText,
      frozenReason: nullableText,
      closedAt: nullableText,
      closedReason: nullableText,
    }),
  ),
  sessions: z.array(
    z.object({
      accountId: z.number(),
      createdAt: z.string(),
      lastSeenAt: z.string(),
      expiresAt: z.string(),
      revokedAt: nullableText,
      userAgent: nullableText,
    }),
  ),
  contributions: z.array(
    z.object({
      kpj: z.string(),
      period: z.string(),
      npp: z.string(),
      wage: z.number(),
      jhtEmployee: z.number(),
      jhtEmployer: z.number(),
      jkk: z.number(),
      jkm: z.number(),
      jpEmployee: z.number(),
      jpEmployer: z.number(),
      jkp: z.number(),
      paidAt: nullableText,
    }),
  ),
  balanceTransfers: z.array(
    z.object({
      id: z.string(),
      fromKpj: z.string(),
      toKpj: z.string(),
      transferredOn: z.string(),
      amount: z.number(),
      channel: z.string(),
    }),
  ),
  claims: z.array(
    z.object({
      id: z.string(),
      kpj: z.string(),
      reason: z.string(),
      claimant: z.string(),
      submittedVia: z.string(),
      state: z.string(),
      gross: z.number(),
      tax: z.number(),
      net: z.number(),
      bankCode: z.string(),
      bankAccountLast4: z.string(),
      bankAccountHolder: z.string(),
      submittedAt: z.string(),
      decidedAt: nullableText,
      decisionReason: nullableText,
      paidOn: nullableText,
      paymentReference: nullableText,
      events: z.array(z.object({ at: z.string(), state: z.string(), actor: z.string(), note: nullableText })),
    }),
  ),
  claimDocuments: z.array(
    z.object({
      id: z.string(),
      claimId: nullableText,
      kind: z.string(),
      contentType: z.string(),
      sizeBytes: z.number(),
      uploadedAt: z.string(),
      retainUntil: z.string(),
      deletedAt: nullableText,
    }),
  ),
  appointments: z.array(
    z.object({
      id: z.string(),
      branchCode: z.string(),
      day: z.string(),
      slot: z.string(),
      purpose: z.string(),
      state: z.string(),
    }),
  ),
  correctionRequests: z.array(
    z.object({
      id: z.string(),
      field: z.string(),
      /** The value the member stated; null for the mother's name, which is never shown back. */
      requestedValue: nullableText,
      state: z.string(),
      requestedAt: z.string(),
      dueAt: z.string(),
      decidedAt: nullableText,
      decisionReason: nullableText,
    }),
  ),
  noticePreferences: z.object({
    topics: z.record(z.string(), z.object({ email: z.boolean(), sms: z.boolean() })),
    securityNotices: z.literal('email and SMS, always'),
  }),
  accessHistory: z.array(
    z.object({
      at: z.string(),
      action: z.string(),
      channel: z.string(),
      actor: z.string(),
      staffRole: nullableText,
      staffBranch: nullableText,
      reason: nullableText,
    }),
  ),
});

export type MemberData = z.infer<typeof memberDataOutput>;

/** The categories of the document, in the order they are shown (the PDF, the portal). */
export const memberDataCategories = PERSONAL_DATA_CATEGORIES satisfies readonly (keyof MemberData)[];

const NOT_SHOWN = [
  "mother's maiden name: kept only to check identity, never shown back",
  'password and session hashes',
  'the full bank account number (its last four digits are shown)',
  "an heir's personal data in a claim made by an heir",
  'staff names (their role and branch are shown)',
];

/** Collects the document for the person behind `memberId` (their record and records merged into it). */
export function collectMemberData(db: Db, memberId: number, documentKeys: readonly Buffer[], now: Date): MemberData {
  const personId = personIdOf(db, memberId);
  const memberIds = memberIdsOfPerson(db, personId);
  const person = db.select().from(members).where(eq(members.id, personId)).get();
  if (!person) throw new Error(`member ${personId} not found`);
  const kpjRows = kpjCardsOf(db, memberIds);
  const kpjs = kpjRows.map((row) => row.kpj);
  const employmentRows =
    kpjs.length === 0
      ? []
      : db
          .select({
            kpj: participations.kpj,
            npp: participations.npp,
            employer: employers.name,
            segment: participations.segment,
            startedOn: participations.startedOn,
            endedOn: participations.endedOn,
            endReason: participations.endReason,
          })
          .from(participations)
          .leftJoin(employers, eq(employers.npp, participations.npp))
          .where(inArray(participations.kpj, kpjs))
          .orderBy(asc(participations.startedOn))
          .all();
  const accountRows = db.select().from(accounts).where(inArray(accounts.memberId, memberIds)).all();
  const accountIds = accountRows.map((row) => row.id);
  const claimRows = claimsOfMembers(db, memberIds);
  const claimIds = claimRows.map((row) => row.id);
  const eventRows = claimEventsOf(db, claimIds);
  const history = db
    .select({
      at: auditLog.at,
      action: auditLog.action,
      channel: auditLog.channel,
      actor: auditLog.actorKind,
      detail: auditLog.detail,
      staffRole: staffUsers.role,
      staffBranch: staffUsers.branchCode,
    })
    .from(auditLog)
    .leftJoin(staffUsers, and(eq(auditLog.actorKind, 'staff'), eq(auditLog.actorId, staffUsers.id)))
    .where(inArray(auditLog.memberId, memberIds))
    .orderBy(desc(auditLog.id))
    .all();
  const preferences = noticePreferencesFor(db, memberId);

  return {
    format: MEMBER_DATA_FORMAT,
    generatedAt: now.toISOString(),
    controller: 'BPJS Ketenagakerjaan (Pulih)',
    notShown: NOT_SHOWN,
    identity: {
      memberRecords: memberIds,
      fullName: person.fullName,
      nik: person.nik,
      birthDate: person.birthDate,
      sex: person.sex,
      motherNameOnRecord: person.motherNameDigest !== null && person.motherNameDigest !== '',
      registryStatus: person.status,
      registryStatusReason: person.statusReason,
      recordCreatedAt: person.createdAt,
    },
    kpjNumbers: kpjRows.map((row) => ({
      kpj: row.kpj,
      registeredAt: row.registeredAt,
      closedOn: row.closedOn,
      mergedIntoKpj: row.mergedIntoKpj,
      employments: employmentRows
        .filter((employment) => employment.kpj === row.kpj)
        .map(({ kpj: _kpj, ...employment }) => employment),
    })),
    contacts: db
      .select()
      .from(memberContacts)
      .where(inArray(memberContacts.memberId, memberIds))
      .all()
      .map((row) => ({
        memberRecord: row.memberId,
        email: row.email,
        emailVerifiedAt: row.emailVerifiedAt,
        phone: row.phone,
        phoneVerifiedAt: row.phoneVerifiedAt,
        confirmedAt: row.confirmedAt,
        updatedAt: row.updatedAt,
      })),
    accounts: accountRows.map((row) => ({
      id: row.id,
      memberRecord: row.memberId,
      state: row.state,
      locale: row.locale,
      createdAt: row.createdAt,
      passwordChangedAt: row.passwordChangedAt,
      failedAttempts: row.failedAttempts,
      frozenAt: row.frozenAt,
      frozenReason: row.frozenReason,
      closedAt: row.closedAt,
      closedReason: row.closedReason,
    })),
    sessions:
      accountIds.length === 0
        ? []
        : db
            .select({
              accountId: sessions.accountId,
              createdAt: sessions.createdAt,
              lastSeenAt: sessions.lastSeenAt,
              expiresAt: sessions.expiresAt,
              revokedAt: sessions.revokedAt,
              userAgent: sessions.userAgent,
            })
            .from(sessions)
            .where(inArray(sessions.accountId, accountIds))
            .orderBy(desc(sessions.createdAt))
            .all(),
    contributions:
      kpjs.length === 0
        ? []
        : db
            .select()
            .from(contributions)
            .where(inArray(contributions.kpj, kpjs))
            .orderBy(asc(contributions.kpj), asc(contributions.period))
            .all(),
    balanceTransfers:
      kpjs.length === 0
        ? []
        : db
            .select({
              id: jhtTransfers.id,
              fromKpj: jhtTransfers.fromKpj,
              toKpj: jhtTransfers.toKpj,
              transferredOn: jhtTransfers.transferredOn,
              amount: jhtTransfers.amount,
              channel: jhtTransfers.channel,
            })
            .from(jhtTransfers)
            .where(or(inArray(jhtTransfers.fromKpj, kpjs), inArray(jhtTransfers.toKpj, kpjs)))
            .orderBy(asc(jhtTransfers.transferredOn))
            .all(),
    claims: claimRows.map((row) => ({
      id: row.id,
      kpj: row.kpj,
      reason: row.reason,
      claimant: row.claimant,
      submittedVia: row.submittedVia,
      state: row.state,
      gross: row.gross,
      tax: row.tax,
      net: row.net,
      bankCode: row.bankCode,
      bankAccountLast4: row.bankAccountLast4,
      bankAccountHolder: row.bankAccountHolder,
      submittedAt: row.submittedAt,
      decidedAt: row.decidedAt,
      decisionReason: row.decisionReason,
      paidOn: row.paidOn,
      paymentReference: row.paymentReference,
      events: eventRows
        .filter((event) => event.claimId === row.id)
        .map((event) => ({ at: event.at, state: event.state, actor: event.actorKind, note: event.note })),
    })),
    claimDocuments: db
      .select({
        id: jhtClaimDocuments.id,
        claimId: jhtClaimDocuments.claimId,
        kind: jhtClaimDocuments.kind,
        contentType: jhtClaimDocuments.contentType,
        sizeBytes: jhtClaimDocuments.sizeBytes,
        uploadedAt: jhtClaimDocuments.uploadedAt,
        retainUntil: jhtClaimDocuments.retainUntil,
        deletedAt: jhtClaimDocuments.deletedAt,
      })
      .from(jhtClaimDocuments)
      .where(inArray(jhtClaimDocuments.memberId, memberIds))
      .orderBy(asc(jhtClaimDocuments.uploadedAt))
      .all(),
    appointments: db
      .select({
        id: appointments.id,
        branchCode: appointments.branchCode,
        day: appointments.day,
        slot: appointments.slot,
        purpose: appointments.purpose,
        state: appointments.state,
      })
      .from(appointments)
      .where(inArray(appointments.memberId, memberIds))
      .orderBy(desc(appointments.day))
      .all(),
    correctionRequests: db
      .select()
      .from(correctionRequests)
      .where(inArray(correctionRequests.memberId, memberIds))
      .orderBy(desc(correctionRequests.requestedAt))
      .all()
      .map((row) => ({
        id: row.id,
        field: row.field,
        requestedValue: row.field === 'mother_name' ? null : openSecret(documentKeys, row.requestedValueEncrypted),
        state: row.state,
        requestedAt: row.requestedAt,
        dueAt: row.dueAt,
        decidedAt: row.decidedAt,
        decisionReason: row.decisionReason,
      })),
    noticePreferences: {
      topics: Object.fromEntries(noticeTopics.map((topic) => [topic, preferences[topic]])),
      securityNotices: 'email and SMS, always',
    },
    accessHistory: history.map((row) => {
      const detail = JSON.parse(row.detail) as Record<string, unknown>;
      return {
        at: row.at,
        action: row.action,
        channel: row.channel,
        actor: row.actor,
        staffRole: row.staffRole ?? null,
        staffBranch: row.staffBranch ?? null,
        reason: typeof detail.reason === 'string' ? detail.reason : null,
      };
    }),
  };
}
