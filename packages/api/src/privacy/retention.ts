import { and, eq, gt, isNotNull, isNull, lte, ne, or, type SQL, sql } from 'drizzle-orm';
import type { SQLiteTable } from 'drizzle-orm/sqlite-core';
import { appendAudit } from '../audit/audit-log.js';
import { deleteExpiredDocuments, discardStoredFiles } from '../claims/claim-documents.js';
import type { Db } from '../db/database.js';
import {
  correctionRequests,
  inboundMailRejects,
  jhtClaimDocuments,
  jhtClaims,
  outbox,
  queueTickets,
  rateLimitEvents,
  sessions,
  staffTokens,
  supportTickets,
  verificationCodes,
} from '../db/schema.js';
import type { ServerConfig } from '../env.js';
import { markDocumentDeleted } from '../repositories/claim-repository.js';
import { type PrivacySettingName, privacySettingValues } from './privacy-settings.js';

/**
 * The retention policy: what is deleted once its time is over. Each rule names its setting, says
 * what it removes, counts what is due and purges it. Audit entries are never purged (they hold
 * references only); a claim's documents are files, deleted with their rows marked.
 */
interface RetentionRule {
  readonly name: string;
  /** The setting that gives the period; null for the claim-document retention of the environment. */
  readonly setting: PrivacySettingName | null;
  readonly removes: string;
  /** The condition of due rows (or, for documents, of due document rows). */
  readonly due: (cutoff: Cutoff, today: string) => SQL | undefined;
  readonly table: SQLiteTable;
  /** Claim documents: files to delete and rows to mark, rather than rows to delete. */
  readonly documents?: boolean;
}

interface Cutoff {
  /** ISO instant: now minus the period. */
  readonly at: string;
  /** The same as a date (`YYYY-MM-DD`). */
  readonly day: string;
}

const finishedClaims = (cutoffAt: string) =>
  sql`${jhtClaimDocuments.claimId} in (select ${jhtClaims.id} from ${jhtClaims} where ${jhtClaims.state} in ('paid', 'rejected') and ${jhtClaims.updatedAt} <= ${cutoffAt})`;

const decidedCorrections = (cutoffAt: string) =>
  sql`${jhtClaimDocuments.id} in (select ${correctionRequests.evidenceDocumentId} from ${correctionRequests} where ${correctionRequests.state} <> 'pending' and ${correctionRequests.decidedAt} <= ${cutoffAt})`;

export const RETENTION_RULES: readonly RetentionRule[] = [
  {
    name: 'claim_documents_past_retention',
    setting: null,
    removes: 'claim documents past their retain-until day (PULIH_DOCUMENT_RETENTION_DAYS; unattached uploads: 2 days)',
    table: jhtClaimDocuments,
    documents: true,
    due: (_cutoff, today) => and(lte(jhtClaimDocuments.retainUntil, today), isNull(jhtClaimDocuments.deletedAt)),
  },
  {
    name: 'finished_claim_documents',
    setting: 'finished_claim_documents_days',
    removes: 'documents of paid or rejected claims',
    table: jhtClaimDocuments,
    documents: true,
    due: (cutoff, today) =>
      and(isNull(jhtClaimDocuments.deletedAt), gt(jhtClaimDocuments.retainUntil, today), finishedClaims(cutoff.at)),
  },
  {
    name: 'correction_evidence',
    setting: 'correction_evidence_days',
    removes: 'KTP/KK scans of decided correction requests',
    table: jhtClaimDocuments,
    documents: true,
    due: (cutoff, today) =>
      and(isNull(jhtClaimDocuments.deletedAt), gt(jhtClaimDocuments.retainUntil, today), decidedCorrections(cutoff.at)),
  },
  {
    name: 'verification_codes',
    setting: 'verification_codes_days',
    removes: 'expired or used one-time codes and link tokens',
    table: verificationCodes,
    due: (cutoff) =>
      or(
        lte(verificationCodes.expiresAt, cutoff.at),
        and(isNotNull(verificationCodes.consumedAt), lte(verificationCodes.consumedAt, cutoff.at)),
      ),
  },
  {
    name: 'member_sessions',
    setting: 'ended_sessions_days',
    removes: 'ended member sessions (revoked, expired or idle)',
    table: sessions,
    // A session idle since the cutoff ended long before it (the idle limit is 30 minutes).
    due: (cutoff) => or(lte(sessions.lastSeenAt, cutoff.at), lte(sessions.revokedAt, cutoff.at)),
  },
  {
    name: 'staff_tokens',
    setting: 'ended_sessions_days',
    removes: 'ended staff tokens (revoked or expired)',
    table: staffTokens,
    due: (cutoff) => or(lte(staffTokens.expiresAt, cutoff.at), lte(staffTokens.revokedAt, cutoff.at)),
  },
  {
    name: 'closed_support_tickets',
    setting: 'closed_tickets_days',
    removes: 'closed customer-service mail tickets',
    table: supportTickets,
    due: (cutoff) => and(eq(supportTickets.status, 'closed'), lte(supportTickets.closedAt, cutoff.at)),
  },
  {
    name: 'rejected_inbound_mail',
    setting: 'rejected_mail_days',
    removes: 'inbound mail that could not be read as a ticket',
    table: inboundMailRejects,
    due: (cutoff) => lte(inboundMailRejects.receivedAt, cutoff.at),
  },
  {
    name: 'queue_tickets',
    setting: 'queue_tickets_days',
    removes: 'branch queue tickets of past service days',
    table: queueTickets,
    due: (cutoff) => lte(queueTickets.serviceDay, cutoff.day),
  },
  {
    name: 'rate_limit_events',
    setting: 'rate_limit_events_days',
    removes: 'rate-limit events',
    table: rateLimitEvents,
    due: (cutoff) => lte(rateLimitEvents.at, cutoff.at),
  },
  {
    name: 'sent_messages',
    setting: 'sent_messages_days',
    removes: 'delivered emails and SMS (breach notices are kept as proof of the duty to notify)',
    table: outbox,
    due: (cutoff) => and(isNotNull(outbox.sentAt), lte(outbox.sentAt, cutoff.at), ne(outbox.template, 'breach_notice')),
  },
];

