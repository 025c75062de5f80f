import { randomUUID } from 'node:crypto';
import type { Db } from '../db/database.js';
import { outbox } from '../db/schema.js';
import { type NoticeData, type NoticeLocale, type NoticeTemplate, renderNotice } from './templates.js';

export interface NoticeRequest {
  readonly channel: 'email' | 'sms';
  readonly recipient: string;
  readonly template: NoticeTemplate;
  readonly locale: NoticeLocale;
  readonly data: NoticeData;
  readonly memberId: number | null;
}

/**
 * Renders and inserts one outbox row; call inside the caller's transaction, so the message
 * exists exactly when the change that caused it was committed. Returns the message id (stable:
 * used as SMTP Message-ID and SMS idempotency key). The rendered text is stored, not the data,
 * so a later change of wording never alters a message already queued.
 */
export function enqueueNotice(db: Db, request: NoticeRequest, now: Date): string {
  const recipient = request.recipient.trim();
  if (recipient === '' || /[\r\n]/.test(recipient)) {
    throw new Error(`notice ${request.template}: the recipient is empty or spans several lines`);
  }
  const rendered = renderNotice(request.template, request.locale, request.data);
  const id = randomUUID();
  db.insert(outbox)
    .values({
      id,
      channel: request.channel,
      recipient,
      subject: request.channel === 'email' ? rendered.subject : null,
      body: request.channel === 'email' ? rendered.body : rendered.sms,
      template: request.template,
      memberId: request.memberId,
      createdAt: now.toISOString(),
      attempts: 0,
      nextAttemptAt: null,
    })
    .run();
  return id;
}
