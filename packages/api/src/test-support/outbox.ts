import { and, desc, eq } from 'drizzle-orm';
import type { Db } from '../db/database.js';
import { outbox } from '../db/schema.js';

export type OutboxRow = typeof outbox.$inferSelect;

/** The newest message queued for a recipient, optionally of one template. */
export function latestMessage(db: Db, recipient: string, template?: string): OutboxRow | null {
  const where = template
    ? and(eq(outbox.recipient, recipient), eq(outbox.template, template))
    : eq(outbox.recipient, recipient);
  return db.select().from(outbox).where(where).orderBy(desc(outbox.createdAt), desc(outbox.id)).limit(1).get() ?? null;
}

export const messagesTo = (db: Db, recipient: string): OutboxRow[] =>
  db.select().from(outbox).where(eq(outbox.recipient, recipient)).all();

/** The 6-digit code in a message body. */
export function codeIn(message: OutboxRow | null): string {
  const match = /\b(\d{6})\b/.exec(message?.body ?? '');
  if (!match?.[1]) throw new Error(`no code in message: ${message?.body ?? '(none)'}`);
  return match[1];
}

/** The token of the link in a message body. */
export function tokenIn(message: OutboxRow | null): string {
  const match = /token=([\w-]+)/.exec(message?.body ?? '');
  if (!match?.[1]) throw new Error(`no link in message: ${message?.body ?? '(none)'}`);
  return match[1];
}
