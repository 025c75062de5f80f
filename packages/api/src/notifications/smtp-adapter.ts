import nodemailer from 'nodemailer';
import type { DeliveryAdapter, OutboxMessage } from './sender.js';

export interface SmtpAdapterOptions {
  /** `smtp://user:pass@host:587` or `smtps://…:465`, as nodemailer reads it. */
  readonly url: string;
  /** The From header, e.g. `Pulih BPJS Ketenagakerjaan <no-reply@…>`. */
  readonly from: string;
}

export interface SmtpAdapter extends DeliveryAdapter {
  /** Closes pooled connections (only open when the URL asks for `?pool=true`). */
  close(): void;
}

/** The Message-ID a message keeps on every try, so a receiving server can drop a duplicate. */
export const smtpMessageId = (id: string): string => `<${id}@pulih>`;

export function createSmtpAdapter(options: SmtpAdapterOptions): SmtpAdapter {
  const transport = nodemailer.createTransport({
    url: options.url,
    // nodemailer's defaults (up to 10 minutes of socket silence) would outlast the sender's lease.
    connectionTimeout: 10_000,
    greetingTimeout: 10_000,
    socketTimeout: 30_000,
  });
  return {
    async deliver(message: OutboxMessage): Promise<void> {
      if (message.channel !== 'email') throw new Error(`smtp adapter cannot deliver a ${message.channel} message`);
      const info = await transport.sendMail({
        from: options.from,
        to: message.recipient,
        subject: message.subject ?? '',
        text: message.body,
        messageId: smtpMessageId(message.id),
        // Tells auto-responders not to answer (RFC 3834).
        headers: { 'Auto-Submitted': 'auto-generated' },
      });
      if (info.rejected.length > 0) throw new Error('smtp server rejected the recipient');
    },
    close: () => transport.close(),
  };
}
