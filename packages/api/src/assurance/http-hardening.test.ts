/**
 * Issue #8, suite 7: HTTP hardening of the one server (portal, kiosk, API).
 *
 * Already proven elsewhere and not repeated: the session cookie's HttpOnly, SameSite=Lax and
 * Secure-behind-HTTPS flags (`procedures/auth/login.test.ts`), the kiosk cookie's HttpOnly
 * (`procedures/kiosk/kiosk.test.ts`), a login from another Origin refused and a 64 KiB body
 * refused on `auth.login` (`app.test.ts`), HTML, empty and oversized claim documents refused
 * (`procedures/claims/claims.test.ts`). This file covers the rest, over every procedure where the
 * promise is about every procedure.
 */
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Hono } from 'hono';
import { beforeAll, describe, expect, it } from 'vitest';
import { createApp, MAX_REQUEST_BYTES } from '../app.js';
import { jhtClaimDocuments } from '../db/schema.js';
import { loadConfig } from '../env.js';
import { appRouter } from '../router.js';
import { createTestServer, dataOf, type TestServer } from '../test-support/test-server.js';
import { accountIdOf, type Callers, makeCallers, memberCookie, watchBusinessWrites } from './support.js';

const AGUS = { email: 'agus.setiawan@example.com', kpj: '19099999999', nik: '3273011505920004' };
const PDF = Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n');

interface ProcedureDef {
  readonly _def: { readonly type: string };
}
const procedures = Object.entries(appRouter._def.procedures as unknown as Record<string, ProcedureDef>).map(
  ([path, p]) => ({ path, type: p._def.type }),
);
const mutations = procedures.filter((p) => p.type === 'mutation').map((p) => p.path);
const DOCUMENT_PATHS = ['claims.uploadDocument', 'claims.submitAtCounter', 'corrections.request'];

let server: TestServer;
let callers: Callers;
/** The same database behind an app that serves small built front ends from a temporary directory. */
let site: Hono;

beforeAll(async () => {
  server = await createTestServer();
  callers = makeCallers(server, 'http');
  const root = mkdtempSync(join(tmpdir(), 'pulih-hardening-'));
  for (const app of ['web', 'kiosk']) {
    mkdirSync(join(root, app, 'assets'), { recursive: true });
    writeFileSync(join(root, app, 'index.html'), `<!doctype html><script type="module" src="/assets/app.js"></script>`);
    writeFileSync(join(root, app, 'assets', 'app.js'), `console.log('${app}')`);
  }
  const loaded = loadConfig(
    {
      NODE_ENV: 'test',
      PULIH_DEMO: '1',
      PULIH_SECRET: 'test-secret-test-secret-test-secret-00',
      PULIH_DATA_DIR: mkdtempSync(join(tmpdir(), 'pulih-test-')),
      PULIH_WEB_DIR: join(root, 'web'),
      PULIH_KIOSK_DIR: join(root, 'kiosk'),
    },
    'start',
  );
  if (!loaded.ok) throw new Error(loaded.message);
  site = createApp({ database: server.database, config: loaded.config, clock: server.clock });
});

/** The directives of a Content-Security-Policy header. */
function cspOf(header: string | null): Map<string, string[]> {
  const directives = new Map<string, string[]>();
  for (const part of (header ?? '').split(';')) {
    const [name, ...values] = part.trim().split(/\s+/);
    if (name) directives.set(name.toLowerCase(), values);
  }
  return directives;
}

