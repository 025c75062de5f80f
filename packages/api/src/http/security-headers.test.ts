import { Hono } from 'hono';
import { secureHeaders } from 'hono/secure-headers';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_MEMBER_PASSWORD } from '../demo/demo-accounts.js';
import { createTestServer, type TestServer } from '../test-support/test-server.js';
import { SECURE_HEADERS_OPTIONS, SECURITY_HEADERS, securedReply, securityHeaders } from './security-headers.js';

const headersOf = (response: Response): Record<string, string> => Object.fromEntries(response.headers.entries());

/** Every header but those that describe the body itself. */
const securityPart = (response: Response) => {
  const { 'content-type': _t, 'content-length': _l, vary: _v, ...rest } = headersOf(response);
  return rest;
};

describe('security headers', () => {
  it('are exactly what Hono’s secureHeaders sets with our options', async () => {
    const hono = new Hono();
    hono.use('*', secureHeaders(SECURE_HEADERS_OPTIONS));
    hono.get('/', (c) => c.text('ok'));
    const expected = securityPart(await hono.request('/'));
    const lowerCased = Object.fromEntries(Object.entries(SECURITY_HEADERS).map(([k, v]) => [k.toLowerCase(), v]));
    expect(lowerCased).toEqual(expected);

    const ours = new Hono();
    ours.use('*', securityHeaders());
    ours.get('/', (c) => {
      c.header('X-Powered-By', 'something');
      return c.text('ok');
    });
    ours.get('/secured', () => securedReply('ok', 200, { 'content-type': 'text/plain' }));
    expect(securityPart(await ours.request('/'))).toEqual(expected);
    expect(securityPart(await ours.request('/secured'))).toEqual(expected);
  });

  describe('on the API', () => {
    let server: TestServer;
    let cookie: string;
    beforeAll(async () => {
      server = await createTestServer();
      cookie = await server.loginMember('siti.rahayu@example.com', DEMO_MEMBER_PASSWORD);
    });
    afterAll(() => server.database.close());

    it('every tRPC reply has the same security headers as any other route, and may not be stored', async () => {
      const expected = {
        ...securityPart(await server.app.request('http://localhost/healthz')),
        'cache-control': 'no-store',
      };
      expect(Object.keys(expected).length).toBeGreaterThanOrEqual(12);
      const replies = [
        await server.app.request('http://localhost/trpc/health?batch=1&input=%7B%7D'),
        await server.app.request('http://localhost/trpc/member.profile?batch=1&input=%7B%7D', {
          headers: { cookie },
        }),
        await server.app.request('http://localhost/trpc/member.profile'),
        await server.app.request('http://localhost/trpc/nothing.here'),
        await server.app.request('http://localhost/trpc/health', { method: 'HEAD' }),
      ];
      for (const reply of replies) expect(securityPart(reply)).toEqual(expected);
      // A reply that sets a cookie (logout clears it) takes the other way, with the same headers.
      const logout = await server.app.request('http://localhost/trpc/auth.logout', {
        method: 'POST',
        headers: { 'content-type': 'application/json', cookie },
      });
      expect(logout.status).toBe(200);
      expect(logout.headers.get('set-cookie')).toMatch(/pulih_session=;/);
      const { 'set-cookie': _c, ...rest } = securityPart(logout);
      expect(rest).toEqual(expected);
    });
  });
});
