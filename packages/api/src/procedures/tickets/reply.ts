import { maskEmail, maskPhone, normalizePhone } from '@pulih/domain';
import { eq } from 'drizzle-orm';
import { z } from 'zod';
import { supportTickets } from '../../db/schema.js';
import { appError } from '../../errors.js';
import { enqueueNotice } from '../../notifications/outbox.js';
import { SUPPORT_MESSAGE_MAX_CHARS, SUPPORT_SMS_MAX_CHARS, toGsmBasic } from '../../notifications/templates.js';
import { findAccountByMemberId } from '../../repositories/account-repository.js';
import { staffProcedure } from '../../trpc.js';
import { auditTicketAction, compareTicket, loadTicket, TICKET_ROLES, ticketIdInput } from './ticket-support.js';

export const replyTicketOutput = z.object({
  sentTo: z.enum(['registered_email', 'registered_phone', 'sender_neutral']),
  maskedDestination: z.string(),
  /** The sender, not being the registered address, also got the neutral answer. */
  neutralToSender: z.boolean(),
});

/** Masked data only: a full NIK or an unmasked mobile number in a reply is refused. */
function requireMaskedOnly(message: string): void {
  if (/\d{16}/.test(message.replace(/[\s.-]/g, ''))) {
    throw appError('INVALID_INPUT', 'Write masked data only: the message holds what looks like a full NIK.');
  }
  for (const match of message.matchAll(/(?:\+62|62|0)[\s.-]?8[\d\s().-]{7,16}\d/g)) {
    if (normalizePhone(match[0]).ok) {
      throw appError('INVALID_INPUT', 'Write masked data only: mask the phone number (e.g. 0812-****-**90).');
    }
  }
}

/**
 * Answers a ticket. A reply about account data goes only to the member's REGISTERED email (or
 * by SMS to the registered phone when there is no email), never to a sender who is not the
 * registered address: that sender gets the neutral answer saying where to turn instead. The
 * staff member cannot choose the destination; it follows from the ticket and the registry.
 */
export const reply = staffProcedure(TICKET_ROLES)
  .input(
    z.object({
      ticketId: ticketIdInput,
      message: z.string().trim().min(1).max(SUPPORT_MESSAGE_MAX_CHARS),
      reason: z.string().trim().min(1).max(500),
    }),
  )
  .output(replyTicketOutput)
  .mutation(({ ctx, input }) => {
    const now = ctx.clock.now();
    const ticket = loadTicket(ctx.db, input.ticketId);
    if (ticket.status === 'closed') throw appError('CONFLICT', 'The ticket is closed; nothing more is sent from it.');
    requireMaskedOnly(input.message);
    const compared = compareTicket(ctx.db, ticket);
    const { member, replyDestination } = compared;
    if (replyDestination === 'registered_phone' && toGsmBasic(input.message).length > SUPPORT_SMS_MAX_CHARS) {
      throw appError(
        'INVALID_INPUT',
        `This reply goes by SMS: keep it to ${SUPPORT_SMS_MAX_CHARS} characters (now ${toGsmBasic(input.message).length}).`,
      );
    }
    const locale = (member && findAccountByMemberId(ctx.db, member.memberId)?.locale) || 'id';
    const result = ctx.db.transaction((tx) => {
      let sent: z.infer<typeof replyTicketOutput>;
      if (member && replyDestination === 'registered_email' && member.email) {
        enqueueNotice(
          tx,
          {
            channel: 'email',
            recipient: member.email,
            template: 'support_reply',
            locale,
            data: { fullName: member.fullName, message: input.message },
            memberId: member.memberId,
          },
          now,
        );
        sent = { sentTo: 'registered_email', maskedDestination: maskEmail(member.email), neutralToSender: false };
      } else if (member && replyDestination === 'registered_phone' && member.phone) {
        enqueueNotice(
          tx,
          {
            channel: 'sms',
            recipient: member.phone,
            template: 'support_reply',
            locale,
            data: { fullName: member.fullName, message: input.message },
            memberId: member.memberId,
          },
          now,
        );
        sent = { sentTo: 'registered_phone', maskedDestination: maskPhone(member.phone), neutralToSender: true };
      } else {
        sent = { sentTo: 'sender_neutral', maskedDestination: maskEmail(ticket.fromAddress), neutralToSender: true };
      }
      if (sent.neutralToSender) {
        // The same answer whether the member exists or not, so a sender learns nothing from it.
        enqueueNotice(
          tx,
          {
            channel: 'email',
            recipient: ticket.fromAddress,
            template: 'support_neutral_reply',
            locale: 'id',
            data: {},
            memberId: null,
          },
          now,
        );
      }
      tx.update(supportTickets).set({ status: 'answered' }).where(eq(supportTickets.id, ticket.id)).run();
      auditTicketAction(
        tx,
        ctx.staff,
        ticket,
        sent.sentTo === 'sender_neutral' ? null : (member?.memberId ?? null),
        'support.ticket_replied',
        { sentTo: sent.sentTo, neutralToSender: sent.neutralToSender, reason: input.reason },
        now,
      );
      return sent;
    });
    return result;
  });