const post = (path: string, body: string, headers: Record<string, string> = {}) =>
  server.app.request(`http://localhost/trpc/${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body,
  });

describe('security headers on the portal, the kiosk and the API', () => {
  const responses: [string, () => Response | Promise<Response>][] = [
    ['portal /', () => site.request('http://localhost/')],
    ['portal deep link /akun/saldo-jht', () => site.request('http://localhost/akun/saldo-jht')],
    ['portal asset', () => site.request('http://localhost/assets/app.js')],
    ['kiosk /kiosk/', () => site.request('http://localhost/kiosk/')],
    ['kiosk asset', () => site.request('http://localhost/kiosk/assets/app.js')],
    ['API query', () => site.request('http://localhost/trpc/health')],
    [
      'API refusal 400',
      () =>
        site.request('http://localhost/trpc/auth.login', {
          method: 'POST',
          body: '{',
          headers: { 'content-type': 'application/json' },
        }),
    ],
    ['API refusal 401', () => site.request('http://localhost/trpc/member.profile')],
    [
      'API refusal 403 cross-site',
      () =>
        site.request('http://localhost/trpc/auth.logout', {
          method: 'POST',
          headers: { 'content-type': 'application/json', origin: 'https://evil.example' },
        }),
    ],
    [
      'API refusal 413',
      () =>
        site.request('http://localhost/trpc/auth.login', {
          method: 'POST',
          body: 'x'.repeat(MAX_REQUEST_BYTES + 1),
          headers: { 'content-type': 'application/json' },
        }),
    ],
    ['/healthz', () => site.request('http://localhost/healthz')],
    ['dev mailbox', () => site.request('http://localhost/dev/mailbox')],
  ];

  it.each(responses)('%s', async (_name, request) => {
    const response = await request();
    expect(response.status).toBeLessThan(500);
    const csp = cspOf(response.headers.get('content-security-policy'));
    expect(csp.get('default-src')).toEqual(["'self'"]);
    // Scripts fall back to default-src unless script-src says otherwise: never inline, eval or other hosts.
    const scripts = csp.get('script-src') ?? csp.get('default-src') ?? [];
    expect(scripts).toEqual(["'self'"]);
    for (const directive of ['script-src-elem', 'script-src-attr']) expect(csp.has(directive)).toBe(false);
    expect(csp.get('frame-ancestors')).toEqual(["'none'"]);
    // Neither falls back to default-src: no <base> may redirect relative URLs; forms post only here.
    expect(csp.get('base-uri')).toEqual(["'none'"]);
    expect(csp.get('form-action')).toEqual(["'self'"]);
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(response.headers.get('referrer-policy')).toBe('no-referrer');
    expect(response.headers.get('x-frame-options')).toMatch(/^(DENY|SAMEORIGIN)$/);
    expect(response.headers.get('strict-transport-security')).toMatch(/max-age=\d{7,}/);
    expect(response.headers.get('cross-origin-opener-policy')).toBe('same-origin');
  });

  it('lets no browser, proxy or back button keep an API reply: personal data, refusals, every path', async () => {
    const cookie = memberCookie(server, accountIdOf(server, AGUS.email));
    const replies: [string, Response][] = [
      [
        'a member reading their profile',
        await site.request('http://localhost/trpc/member.profile', { headers: { cookie } }),
      ],
      [
        'a member reading their balances (stored view)',
        await site.request('http://localhost/trpc/jht.kpjBalances?batch=1&input=%7B%7D', { headers: { cookie } }),
      ],
      [
        'the same, from the stored view',
        await site.request('http://localhost/trpc/jht.kpjBalances?batch=1&input=%7B%7D', { headers: { cookie } }),
      ],
      ['a refusal 401', await site.request('http://localhost/trpc/member.profile')],
      ['a HEAD (stock adapter)', await site.request('http://localhost/trpc/health', { method: 'HEAD' })],
      [
        'a login that sets a cookie',
        await site.request('http://localhost/trpc/auth.login', {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ identifier: AGUS.email, password: 'Wrong-password-1' }),
        }),
      ],
      [
        'a refusal 413',
        await site.request('http://localhost/trpc/auth.login', {
          method: 'POST',
          body: 'x'.repeat(MAX_REQUEST_BYTES + 1),
          headers: { 'content-type': 'application/json' },
        }),
      ],
      ['an import upload refused', await site.request('http://localhost/api/imports/nothing', { method: 'POST' })],
    ];
    for (const [what, response] of replies) {
      expect(response.status, what).toBeLessThan(500);
      expect(response.headers.get('cache-control'), what).toBe('no-store');
    }
    expect(replies[0]?.[1].status).toBe(200);
    // Pages and assets keep their own caching.
    expect((await site.request('http://localhost/assets/app.js')).headers.get('cache-control')).toMatch(/immutable/);
  });

  const builtIndexes = ['apps/web/dist/index.html', 'apps/kiosk/dist/index.html']
    .map((path) => fileURLToPath(new URL(`../../../../${path}`, import.meta.url)))
    .filter(existsSync);

  it.skipIf(builtIndexes.length === 0)(
    'the built front ends need no inline script, so the policy does not break them',
    () => {
      for (const file of builtIndexes) {
        const html = readFileSync(file, 'utf8');
        for (const [tag] of html.matchAll(/<script\b[^>]*>/g)) expect(tag, file).toMatch(/\bsrc=/);
        expect(html.replace(/<script\b[^>]*>\s*<\/script>/g, ''), file).not.toMatch(/<script\b/);
        expect(html, file).not.toMatch(/\son[a-z]+\s*=/i);
        expect(html, file).not.toMatch(/javascript:/i);
      }
    },
  );

  it('answers a malformed percent-encoding in a page path with the page, not a server error', async () => {
    for (const path of ['/%E0%A4%A', '/kiosk/%', '/akun/%ff', '/%']) {
      const response = await site.request(`http://localhost${path}`);
      expect(response.status, path).toBe(200);
      expect(response.headers.get('content-security-policy'), path).toContain("frame-ancestors 'none'");
    }
    // And the API answers such paths as an unknown procedure.
    const api = await site.request('http://localhost/trpc/%E0%A4%A');
    expect(api.status).toBe(400);
  });
});

