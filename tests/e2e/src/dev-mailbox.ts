/** One message of the demo server's dev mailbox (`GET /dev/mailbox?format=json`). */
export interface MailboxMessage {
  id: number | string;
  channel: 'email' | 'sms';
  recipient: string;
  subject: string | null;
  body: string;
  template: string;
  createdAt: string;
}

async function readMailbox(serverUrl: string): Promise<MailboxMessage[]> {
  const response = await fetch(`${serverUrl}/dev/mailbox?format=json`);
  if (!response.ok) throw new Error(`dev mailbox answered ${response.status}`);
  return ((await response.json()) as { messages: MailboxMessage[] }).messages;
}

/** Every message to `recipient` (and of `template`, if given), newest first. */
export async function messagesTo(serverUrl: string, recipient: string, template?: string): Promise<MailboxMessage[]> {
  const messages = await readMailbox(serverUrl);
  return messages.filter(
    (message) =>
      message.recipient.toLowerCase() === recipient.toLowerCase() &&
      (template === undefined || message.template === template),
  );
}

/**
 * The newest message to `recipient` (of `template`, if given), polling briefly because the
 * server writes it in the same request that the page is waiting on. `newerThan` skips messages
 * already seen, so a test can wait for the next code rather than read the previous one.
 */
export async function latestMessage(
  serverUrl: string,
  recipient: string,
  template?: string,
  { timeoutMs = 5_000, newerThan }: { timeoutMs?: number; newerThan?: MailboxMessage | undefined } = {},
): Promise<MailboxMessage> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const [latest] = await messagesTo(serverUrl, recipient, template);
    if (latest && (newerThan === undefined || latest.id !== newerThan.id)) return latest;
    if (Date.now() > deadline) {
      throw new Error(`no ${template ?? 'message'} for ${recipient} in the dev mailbox within ${timeoutMs} ms`);
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** The 6-digit code in a message body. */
export function codeIn(message: MailboxMessage): string {
  const match = /\b(\d{6})\b/.exec(message.body);
  if (!match?.[1]) throw new Error(`no 6-digit code in ${message.template}: ${message.body}`);
  return match[1];
}

/**
 * The first link in a message to `path`, in full as the message has it: the test server's
 * public URL is its own origin, so the link opens as it is (see `startDemoServer`).
 */
export function linkIn(message: MailboxMessage, path: string): string {
  for (const [raw] of message.body.matchAll(/https?:\/\/[^\s<>"')]+/g)) {
    if (new URL(raw).pathname === path) return raw;
  }
  throw new Error(`no link to ${path} in ${message.template}: ${message.body}`);
}
