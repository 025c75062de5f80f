import { maskKpj } from '@pulih/domain';
import { and, asc, eq, gte, inArray, isNotNull, like, lt, type SQL, sql } from 'drizzle-orm';
import { appendAudit } from '../audit/audit-log.js';
import type { Db } from '../db/database.js';
import { auditLog, outbox, privacyIncidentNotices, privacyIncidents, staffUsers } from '../db/schema.js';
import { appError } from '../errors.js';
import { enqueueNotice } from '../notifications/outbox.js';
import { findAccountByMemberId } from '../repositories/account-repository.js';
import { personIdOf } from '../repositories/duplicate-repository.js';
import { getMemberRecord } from '../repositories/member-repository.js';
import type { StaffIdentity } from '../repositories/session-repository.js';
import { DISCLOSURE_ACTIONS, type DisclosureAction, disclosureActions } from './disclosure-actions.js';
import { privacySetting } from './privacy-settings.js';
import { newPrivacyReference } from './references.js';

export interface IncidentFilters {
  /** ISO instants; `until` is exclusive. */
  readonly since: string;
  readonly until: string;
  readonly staffId: number | null;
  readonly channel: 'web' | 'kiosk' | 'cli' | null;
  /** Narrows the disclosure actions to those starting with this (e.g. `jht.`). */
  readonly actionPrefix: string | null;
}

export interface AffectedMember {
  /** The person (a record merged into another counts as the surviving record). */
  readonly memberId: number;
  readonly fullName: string;
  readonly kpjMasked: string[];
  readonly reads: number;
  readonly firstAt: string;
  readonly lastAt: string;
  readonly actions: DisclosureAction[];
  readonly channels: string[];
}

/** The words of each category in a breach notice, in the member's language. */
const CATEGORY_WORDS: Record<DisclosureAction, { id: string; en: string }> = {
  'member.viewed': {
    id: 'Identitas, nomor KPJ dan kontak terdaftar',
    en: 'Identity, KPJ numbers and registered contacts',
  },
  'contact.disclosed': { id: 'Email atau nomor ponsel terdaftar', en: 'Registered email or mobile number' },
  'duplicates.viewed': {
    id: 'Identitas dan kontak (pemeriksaan data ganda)',
    en: 'Identity and contacts (duplicate check)',
  },
  'jht.claim_viewed': {
    id: 'Data klaim JHT dan rekening bank (4 digit terakhir)',
    en: 'JHT claim and bank account (last 4 digits)',
  },
  'jht.claim_document_read': { id: 'Dokumen klaim JHT (pindaian)', en: 'JHT claim documents (scans)' },
  'jht.balance_disclosed': { id: 'Saldo JHT dan status kepesertaan', en: 'JHT balance and membership status' },
  'audit.member_log_viewed': { id: 'Catatan aktivitas akun', en: 'Account activity log' },
  'support.ticket_verified': {
    id: 'Identitas (pemeriksaan email layanan pelanggan)',
    en: 'Identity (customer-service mail check)',
  },
  'support.ticket_replied': { id: 'Balasan layanan pelanggan', en: 'Customer-service reply' },
  'privacy.data_exported': {
    id: 'Seluruh data Anda (unduhan "Data saya")',
    en: 'All your data (the "My data" download)',
  },
  'corrections.viewed': { id: 'Permintaan perbaikan data', en: 'Data correction request' },
  'corrections.evidence_read': {
    id: 'Pindaian KTP/KK permintaan perbaikan',
    en: 'KTP/KK scan of a correction request',
  },
};

function windowConditions(filters: IncidentFilters): SQL[] {
  const actions = filters.actionPrefix
    ? disclosureActions.filter((action) => action.startsWith(filters.actionPrefix as string))
    : disclosureActions;
  const conditions: SQL[] = [
    gte(auditLog.at, filters.since),
    lt(auditLog.at, filters.until),
    isNotNull(auditLog.memberId),
    // An empty list (a prefix of no disclosure action) must match nothing, not everything.
    actions.length === 0 ? sql`0` : inArray(auditLog.action, actions),
  ];
  if (filters.staffId !== null) {
    conditions.push(eq(auditLog.actorKind, 'staff'), eq(auditLog.actorId, String(filters.staffId)));
  }
  if (filters.channel !== null) conditions.push(eq(auditLog.channel, filters.channel));
  if (filters.actionPrefix) conditions.push(like(auditLog.action, `${filters.actionPrefix.replace(/[%_]/g, '')}%`));
  return conditions;
}

