import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import type { Hono } from 'hono';

export interface RunningServer {
  readonly port: number;
  readonly url: string;
  readonly close: () => Promise<void>;
}

/** Listens on `port` (0 picks a free one) and resolves once the socket is bound. */
export function listen(app: Hono, port: number, hostname: string): Promise<RunningServer> {
  return new Promise((resolve, reject) => {
    // A staff file import streams for as long as the file takes (a national extract: many
    // minutes), so no whole-request time limit; slow senders are still cut while sending headers
    // (Node's headersTimeout), and idle sockets by keepAliveTimeout.
    const server = serve(
      { fetch: app.fetch, port, hostname, serverOptions: { requestTimeout: 0 } },
      (info: AddressInfo) => {
        resolve({
          port: info.port,
          url: `http://${hostname === '0.0.0.0' ? 'localhost' : hostname}:${info.port}`,
          close: () =>
            new Promise<void>((done) => {
              server.close(() => done());
              if ('closeAllConnections' in server) server.closeAllConnections();
            }),
        });
      },
    );
    server.once('error', reject);
  });
}
