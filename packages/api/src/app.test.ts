import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createApp } from './app.js';
import { openDatabase } from './db/database.js';
import { auditLog, outbox } from './db/schema.js';
import { loadConfig } from './env.js';
import { createTestServer } from './test-support/test-server.js';

describe('GET /healthz', () => {
  it('answers 200 with JSON when the database answers', async () => {
    const server = await createTestServer();
    const response = await server.app.request('/healthz');
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ ok: true, database: 'ok', integrity: 'ok', demo: true });
  });

  it('answers 503 when the database is gone', async () => {
    const server = await createTestServer();
    server.database.close();
    const response = await server.app.request('/healthz');
    expect(response.status).toBe(503);
    expect(await response.json()).toMatchObject({ ok: false });
  });
});

describe('cross-site protection', () => {
  it('refuses a mutation whose Origin is another site', async () => {
    const server = await createTestServer();
    const reply = await server.call(
      'auth.login',
      { identifier: 'siti.rahayu@example.com', password: 'Pulih-Demo-2026' },
      { headers: { origin: 'https://evil.example', host: 'localhost' } },
    );
    expect(reply.status).toBe(403);
    expect(reply.json.error?.data.appCode).toBe('CROSS_SITE_REQUEST');
    expect(reply.headers.get('set-cookie')).toBeNull();
  });

  it('accepts a mutation from the same origin', async () => {
    const server = await createTestServer();
    const reply = await server.call(
      'auth.login',
      { identifier: 'siti.rahayu@example.com', password: 'Pulih-Demo-2026' },
      { headers: { origin: 'http://localhost', host: 'localhost' } },
    );
    expect(reply.status).toBe(200);
  });
});

describe('request size', () => {
  it('refuses a body over 64 KiB with 413 before any procedure runs, and keeps no data', async () => {
    const server = await createTestServer();
    const huge = JSON.stringify({ identifier: 'siti.rahayu@example.com', password: 'x'.repeat(70 * 1024) });
    const response = await server.app.request('http://localhost/trpc/auth.login', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: huge,
    });
    expect(response.status).toBe(413);
    expect(await response.json()).toMatchObject({ error: { data: { appCode: 'INVALID_INPUT' } } });
    expect(server.db.select().from(auditLog).all()).toHaveLength(0);
  });
});

describe('dev mailbox', () => {
  it('lists messages from the outbox in demo mode, escaped', async () => {
    const server = await createTestServer();
    server.db
      .insert(outbox)
      .values({
        id: 'm1',
        channel: 'sms',
        recipient: '+6281234567890',
        body: 'Kode <b>123456</b>',
        createdAt: '2026-11-24T08:00:00Z',
      })
      .run();
    const response = await server.app.request('/dev/mailbox');
    expect(response.status).toBe(200);
    const html = await response.text();
    expect(html).toContain('+6281234567890');
    expect(html).toContain('Kode &#60;b&#62;123456&#60;/b&#62;');
  });

  it('does not exist outside demo mode', async () => {
    const server = await createTestServer({ demo: false });
    const response = await server.app.request('/dev/mailbox');
    expect(await response.text()).not.toContain('Dev mailbox');
  });
});

describe('static front ends', () => {
  it('serves the web app at / and the kiosk at /kiosk/, falling back to index.html', async () => {
    const root = mkdtempSync(join(tmpdir(), 'pulih-static-'));
    for (const app of ['web', 'kiosk']) {
      mkdirSync(join(root, app, 'assets'), { recursive: true });
      writeFileSync(join(root, app, 'index.html'), `<h1>${app}</h1>`);
      writeFileSync(join(root, app, 'assets', 'app.js'), `console.log('${app}')`);
    }
    const loaded = loadConfig(
      { PULIH_DEMO: '1', PULIH_WEB_DIR: join(root, 'web'), PULIH_KIOSK_DIR: join(root, 'kiosk') },
      'start',
    );
    if (!loaded.ok) throw new Error(loaded.message);
    const app = createApp({ database: openDatabase(':memory:'), config: loaded.config });
    expect(await (await app.request('/')).text()).toBe('<h1>web</h1>');
    expect(await (await app.request('/profil')).text()).toBe('<h1>web</h1>');
    expect(await (await app.request('/kiosk/')).text()).toBe('<h1>kiosk</h1>');
    const asset = await app.request('/kiosk/assets/app.js');
    expect(asset.headers.get('content-type')).toContain('text/javascript');
    expect(await asset.text()).toBe("console.log('kiosk')");
    expect(await (await app.request('/../../etc/passwd')).text()).toBe('<h1>web</h1>');
    expect((await app.request('/')).headers.get('content-security-policy')).toContain("default-src 'self'");
  });
});