/**
 * The members whose data was read or disclosed in the window, from the audit log: one row per
 * person, with how often, when first and last, by which actions and through which channels.
 */
export function findAffectedMembers(db: Db, filters: IncidentFilters): AffectedMember[] {
  const rows = db
    .select({
      memberId: auditLog.memberId,
      action: auditLog.action,
      channel: auditLog.channel,
      reads: sql<number>`count(*)`,
      firstAt: sql<string>`min(${auditLog.at})`,
      lastAt: sql<string>`max(${auditLog.at})`,
    })
    .from(auditLog)
    .where(and(...windowConditions(filters)))
    .groupBy(auditLog.memberId, auditLog.action, auditLog.channel)
    .all();
  const byPerson = new Map<
    number,
    { reads: number; firstAt: string; lastAt: string; actions: Set<DisclosureAction>; channels: Set<string> }
  >();
  for (const row of rows) {
    const personId = personIdOf(db, row.memberId as number);
    const entry = byPerson.get(personId) ?? {
      reads: 0,
      firstAt: row.firstAt,
      lastAt: row.lastAt,
      actions: new Set<DisclosureAction>(),
      channels: new Set<string>(),
    };
    entry.reads += row.reads;
    if (row.firstAt < entry.firstAt) entry.firstAt = row.firstAt;
    if (row.lastAt > entry.lastAt) entry.lastAt = row.lastAt;
    entry.actions.add(row.action as DisclosureAction);
    entry.channels.add(row.channel);
    byPerson.set(personId, entry);
  }
  return [...byPerson.entries()]
    .sort(([a], [b]) => a - b)
    .map(([memberId, entry]) => {
      const record = getMemberRecord(db, memberId);
      return {
        memberId,
        fullName: record?.fullName ?? '-',
        kpjMasked: (record?.kpjNumbers ?? []).map(maskKpj),
        reads: entry.reads,
        firstAt: entry.firstAt,
        lastAt: entry.lastAt,
        actions: [...entry.actions].sort(),
        channels: [...entry.channels].sort(),
      };
    });
}

export type IncidentRow = typeof privacyIncidents.$inferSelect;

export const filtersOf = (row: IncidentRow): IncidentFilters => JSON.parse(row.filters) as IncidentFilters;

export function findIncident(db: Db, id: string): IncidentRow {
  const row = db.select().from(privacyIncidents).where(eq(privacyIncidents.id, id)).get();
  if (!row) throw appError('INCIDENT_NOT_FOUND');
  return row;
}

export function listIncidents(db: Db): IncidentRow[] {
  return db.select().from(privacyIncidents).orderBy(asc(privacyIncidents.openedAt)).all();
}

/**
 * Records an incident with the filters that find its members. An open window ends when the
 * incident is opened, so the set of members it names cannot grow afterwards.
 */
export function openIncident(
  db: Db,
  staff: StaffIdentity,
  input: {
    description: string;
    measures: string | null;
    filters: Omit<IncidentFilters, 'until'> & { until: string | null };
  },
  now: Date,
): IncidentRow {
  const filters: IncidentFilters = { ...input.filters, until: input.filters.until ?? now.toISOString() };
  if (filters.since >= filters.until)
    throw appError('INVALID_INPUT', '--since must be before --until (and before now).');
  const row: IncidentRow = {
    id: newPrivacyReference('INS'),
    description: input.description,
    filters: JSON.stringify(filters),
    measures: input.measures,
    openedAt: now.toISOString(),
    openedByStaffId: staff.staffId,
    notifiedAt: null,
    reportedAt: null,
  };
  db.transaction((tx) => {
    tx.insert(privacyIncidents).values(row).run();
    appendAudit(
      tx,
      {
        actorKind: 'staff',
        actorId: String(staff.staffId),
        action: 'privacy.incident_opened',
        memberId: null,
        channel: 'cli',
        detail: {
          incidentId: row.id,
          since: filters.since,
          until: filters.until,
          staffId: filters.staffId,
          channel: filters.channel,
          actionPrefix: filters.actionPrefix,
        },
      },
      now,
    );
  });
  return row;
}