export interface RetentionLine {
  readonly rule: string;
  readonly setting: string;
  readonly value: number;
  readonly unit: 'days' | 'hours';
  readonly removes: string;
  /** Rows (or documents) past retention now. */
  readonly due: number;
}

function cutoffOf(rule: RetentionRule, values: Record<PrivacySettingName, number>, config: ServerConfig, now: Date) {
  const days = rule.setting === null ? config.documents.retentionDays : values[rule.setting];
  const at = new Date(now.getTime() - days * 86_400_000).toISOString();
  return { days, cutoff: { at, day: at.slice(0, 10) } };
}

const countWhere = (db: Db, table: SQLiteTable, where: SQL | undefined): number =>
  db.select({ n: sql<number>`count(*)` }).from(table).where(where).get()?.n ?? 0;

/** The policy as a table, with how many rows each rule would remove now. */
export function retentionPolicy(db: Db, config: ServerConfig, now: Date): RetentionLine[] {
  const values = privacySettingValues(db);
  const today = now.toISOString().slice(0, 10);
  return RETENTION_RULES.map((rule) => {
    const { days, cutoff } = cutoffOf(rule, values, config, now);
    return {
      rule: rule.name,
      setting: rule.setting ?? 'PULIH_DOCUMENT_RETENTION_DAYS',
      value: days,
      unit: 'days' as const,
      removes: rule.removes,
      due: countWhere(db, rule.table, rule.due(cutoff, today)),
    };
  });
}

export type RetentionActor = { kind: 'staff'; staffId: number } | { kind: 'system' };

/**
 * Purges what is past retention, one transaction per rule, each audited with its count (a rule
 * with nothing due writes nothing). Document files are deleted after their rows are marked.
 */
export function applyRetention(
  db: Db,
  config: ServerConfig,
  now: Date,
  actor: RetentionActor,
): { rule: string; removed: number }[] {
  const values = privacySettingValues(db);
  const today = now.toISOString().slice(0, 10);
  return RETENTION_RULES.map((rule) => {
    const { days, cutoff } = cutoffOf(rule, values, config, now);
    let files: string[] = [];
    const removed = db.transaction((tx) => {
      let count: number;
      if (rule.name === 'claim_documents_past_retention') {
        count = deleteExpiredDocuments(tx, config.documents, now);
      } else if (rule.documents) {
        files = tx
          .select({ id: jhtClaimDocuments.id })
          .from(jhtClaimDocuments)
          .where(rule.due(cutoff, today))
          .all()
          .map((row) => row.id);
        for (const id of files) markDocumentDeleted(tx, id, now);
        count = files.length;
      } else {
        const where = rule.due(cutoff, today);
        count = tx.delete(rule.table).where(where).run().changes;
      }
      if (count > 0) {
        appendAudit(
          tx,
          {
            actorKind: actor.kind,
            actorId: actor.kind === 'staff' ? String(actor.staffId) : null,
            action: 'privacy.retention_applied',
            memberId: null,
            channel: actor.kind === 'staff' ? 'cli' : 'system',
            detail: { rule: rule.name, removed: count, days, cutoff: cutoff.at },
          },
          now,
        );
      }
      return count;
    });
    if (files.length > 0) discardStoredFiles(config.documents, files);
    return { rule: rule.name, removed };
  });
}
