import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';

export interface Received {
  readonly rcptTo: string[];
  readonly raw: Buffer;
}

/** A real SMTP server on a free local port; `rejectRecipients` refuses that many RCPT TO first. */
export async function startSmtpServer(rejectRecipients = 0) {
  const received: Received[] = [];
  let rejectionsLeft = rejectRecipients;
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onRcptTo(_address, _session, callback) {
      if (rejectionsLeft > 0) {
        rejectionsLeft -= 1;
        callback(Object.assign(new Error('Mailbox temporarily unavailable'), { responseCode: 450 }));
        return;
      }
      callback();
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('end', () => {
        received.push({ rcptTo: session.envelope.rcptTo.map((r) => r.address), raw: Buffer.concat(chunks) });
        callback();
      });
    },
  });
  const listening = await new Promise<AddressInfo>((resolve) => {
    const net = server.listen(0, '127.0.0.1', () => resolve(net.address() as AddressInfo));
  });
  return {
    url: `smtp://127.0.0.1:${listening.port}`,
    received,
    close: () => new Promise<void>((resolve) => server.close(resolve)),
  };
}