export interface IncidentReport {
  readonly incident: {
    readonly id: string;
    readonly description: string;
    readonly measures: string | null;
    readonly openedAt: string;
    readonly openedBy: string;
    readonly notifiedAt: string | null;
  };
  readonly window: { readonly since: string; readonly until: string };
  readonly filters: IncidentFilters;
  /** Which data: each kind of read, with how many reads and members. */
  readonly dataCategories: { action: string; description: string; reads: number; members: number }[];
  /** How: the channels and staff accounts the reads went through. */
  readonly channels: { channel: string; reads: number }[];
  readonly staff: { staffId: number; username: string; role: string; reads: number }[];
  readonly membersAffected: number;
  readonly notices: {
    readonly membersNotified: number;
    readonly membersWithoutContact: number;
    readonly messagesQueued: number;
    readonly messagesSent: number;
    readonly firstQueuedAt: string | null;
    readonly lastQueuedAt: string | null;
    readonly lastSentAt: string | null;
  };
  /** The duty of UU 27/2022: notices within 3×24 hours of the incident being known. */
  readonly deadline: { readonly hours: number; readonly dueAt: string; readonly allQueuedInTime: boolean | null };
  readonly members: { memberId: number; queuedAt: string | null; sentAt: (string | null)[] }[];
  readonly generatedAt: string;
}

/** The report for the supervisory agency, from the incident, the audit log and the notices queued. */
export function incidentReport(db: Db, incident: IncidentRow, now: Date): IncidentReport {
  const filters = filtersOf(incident);
  const affected = findAffectedMembers(db, filters);
  const conditions = and(...windowConditions(filters));
  const byAction = db
    .select({
      action: auditLog.action,
      reads: sql<number>`count(*)`,
      members: sql<number>`count(distinct ${auditLog.memberId})`,
    })
    .from(auditLog)
    .where(conditions)
    .groupBy(auditLog.action)
    .all();
  const byChannel = db
    .select({ channel: auditLog.channel, reads: sql<number>`count(*)` })
    .from(auditLog)
    .where(conditions)
    .groupBy(auditLog.channel)
    .all();
  const byStaff = db
    .select({
      staffId: staffUsers.id,
      username: staffUsers.username,
      role: staffUsers.role,
      reads: sql<number>`count(*)`,
    })
    .from(auditLog)
    .innerJoin(staffUsers, and(eq(auditLog.actorKind, 'staff'), eq(auditLog.actorId, staffUsers.id)))
    .where(conditions)
    .groupBy(staffUsers.id)
    .all();
  const notices = db
    .select()
    .from(privacyIncidentNotices)
    .where(eq(privacyIncidentNotices.incidentId, incident.id))
    .orderBy(asc(privacyIncidentNotices.queuedAt))
    .all();
  const outboxIds = notices.flatMap((notice) => JSON.parse(notice.outboxIds) as string[]);
  const sent = new Map(
    outboxIds.length === 0
      ? []
      : db
          .select({ id: outbox.id, sentAt: outbox.sentAt })
          .from(outbox)
          .where(inArray(outbox.id, outboxIds))
          .all()
          .map((row) => [row.id, row.sentAt]),
  );
  const sentTimes = [...sent.values()].filter((at): at is string => at !== null).sort();
  const noticeOf = new Map(notices.map((notice) => [notice.memberId, notice]));
  const hours = privacySetting(db, 'breach_notice_deadline_hours');
  const dueAt = new Date(Date.parse(incident.openedAt) + hours * 3_600_000).toISOString();
  const lastQueuedAt = notices.at(-1)?.queuedAt ?? null;
  const openedBy = db
    .select({ username: staffUsers.username })
    .from(staffUsers)
    .where(eq(staffUsers.id, incident.openedByStaffId))
    .get();
  return {
    incident: {
      id: incident.id,
      description: incident.description,
      measures: incident.measures,
      openedAt: incident.openedAt,
      openedBy: openedBy?.username ?? String(incident.openedByStaffId),
      notifiedAt: incident.notifiedAt,
    },
    window: { since: filters.since, until: filters.until },
    filters,
    dataCategories: byAction.map((row) => ({
      action: row.action,
      description: DISCLOSURE_ACTIONS[row.action as DisclosureAction] ?? row.action,
      reads: row.reads,
      members: row.members,
    })),
    channels: byChannel,
    staff: byStaff,
    membersAffected: affected.length,
    notices: {
      membersNotified: notices.filter((notice) => (JSON.parse(notice.outboxIds) as string[]).length > 0).length,
      membersWithoutContact: notices.filter((notice) => (JSON.parse(notice.outboxIds) as string[]).length === 0).length,
      messagesQueued: outboxIds.length,
      messagesSent: sentTimes.length,
      firstQueuedAt: notices[0]?.queuedAt ?? null,
      lastQueuedAt,
      lastSentAt: sentTimes.at(-1) ?? null,
    },
    deadline: {
      hours,
      dueAt,
      allQueuedInTime: notices.length < affected.length || lastQueuedAt === null ? null : lastQueuedAt <= dueAt,
    },
    members: affected.map((member) => {
      const notice = noticeOf.get(member.memberId);
      const ids = notice ? (JSON.parse(notice.outboxIds) as string[]) : [];
      return {
        memberId: member.memberId,
        queuedAt: notice?.queuedAt ?? null,
        sentAt: ids.map((id) => sent.get(id) ?? null),
      };
    }),
    generatedAt: now.toISOString(),
  };
}

