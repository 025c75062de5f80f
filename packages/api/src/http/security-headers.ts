import type { MiddlewareHandler } from 'hono';
import type { secureHeaders } from 'hono/secure-headers';

/**
 * The security headers of every reply: what Hono's `secureHeaders` sets with the options below
 * (its defaults, `Referrer-Policy: no-referrer` and our Content-Security-Policy), written out once
 * as a plain record. `security-headers.test.ts` checks that it is exactly what `secureHeaders`
 * sets with these options, so a Hono upgrade that changes its defaults fails there.
 */
export const SECURE_HEADERS_OPTIONS: Parameters<typeof secureHeaders>[0] = {
  contentSecurityPolicy: {
    defaultSrc: ["'self'"],
    imgSrc: ["'self'", 'data:'],
    styleSrc: ["'self'", "'unsafe-inline'"],
    frameAncestors: ["'none'"],
    // Not covered by default-src: no <base> may redirect relative URLs, forms post only here.
    baseUri: ["'none'"],
    formAction: ["'self'"],
  },
  referrerPolicy: 'no-referrer',
};

export const SECURITY_HEADERS: Readonly<Record<string, string>> = Object.freeze({
  'Cross-Origin-Resource-Policy': 'same-origin',
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Origin-Agent-Cluster': '?1',
  'Referrer-Policy': 'no-referrer',
  'Strict-Transport-Security': 'max-age=15552000; includeSubDomains',
  'X-Content-Type-Options': 'nosniff',
  'X-DNS-Prefetch-Control': 'off',
  'X-Download-Options': 'noopen',
  'X-Frame-Options': 'SAMEORIGIN',
  'X-Permitted-Cross-Domain-Policies': 'none',
  'X-XSS-Protection': '0',
  'Content-Security-Policy':
    "default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; frame-ancestors 'none'; base-uri 'none'; form-action 'self'",
});

const entries = Object.entries(SECURITY_HEADERS);
/** As a `Headers` object would name them (lower case), so both kinds of reply send the same bytes. */
const lowerCased = Object.fromEntries(entries.map(([name, value]) => [name.toLowerCase(), value]));

/** Marks the replies built by `securedReply`: they carry the headers already. */
const SECURED: unique symbol = Symbol('security headers included');

/**
 * A reply with `headers` and the security headers in one plain record, built once: a handler on
 * the hot path (the tRPC handler) answers with it, so that the middleware need not turn the reply's
 * headers into a `Headers` object to add twelve more (which, with Node's server adapter then
 * turning them back into a record, cost more than the rest of a small reply).
 */
export function securedReply(body: string, status: number, headers: Record<string, string>): Response {
  // Object.assign, not a spread: spreading a second object into a literal took V8's slow path (~10 µs).
  const response = new Response(body, { status, headers: Object.assign({}, headers, lowerCased) });
  (response as Response & { [SECURED]?: true })[SECURED] = true;
  return response;
}

/**
 * The global middleware: adds the security headers to every reply (replacing any a handler set,
 * and removing `X-Powered-By`), as Hono's `secureHeaders` does, except to a reply from
 * `securedReply`, which has them.
 */
export const securityHeaders = (): MiddlewareHandler =>
  async function securityHeaders(c, next) {
    await next();
    if ((c.res as Response & { [SECURED]?: true })[SECURED] === true) return;
    const headers = c.res.headers;
    for (const [name, value] of entries) headers.set(name, value);
    headers.delete('X-Powered-By');
    if (isApiPath(c.req.path)) headers.set('Cache-Control', API_CACHE_CONTROL);
  };

/**
 * API replies carry personal data (a member's contacts and balances, a case's identity, an
 * import's rejected rows) or refusals: no browser, proxy or back button may keep one. The tRPC
 * handler sets it on its own replies; the middleware on every other reply under these paths.
 */
export const API_CACHE_CONTROL = 'no-store';
const isApiPath = (path: string) => path.startsWith('/trpc/') || path.startsWith('/api/');
