import { normalizePersonName } from '@pulih/domain';
import { eq } from 'drizzle-orm';
import { z } from 'zod';
import { appendAudit } from '../../audit/audit-log.js';
import type { Db } from '../../db/database.js';
import { type StaffRole, supportTickets } from '../../db/schema.js';
import { appError } from '../../errors.js';
import { findMemberIdByEmail } from '../../repositories/account-repository.js';
import { findMemberIdByLookupKey, getMemberRecord, type MemberRecord } from '../../repositories/member-repository.js';
import type { StaffIdentity } from '../../repositories/session-repository.js';
import { extractMailHints, type MailHints } from './mail-hints.js';

export const TICKET_ROLES: readonly StaffRole[] = ['customer_service_agent', 'supervisor'];

export const ticketIdInput = z.string().trim().min(1).max(64);
export const ticketStatus = z.enum(['open', 'answered', 'closed']);

export type TicketRow = typeof supportTickets.$inferSelect;

export function loadTicket(db: Db, ticketId: string): TicketRow {
  const row = db.select().from(supportTickets).where(eq(supportTickets.id, ticketId)).get();
  if (!row) throw appError('TICKET_NOT_FOUND');
  return row;
}

export interface TicketComparison {
  readonly hints: MailHints;
  readonly member: MemberRecord | null;
  readonly memberFound: boolean;
  readonly kpjMatches: boolean;
  readonly nameMatches: boolean;
  readonly phoneMatches: boolean;
  readonly senderIsRegisteredEmail: boolean;
  /** Where `tickets.reply` would send: see `replyDestinationOf`. */
  readonly replyDestination: 'registered_email' | 'registered_phone' | 'sender_neutral';
}

/**
 * Which member a mail is about, and which of the facts written in it match the registry. The
 * member is the one whose registered email sent the mail, else the one of the first KPJ in
 * it that the registry knows. Only the booleans leave the API.
 */
export function compareTicket(db: Db, ticket: TicketRow): TicketComparison {
  const hints = extractMailHints(`${ticket.subject}\n${ticket.body}`);
  const bySender = findMemberIdByEmail(db, ticket.fromAddress);
  const byKpj = hints.kpjNumbers
    .map((kpj) => findMemberIdByLookupKey(db, { kind: 'kpj', kpj }))
    .find((id): id is number => id !== null);
  const memberId = bySender ?? byKpj ?? null;
  const member = memberId === null ? null : getMemberRecord(db, memberId);
  const kpjMatches = member !== null && hints.kpjNumbers.some((kpj) => member.kpjNumbers.includes(kpj));
  const nameMatches =
    member !== null &&
    hints.fullName !== null &&
    normalizePersonName(hints.fullName) === normalizePersonName(member.fullName);
  const phoneMatches = member?.phone != null && hints.phones.includes(member.phone);
  const senderIsRegisteredEmail = member?.email != null && member.email.toLowerCase() === ticket.fromAddress;
  const facts = { memberFound: member !== null, kpjMatches, nameMatches, phoneMatches, senderIsRegisteredEmail };
  return { hints, member, ...facts, replyDestination: replyDestinationOf(member, facts) };
}

/**
 * A reply about account data goes only to a registered contact: the registered email when it
 * sent the mail; the registered phone (SMS) when the member has no email and the KPJ, name and
 * phone in the mail all match. Everyone else gets the neutral answer at their own address,
 * the same whether the member exists or not.
 */
function replyDestinationOf(
  member: MemberRecord | null,
  facts: Pick<TicketComparison, 'kpjMatches' | 'nameMatches' | 'phoneMatches' | 'senderIsRegisteredEmail'>,
): TicketComparison['replyDestination'] {
  if (member?.email && facts.senderIsRegisteredEmail) return 'registered_email';
  if (member && !member.email && member.phone && facts.kpjMatches && facts.nameMatches && facts.phoneMatches) {
    return 'registered_phone';
  }
  return 'sender_neutral';
}

export function auditTicketAction(
  db: Db,
  staff: StaffIdentity,
  ticket: Pick<TicketRow, 'id'>,
  memberId: number | null,
  action: string,
  detail: Record<string, string | number | boolean | null>,
  now: Date,
): void {
  appendAudit(
    db,
    {
      actorKind: 'staff',
      actorId: String(staff.staffId),
      action,
      memberId,
      channel: 'cli',
      detail: { ticketId: ticket.id, ...detail },
    },
    now,
  );
}