export interface NotifyResult {
  readonly queuedNow: number;
  readonly alreadyNotified: number;
  readonly withoutContact: number;
  readonly report: IncidentReport;
}

/**
 * Queues one breach notice per affected member, on both channels (a security notice ignores the
 * member's preferences), in one transaction with the record of when each was queued; a member
 * already noticed for this incident is skipped, so running it twice queues nothing new. Needs the
 * measures taken (what the notice and the report say was done).
 */
export function notifyIncident(
  db: Db,
  staff: StaffIdentity,
  incidentId: string,
  measures: string | null,
  now: Date,
): NotifyResult {
  const result = db.transaction(
    (tx) => {
      let incident = findIncident(tx, incidentId);
      if (measures !== null) {
        tx.update(privacyIncidents).set({ measures }).where(eq(privacyIncidents.id, incidentId)).run();
        incident = { ...incident, measures };
      }
      if (!incident.measures) {
        throw appError(
          'INVALID_INPUT',
          'Say what was done about the incident (--measures); the notice tells the members.',
        );
      }
      const filters = filtersOf(incident);
      const affected = findAffectedMembers(tx, filters);
      const done = new Set(
        tx
          .select({ memberId: privacyIncidentNotices.memberId })
          .from(privacyIncidentNotices)
          .where(eq(privacyIncidentNotices.incidentId, incidentId))
          .all()
          .map((row) => row.memberId),
      );
      let queuedNow = 0;
      let withoutContact = 0;
      for (const member of affected) {
        if (done.has(member.memberId)) continue;
        const record = getMemberRecord(tx, member.memberId);
        const locale = findAccountByMemberId(tx, member.memberId)?.locale ?? 'id';
        const data = {
          fullName: record?.fullName ?? '',
          reference: incident.id,
          day: filters.since.slice(0, 10),
          dataCategories: member.actions.map((action) => CATEGORY_WORDS[action][locale]),
          message: incident.measures,
        };
        const ids: string[] = [];
        if (record?.email) {
          ids.push(
            enqueueNotice(
              tx,
              {
                channel: 'email',
                recipient: record.email,
                template: 'breach_notice',
                locale,
                data,
                memberId: member.memberId,
              },
              now,
            ),
          );
        }
        if (record?.phone) {
          ids.push(
            enqueueNotice(
              tx,
              {
                channel: 'sms',
                recipient: record.phone,
                template: 'breach_notice',
                locale,
                data,
                memberId: member.memberId,
              },
              now,
            ),
          );
        }
        if (ids.length === 0) withoutContact++;
        else queuedNow++;
        tx.insert(privacyIncidentNotices)
          .values({
            incidentId,
            memberId: member.memberId,
            outboxIds: JSON.stringify(ids),
            queuedAt: now.toISOString(),
          })
          .run();
        appendAudit(
          tx,
          {
            actorKind: 'staff',
            actorId: String(staff.staffId),
            action: 'privacy.breach_notice_queued',
            memberId: member.memberId,
            channel: 'cli',
            detail: { incidentId, messages: ids.length },
          },
          now,
        );
      }
      tx.update(privacyIncidents)
        .set({ notifiedAt: incident.notifiedAt ?? now.toISOString(), reportedAt: now.toISOString() })
        .where(eq(privacyIncidents.id, incidentId))
        .run();
      appendAudit(
        tx,
        {
          actorKind: 'staff',
          actorId: String(staff.staffId),
          action: 'privacy.incident_notified',
          memberId: null,
          channel: 'cli',
          detail: { incidentId, queuedNow, withoutContact, members: affected.length },
        },
        now,
      );
      return { queuedNow, alreadyNotified: done.size, withoutContact };
    },
    { behavior: 'immediate' },
  );
  return { ...result, report: incidentReport(db, findIncident(db, incidentId), now) };
}