describe('cookies', () => {
  it('pairs a kiosk with an HttpOnly, SameSite=Lax cookie for the whole site, Secure behind HTTPS', async () => {
    for (const https of [false, true]) {
      const { pairingCode } = dataOf<{ pairingCode: string }>(
        await server.call('kiosk.pair', { label: `Kios ${https}` }, { bearer: callers.staff.branch_officer }),
      );
      const reply = await server.call(
        'kiosk.completePairing',
        { pairingCode },
        { headers: https ? { 'x-forwarded-proto': 'https' } : {} },
      );
      const cookie = reply.headers.get('set-cookie') ?? '';
      expect(cookie).toMatch(/^pulih_kiosk=[\w-]{40,};/);
      expect(cookie).toMatch(/; HttpOnly/);
      expect(cookie).toMatch(/; SameSite=Lax/);
      expect(cookie).toMatch(/; Path=\//);
      expect(/; Secure/.test(cookie)).toBe(https);
    }
  });

  it('ends a session with a cookie cleared under the same flags', async () => {
    const cookie = memberCookie(server, accountIdOf(server, AGUS.email));
    const reply = await server.call('auth.logout', undefined, { cookie, headers: { 'x-forwarded-proto': 'https' } });
    const cleared = reply.headers.get('set-cookie') ?? '';
    expect(cleared).toMatch(/^pulih_session=;/);
    expect(cleared).toMatch(/Max-Age=0/);
    expect(cleared).toMatch(/; HttpOnly/);
    expect(cleared).toMatch(/; SameSite=Lax/);
    expect(cleared).toMatch(/; Secure/);
  });
});

describe('cross-site mutations', () => {
  const crossSite: [string, Record<string, string>][] = [
    ['an Origin of another site', { origin: 'https://evil.example', host: 'localhost' }],
    ['a look-alike Origin', { origin: 'http://localhost.evil.example', host: 'localhost' }],
    ['another port', { origin: 'http://localhost:8080', host: 'localhost' }],
    ['Origin null (sandboxed frame, data: page)', { origin: 'null' }],
    ['Sec-Fetch-Site: cross-site and no Origin', { 'sec-fetch-site': 'cross-site' }],
    [
      'Sec-Fetch-Site: cross-site with a forwarded host matching the Origin',
      { 'sec-fetch-site': 'cross-site', origin: 'https://evil.example', 'x-forwarded-host': 'evil.example' },
    ],
  ];

  it.each(crossSite)(
    'refuses every mutation of the router with %s, writing nothing and setting no cookie',
    async (_name, headers) => {
      const watch = watchBusinessWrites(server);
      const before = watch.writes();
      const cookie = memberCookie(server, accountIdOf(server, AGUS.email));
      for (const path of mutations) {
        const response = await post(path, '{}', { cookie, ...headers });
        expect(response.status, path).toBe(403);
        expect(await response.json(), path).toMatchObject({ error: { data: { appCode: 'CROSS_SITE_REQUEST' } } });
        expect(response.headers.get('set-cookie'), path).toBeNull();
      }
      // A batch naming several mutations is refused as a whole.
      const batch = await post(`${mutations.slice(0, 3).join(',')}?batch=1`, '{"0":{},"1":{},"2":{}}', headers);
      expect(batch.status).toBe(403);
      expect(watch.writes()).toBe(before);
    },
  );

  it('accepts the same requests from the same origin (the refusal is the origin, not the request)', async () => {
    const response = await post('auth.logout', '', {
      origin: 'http://localhost',
      host: 'localhost',
      'sec-fetch-site': 'same-origin',
    });
    expect(response.status).toBe(200);
  });

  it('runs no mutation from a GET (a link or an image on another site), from any caller', async () => {
    const watch = watchBusinessWrites(server);
    const before = watch.writes();
    const cookie = memberCookie(server, accountIdOf(server, AGUS.email));
    for (const path of mutations) {
      const response = await server.app.request(`http://localhost/trpc/${path}?input=${encodeURIComponent('{}')}`, {
        headers: { cookie, authorization: `Bearer ${callers.staff.admin}` },
      });
      expect(response.status, path).toBe(405);
    }
    expect(watch.writes()).toBe(before);
  });

  it('changes nothing from the bodies a cross-site form can send without a preflight (text/plain, form, multipart)', async () => {
    // The Origin and Sec-Fetch-Site check above is the defence; this is what stands behind it,
    // for a browser that would send neither.
    const watch = watchBusinessWrites(server);
    const before = watch.writes();
    const cookie = memberCookie(server, accountIdOf(server, AGUS.email));
    const preferences = async () =>
      (await server.call('notices.preferences', undefined, { method: 'GET', cookie })).text;
    const preferencesBefore = await preferences();
    const bodies: [string, string][] = [
      ['text/plain', '{"intoKpj":"19099999999"}'],
      ['application/x-www-form-urlencoded', 'intoKpj=19099999999&claim_state=1'],
      [
        'multipart/form-data; boundary=x',
        '--x\r\nContent-Disposition: form-data; name="claim_state"\r\n\r\n{"email":false,"sms":false}\r\n--x--\r\n',
      ],
    ];
    const accepted: string[] = [];
    for (const [contentType, body] of bodies) {
      for (const path of mutations) {
        const response = await post(path, body, { 'content-type': contentType, cookie });
        expect(response.status, `${path} ${contentType}`).toBeLessThan(500);
        expect(response.headers.get('set-cookie'), path).toBeNull();
        if (response.status === 200) accepted.push(`${path} ${contentType}`);
        // Every non-JSON body is refused before any procedure sees it.
        else expect(response.status, `${path} ${contentType}`).toBe(415);
      }
    }
    expect(accepted).toEqual([]);
    expect(await preferences()).toBe(preferencesBefore);
    expect(watch.writes()).toBe(before);
    // The session was not ended by auth.logout either.
    expect((await server.call('member.profile', undefined, { method: 'GET', cookie })).status).toBe(200);
  });
});

describe('request body size', () => {
  const oversized = JSON.stringify({ value: 'x'.repeat(MAX_REQUEST_BYTES) });

  it('refuses more than 64 KiB on every procedure that takes no document, with 413 and INVALID_INPUT', async () => {
    for (const path of procedures.map((p) => p.path).filter((p) => !DOCUMENT_PATHS.includes(p))) {
      const response = await post(path, oversized);
      expect(response.status, path).toBe(413);
      expect(await response.json(), path).toMatchObject({
        error: { message: 'The request is too large.', data: { appCode: 'INVALID_INPUT', httpStatus: 413 } },
      });
    }
  });

  it('counts a body streamed without a length too, and a batch that names a document procedure beside another', async () => {
    const stream = () =>
      new ReadableStream<Uint8Array>({
        start(controller) {
          for (let i = 0; i < 20; i++) controller.enqueue(new Uint8Array(4096).fill(0x20));
          controller.close();
        },
      });
    const streamed = await server.app.request('http://localhost/trpc/auth.login', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: stream(),
      duplex: 'half',
    } as RequestInit);
    expect(streamed.status).toBe(413);
    for (const path of [
      'claims.uploadDocument,auth.login?batch=1',
      'claims.uploadDocument/',
      'claims.uploadDocument,claims.uploadDocument?batch=1',
    ]) {
      expect((await post(path, oversized)).status, path).toBe(413);
    }
  });

  it('lets the document procedures take a real scan, and refuses one over the document limit before reading it', async () => {
    const cookie = memberCookie(server, accountIdOf(server, AGUS.email));
    const megabyte = Buffer.concat([PDF, Buffer.alloc(1024 * 1024, 0x20)]);
    const accepted = await server.call(
      'claims.uploadDocument',
      { kind: 'ktp', contentBase64: megabyte.toString('base64') },
      { cookie },
    );
    expect(accepted.status, accepted.text).toBe(200);
    const stored = server.db.select().from(jhtClaimDocuments).all().length;
    const limit = server.config.documents.maxBytes;
    const tooLarge = Buffer.concat([PDF, Buffer.alloc(limit + 64 * 1024, 0x20)]).toString('base64');
    for (const [path, input] of [
      ['claims.uploadDocument', { kind: 'ktp', contentBase64: tooLarge }],
      [
        'corrections.request',
        { field: 'birth_date', value: '1992-05-15', evidenceKind: 'ktp', evidenceBase64: tooLarge },
      ],
    ] as const) {
      const refused = await server.call(path, input, { cookie });
      expect(refused.status, path).toBe(413);
      expect(refused.json.error?.data.appCode, path).toBe('DOCUMENT_REJECTED');
      expect(refused.json.error?.message, path).toBe(`The file is larger than ${Math.floor(limit / 1024 / 1024)} MB.`);
    }
    expect(server.db.select().from(jhtClaimDocuments).all()).toHaveLength(stored);
  });
});

