import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import type { Clock } from '../clock.js';
import { openDatabase } from '../db/database.js';
import { outbox } from '../db/schema.js';
import { createDevAdapter } from './dev-adapter.js';
import { enqueueNotice } from './outbox.js';
import { OutboxSender } from './sender.js';
import { createSmsHttpAdapter } from './sms-http-adapter.js';

interface GatewayRequest {
  readonly method: string | undefined;
  readonly headers: IncomingHttpHeaders;
  readonly body: unknown;
}

/** A real HTTP server standing in for the SMS gateway; answers each request with the next status. */
async function startGateway(statuses: number[]) {
  const requests: GatewayRequest[] = [];
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      requests.push({ method: req.method, headers: req.headers, body: JSON.parse(Buffer.concat(chunks).toString()) });
      const status = statuses.shift() ?? 200;
      res.writeHead(status, { 'content-type': 'application/json' });
      res.end(JSON.stringify(status < 300 ? { accepted: true } : { error: 'gateway down' }));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/sms`,
    requests,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

const fixedClock: Clock = { now: () => new Date('2026-11-24T08:00:00.000Z') };

const cleanups: (() => unknown)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

async function setUp(statuses: number[]) {
  const gateway = await startGateway(statuses);
  cleanups.push(gateway.close);
  const opened = openDatabase(':memory:');
  cleanups.push(opened.close);
  const sender = new OutboxSender({
    db: opened.db,
    adapters: { email: createDevAdapter(), sms: createSmsHttpAdapter({ url: gateway.url }) },
    clock: fixedClock,
  });
  const id = enqueueNotice(
    opened.db,
    {
      channel: 'sms',
      recipient: '+6281234567890',
      template: 'contact_change_code',
      locale: 'id',
      data: { fullName: 'Budi Santoso', code: '705512', expiresMinutes: 10, contactKind: 'phone' },
      memberId: 3,
    },
    fixedClock.now(),
  );
  return { gateway, db: opened.db, sender, id };
}

describe('sms-http adapter', () => {
  it('posts { id, to, message } as JSON with the message id as Idempotency-Key', async () => {
    const { gateway, db, sender, id } = await setUp([202]);

    expect(await sender.runOnce()).toEqual({ sent: 1, failed: 0 });

    expect(gateway.requests).toHaveLength(1);
    const [request] = gateway.requests;
    expect(request?.method).toBe('POST');
    expect(request?.headers['content-type']).toBe('application/json');
    expect(request?.headers['idempotency-key']).toBe(id);
    expect(request?.body).toEqual({ id, to: '+6281234567890', message: expect.stringContaining('705512') });
    expect(db.select().from(outbox).get()?.sentAt).toBe('2026-11-24T08:00:00.000Z');
  });

  it('leaves the message unsent with attempts=1 and the error recorded when the gateway answers 500', async () => {
    const { gateway, db, sender } = await setUp([500]);

    expect(await sender.runOnce()).toEqual({ sent: 0, failed: 1 });

    expect(gateway.requests).toHaveLength(1);
    const row = db.select().from(outbox).get();
    expect(row).toMatchObject({ sentAt: null, attempts: 1, lastError: 'sms gateway answered HTTP 500' });
    expect(row?.nextAttemptAt).toBe('2026-11-24T08:00:30.000Z');
  });

  it('records an unreachable gateway as a failure with its cause', async () => {
    const { gateway, db, sender } = await setUp([]);
    await gateway.close();

    expect(await sender.runOnce()).toEqual({ sent: 0, failed: 1 });

    expect(db.select().from(outbox).get()?.lastError).toMatch(/^sms gateway unreachable: fetch failed: .*ECONNREFUSED/);
  });
});
