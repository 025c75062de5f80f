import { randomUUID } from 'node:crypto';
import { normalizeEmail } from '@pulih/domain';
import { eq } from 'drizzle-orm';
import { type ParsedMail, simpleParser } from 'mailparser';
import { appendAudit } from '../audit/audit-log.js';
import type { Db } from '../db/database.js';
import { inboundMailRejects, supportTickets } from '../db/schema.js';

/** A ticket keeps this much of the body; the rest is cut with a visible marker. */
export const MAX_BODY_CHARS = 50_000;
/** How much of an unreadable message is kept for a person to look at. */
export const REJECT_HEAD_CHARS = 2_000;
/** RFC 5322 line limit: a longer Message-ID or subject is not a real one. */
const MAX_HEADER_CHARS = 998;

export type StoredMail =
  | { readonly kind: 'ticket'; readonly ticketId: string; readonly duplicate: boolean }
  | { readonly kind: 'rejected'; readonly rejectId: string; readonly reason: string };

type Readable =
  | {
      readonly ok: true;
      readonly messageId: string | null;
      readonly from: string;
      readonly subject: string;
      readonly body: string;
      readonly attachmentCount: number;
    }
  | { readonly ok: false; readonly reason: string };

const oneLine = (value: string): string =>
  value
    .replace(/[\p{Cc}\p{Cf}]+/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim();

/** Keeps line breaks and tabs, drops the other control characters a terminal would act on. */
const plainText = (value: string): string => value.replace(/\r\n?/g, '\n').replace(/[^\P{Cc}\n\t]|\p{Cf}/gu, '');

export function truncateBody(text: string): string {
  if (text.length <= MAX_BODY_CHARS) return text;
  const cut = text.length - MAX_BODY_CHARS;
  return `${text.slice(0, MAX_BODY_CHARS)}\n\n[… dipotong / truncated: ${cut} more characters]`;
}

/** The text of an HTML-only mail when mailparser found no text part (it usually converts it itself). */
const htmlToText = (html: string): string =>
  html
    .replace(/<(script|style)[\s\S]*?<\/\1>/gi, '')
    .replace(/<br\s*\/?>|<\/p>|<\/div>|<\/li>|<\/tr>/gi, '\n')
    .replace(/<[^>]*>/g, '')
    .replace(/&nbsp;/g, ' ')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&')
    .replace(/\n{3,}/g, '\n\n')
    .trim();

function readMail(mail: ParsedMail): Readable {
  const address = mail.from?.value[0]?.address;
  const from = address ? normalizeEmail(address) : null;
  if (!from?.ok) return { ok: false, reason: 'no_sender: the message has no readable From address' };
  const text = mail.text?.trim() ? mail.text : typeof mail.html === 'string' ? htmlToText(mail.html) : '';
  const subject = oneLine(mail.subject ?? '').slice(0, MAX_HEADER_CHARS);
  if (!text.trim() && !subject && mail.attachments.length === 0) {
    return { ok: false, reason: 'empty: the message has neither subject, text nor attachments' };
  }
  const messageId = mail.messageId && mail.messageId.length <= MAX_HEADER_CHARS ? mail.messageId.trim() : null;
  return {
    ok: true,
    messageId: messageId || null,
    from: from.value,
    subject,
    body: truncateBody(plainText(text).trim()),
    attachmentCount: mail.attachments.length,
  };
}

async function parse(raw: Buffer): Promise<Readable> {
  try {
    // Attachments are counted, never stored; skipping image links keeps HTML-to-text cheap.
    return readMail(await simpleParser(raw, { skipImageLinks: true, skipTextToHtml: true }));
  } catch (error) {
    return { ok: false, reason: `unparsable: ${oneLine(error instanceof Error ? error.message : String(error))}` };
  }
}

/**
 * Turns one received message into a support ticket, or keeps it aside as a reject with the
 * reason, so that nothing received is lost. A message resent with the same Message-ID is the
 * same ticket. Every received mail is audited with references and sizes, never its body.
 */
export async function storeInboundMail(db: Db, raw: Buffer, now: Date): Promise<StoredMail> {
  const readable = await parse(raw);
  const sizeBytes = raw.length;
  const receivedAt = now.toISOString();
  return db.transaction((tx): StoredMail => {
    if (!readable.ok) {
      const rejectId = randomUUID();
      tx.insert(inboundMailRejects)
        .values({
          id: rejectId,
          receivedAt,
          reason: readable.reason.slice(0, 500),
          sizeBytes,
          rawHead: raw
            .subarray(0, REJECT_HEAD_CHARS * 4)
            .toString('utf8')
            .slice(0, REJECT_HEAD_CHARS),
        })
        .run();
      appendAudit(
        tx,
        {
          actorKind: 'anonymous',
          actorId: null,
          action: 'support.mail_rejected',
          memberId: null,
          channel: 'system',
          detail: { rejectId, sizeBytes, reason: readable.reason.split(':')[0] ?? 'unreadable' },
        },
        now,
      );
      return { kind: 'rejected', rejectId, reason: readable.reason };
    }
    const existing =
      readable.messageId === null
        ? undefined
        : tx
            .select({ id: supportTickets.id })
            .from(supportTickets)
            .where(eq(supportTickets.messageId, readable.messageId))
            .get();
    const ticketId = existing?.id ?? randomUUID();
    if (!existing) {
      tx.insert(supportTickets)
        .values({
          id: ticketId,
          messageId: readable.messageId,
          fromAddress: readable.from,
          subject: readable.subject,
          body: readable.body,
          attachmentCount: readable.attachmentCount,
          status: 'open',
          receivedAt,
        })
        .run();
    }
    appendAudit(
      tx,
      {
        actorKind: 'anonymous',
        actorId: null,
        action: 'support.mail_received',
        memberId: null,
        channel: 'system',
        detail: {
          ticketId,
          sizeBytes,
          attachmentCount: readable.attachmentCount,
          duplicate: existing !== undefined,
        },
      },
      now,
    );
    return { kind: 'ticket', ticketId, duplicate: existing !== undefined };
  });
}