describe('upload type checks: the content decides, never a name or a declared type', () => {
  const refusedContents: [string, Buffer][] = [
    [
      'HTML (as a file named ktp.pdf would carry)',
      Buffer.from('<!doctype html><html><script>alert(1)</script></html>'),
    ],
    ['HTML with a PDF header further down', Buffer.from('<html><body>%PDF-1.4</body></html>')],
    ['SVG with a script', Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>')],
    ['an executable', Buffer.from('MZ\u0090\u0000\u0003\u0000\u0000\u0000\u0004\u0000')],
    ['a ZIP (or DOCX)', Buffer.from('PK\u0003\u0004\u0014\u0000\u0000\u0000')],
    ['a GIF', Buffer.from('GIF89a\u0001\u0000\u0001\u0000')],
    ['a PDF header after a BOM and spaces', Buffer.from('\ufeff  %PDF-1.4\n')],
    ['empty', Buffer.alloc(0)],
  ];

  it.each(refusedContents)('refuses %s on every way a file comes in, storing nothing', async (_name, content) => {
    const cookie = memberCookie(server, accountIdOf(server, AGUS.email));
    const before = server.db.select().from(jhtClaimDocuments).all().length;
    const files = readdirSync(server.config.documents.dir).length;
    const base64 = content.toString('base64');
    const upload = await server.call('claims.uploadDocument', { kind: 'ktp', contentBase64: base64 }, { cookie });
    const evidence = await server.call(
      'corrections.request',
      { field: 'birth_date', value: '1992-05-15', evidenceKind: 'ktp', evidenceBase64: base64 },
      { cookie },
    );
    const officer = callers.staff.branch_officer;
    const opened = dataOf<{ caseId: string; outcome: string }>(
      await server.call(
        'case.openBranch',
        {
          kpj: AGUS.kpj,
          nik: AGUS.nik,
          documents: ['ktp', 'kpj_card'],
          photoMatches: true,
          reason: 'klaim JHT di loket',
        },
        { bearer: officer },
      ),
    );
    const counter = await server.call(
      'claims.submitAtCounter',
      {
        caseId: opened.caseId,
        reason: 'resignation',
        bank: { bankCode: '002', accountNumber: '0123-01-000456-50-7', holderName: 'Agus Setiawan' },
        documents: [
          { kind: 'ktp', contentBase64: PDF.toString('base64') },
          { kind: 'kpj_card', contentBase64: base64 },
        ],
      },
      { bearer: officer },
    );
    for (const [name, reply] of [
      ['upload', upload],
      ['correction evidence', evidence],
      ['counter', counter],
    ] as const) {
      expect(reply.status, `${name}: ${reply.text}`).toBe(400);
      expect(reply.json.error?.data.appCode, name).toMatch(/^(DOCUMENT_REJECTED|INVALID_INPUT)$/);
    }
    expect(server.db.select().from(jhtClaimDocuments).all()).toHaveLength(before);
    // The counter's first document (a valid PDF) was written before the second was refused: its file goes too.
    expect(readdirSync(server.config.documents.dir)).toHaveLength(files);
  });
});
