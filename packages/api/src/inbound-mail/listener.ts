import type { AddressInfo, Socket } from 'node:net';
import { SMTPServer } from 'smtp-server';
import type { Clock } from '../clock.js';
import type { Db } from '../db/database.js';
import { storeInboundMail } from './store-mail.js';

export interface InboundMailOptions {
  readonly db: Db;
  readonly clock: Clock;
  /** 0 picks a free port. */
  readonly port: number;
  readonly host: string;
  /** Larger messages are refused with 552 at the SMTP level and never stored. */
  readonly maxBytes: number;
  /** Longest a client may stay connected, however slowly it sends (slowloris). */
  readonly sessionLimitMs?: number;
  /** Longest a client may stay silent. */
  readonly idleTimeoutMs?: number;
  readonly maxClients?: number;
}

export interface InboundMailListener {
  readonly port: number;
  readonly close: () => Promise<void>;
}

export const INBOUND_DEFAULTS = { sessionLimitMs: 5 * 60_000, idleTimeoutMs: 30_000, maxClients: 50 } as const;

const smtpError = (responseCode: number, message: string): Error => Object.assign(new Error(message), { responseCode });

/**
 * The customer-service mailbox: a plain SMTP listener (no auth, no relaying) that turns every
 * readable message into a support ticket and keeps unreadable ones aside, answering 250 for
 * both so nothing is lost. Oversized mail is refused with 552; a storage failure answers 451
 * so that the sending server tries again later.
 */
export function startInboundMail(options: InboundMailOptions): Promise<InboundMailListener> {
  const { db, clock, maxBytes } = options;
  const sessionLimitMs = options.sessionLimitMs ?? INBOUND_DEFAULTS.sessionLimitMs;
  const server = new SMTPServer({
    name: 'pulih',
    banner: 'Pulih BPJS Ketenagakerjaan customer service',
    authOptional: true,
    disabledCommands: ['AUTH', 'STARTTLS'],
    disableReverseLookup: true,
    logger: false,
    size: maxBytes,
    rejectOversized: true,
    socketTimeout: options.idleTimeoutMs ?? INBOUND_DEFAULTS.idleTimeoutMs,
    closeTimeout: 5_000,
    maxClients: options.maxClients ?? INBOUND_DEFAULTS.maxClients,
    onData(stream, _session, callback) {
      const chunks: Buffer[] = [];
      let kept = 0;
      stream.on('data', (chunk: Buffer) => {
        // Past the limit the message is refused anyway: stop holding it in memory.
        if (kept <= maxBytes) {
          chunks.push(chunk);
          kept += chunk.length;
        }
      });
      stream.once('error', (error) => callback(error));
      stream.once('end', () => {
        if (stream.sizeExceeded) {
          callback(smtpError(552, `Error: message exceeds fixed maximum message size ${maxBytes}`));
          return;
        }
        storeInboundMail(db, Buffer.concat(chunks), clock.now()).then(
          () => callback(null, 'Diterima / received'),
          () => callback(smtpError(451, 'Temporary failure, please try again later')),
        );
      });
    },
  });
  // A hard cap per connection: the idle timeout alone lets a client that sends a byte now and
  // then hold a connection for ever.
  server.server.on('connection', (socket: Socket) => {
    const timer = setTimeout(() => socket.destroy(), sessionLimitMs);
    timer.unref();
    socket.once('close', () => clearTimeout(timer));
  });
  return new Promise((resolve, reject) => {
    const onError = (error: Error) => reject(error);
    server.once('error', onError);
    server.listen(options.port, options.host, () => {
      server.off('error', onError);
      // Later errors (a client resetting its connection) are the server's to log, not a crash.
      server.on('error', () => {});
      const address = server.server.address() as AddressInfo;
      resolve({ port: address.port, close: () => new Promise<void>((done) => server.close(() => done())) });
    });
  });
}
