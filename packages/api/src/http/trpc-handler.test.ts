import { trpcServer } from '@hono/trpc-server';
import { Hono } from 'hono';
import { beforeAll, describe, expect, it } from 'vitest';
import { KIOSK_COOKIE, SESSION_COOKIE } from '../app.js';
import { DEMO_MEMBER_PASSWORD } from '../demo/demo-accounts.js';
import { appRouter } from '../router.js';
import { createTestServer, type TestServer } from '../test-support/test-server.js';
import { trpcContextFactory } from './trpc-context.js';
import { trpcHandler } from './trpc-handler.js';

/**
 * The lean handler must answer exactly as tRPC's own fetch adapter (through @hono/trpc-server,
 * which the API used before): same status, body, content type and headers, for successes,
 * batches, every kind of protocol error and procedure error.
 */
describe('trpcHandler', () => {
  let server: TestServer;
  let stock: Hono;
  let lean: Hono;
  let cookie: string;

  beforeAll(async () => {
    server = await createTestServer();
    const createContext = trpcContextFactory({
      database: server.database,
      config: server.config,
      clock: server.clock,
      sessionCookie: SESSION_COOKIE,
      kioskCookie: KIOSK_COOKIE,
    });
    stock = new Hono();
    stock.use(
      '/trpc/*',
      trpcServer({
        router: appRouter,
        endpoint: '/trpc',
        createContext: ({ resHeaders }, c) =>
          createContext(c, { append: (name, value) => resHeaders.append(name, value) }, false),
      }),
    );
    lean = new Hono();
    lean.use('/trpc/*', trpcHandler({ router: appRouter, endpoint: '/trpc', createContext }));
    cookie = await server.loginMember('siti.rahayu@example.com', DEMO_MEMBER_PASSWORD);
  });

  const both = async (path: string, init: RequestInit = {}) => {
    const [a, b] = [
      await stock.request(`http://localhost${path}`, init),
      await lean.request(`http://localhost${path}`, init),
    ];
    const view = async (r: Response) => ({
      status: r.status,
      body: await r.text(),
      contentType: r.headers.get('content-type'),
      vary: r.headers.get('vary'),
      allow: r.headers.get('allow'),
      setCookie: r.headers.get('set-cookie')?.replace(/pulih_session=[^;]+/, 'pulih_session=…') ?? null,
    });
    return { stock: await view(a), lean: await view(b) };
  };

  const json = { 'content-type': 'application/json' };
  const batch = (n: number) =>
    encodeURIComponent(JSON.stringify(Object.fromEntries([...Array(n).keys()].map((i) => [i, {}]))));

  const cases: [string, string, () => RequestInit][] = [
    ['a query', '/trpc/health', () => ({})],
    ['a batch of one, as httpBatchLink sends it', '/trpc/health?batch=1&input=%7B%7D', () => ({})],
    ['a member query without a session', '/trpc/member.profile', () => ({})],
    [
      'a batch of two member queries',
      `/trpc/member.profile,jht.kpjBalances?batch=1&input=${batch(2)}`,
      () => ({ headers: { cookie } }),
    ],
    ['an unknown procedure', '/trpc/nothing.here', () => ({})],
    ['a batch with an unknown procedure (207)', '/trpc/health,nothing?batch=1&input=%7B%7D', () => ({})],
    ['an encoded comma in the path', '/trpc/health%2Chealth?batch=1&input=%7B%7D', () => ({})],
    ['a bad URL encoding in the path', '/trpc/health%E0%A4%A?batch=1', () => ({})],
    ['a query by POST', '/trpc/health', () => ({ method: 'POST', headers: json, body: '{}' })],
    ['a mutation by GET', '/trpc/auth.login', () => ({})],
    ['mixed procedure types in a batch', '/trpc/health,auth.login?batch=1&input=%7B%7D', () => ({})],
    ['a body that is not JSON', '/trpc/auth.login', () => ({ method: 'POST', headers: json, body: '{nope' })],
    ['a query input that is not JSON', '/trpc/health?input=%7Bnope', () => ({})],
    ['a batch input that is not an object', '/trpc/health?batch=1&input=%5B1%5D', () => ({})],
    [
      'an input the procedure refuses',
      '/trpc/auth.login',
      () => ({ method: 'POST', headers: json, body: JSON.stringify({ identifier: '', password: 'x' }) }),
    ],
    [
      'a procedure error with an appCode',
      '/trpc/auth.login',
      () => ({
        method: 'POST',
        headers: json,
        body: JSON.stringify({ identifier: 'nobody@example.com', password: 'Wrong-Password-1' }),
      }),
    ],
    ['a POST without a content type (stock adapter)', '/trpc/auth.login', () => ({ method: 'POST', body: '{}' })],
    ['a HEAD request (stock adapter)', '/trpc/health', () => ({ method: 'HEAD' })],
  ];

  for (const [name, path, init] of cases) {
    it(`answers ${name} as tRPC's fetch adapter does`, async () => {
      const replies = await both(path, init());
      expect(replies.lean).toEqual(replies.stock);
    });
  }

  it('answers member reads from stored views (JSON text spliced in) as the stock adapter computes them', async () => {
    const views = () => server.database.sqlite.prepare('SELECT kind FROM member_views ORDER BY kind').pluck().all();
    const path = '/trpc/member.profile,jht.kpjBalances?batch=1&input=%7B%7D';
    for (const first of ['lean', 'stock'] as const) {
      server.database.sqlite.exec('DELETE FROM member_views');
      const computed = await (first === 'lean' ? lean : stock).request(`http://localhost${path}`, {
        headers: { cookie },
      });
      expect(views()).toEqual(['kpj_balances', 'profile']);
      const replies = await both(path, { headers: { cookie } });
      expect(replies.lean).toEqual(replies.stock);
      expect(replies.lean.body).toBe(await computed.text());
      expect(replies.lean.status).toBe(200);
      expect(JSON.parse(replies.lean.body)[1].result.data.cards.length).toBeGreaterThan(0);
    }
  });

  it('sets the session cookie on login and clears it on logout, as before', async () => {
    const body = JSON.stringify({ identifier: 'budi.santoso@example.com', password: DEMO_MEMBER_PASSWORD });
    const login = await both('/trpc/auth.login', { method: 'POST', headers: json, body });
    expect(login.lean).toEqual(login.stock);
    expect(login.lean.setCookie).toMatch(/^pulih_session=…; Max-Age=\d+; Path=\/; HttpOnly; SameSite=Lax$/);
    const own = await server.loginMember('budi.santoso@example.com', DEMO_MEMBER_PASSWORD);
    const logout = await lean.request('http://localhost/trpc/auth.logout', {
      method: 'POST',
      headers: { ...json, cookie: own },
    });
    expect(logout.status).toBe(200);
    expect(logout.headers.get('set-cookie')).toBe('pulih_session=; Max-Age=0; Path=/; HttpOnly; SameSite=Lax');
  });
});
