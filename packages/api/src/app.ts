import { type Context, Hono, type MiddlewareHandler, type Next } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import type { Clock } from './clock.js';
import { systemClock } from './clock.js';
import type { OpenedDatabase } from './db/database.js';
import { checkedAtOpen, type IntegrityCheck } from './db/integrity-check.js';
import type { ServerConfig } from './env.js';
import { devMailbox } from './http/dev-mailbox.js';
import { securedReply, securityHeaders } from './http/security-headers.js';
import { staticSite } from './http/static-site.js';
import { trpcContextFactory } from './http/trpc-context.js';
import { trpcHandler } from './http/trpc-handler.js';
import { importUploadRoute } from './imports/upload-route.js';
import { appRouter } from './router.js';

export const SESSION_COOKIE = 'pulih_session';
/** The largest request body the API reads (a batch of a few procedure calls fits easily). */
export const MAX_REQUEST_BYTES = 64 * 1024;
/** The kiosk's device credential: httpOnly, so the kiosk's own wipe (and its scripts) cannot touch it. */
export const KIOSK_COOKIE = 'pulih_kiosk';

export interface AppOptions {
  readonly database: OpenedDatabase;
  readonly config: ServerConfig;
  readonly clock?: Clock;
  /** `pnpm bench:api` only: `GET /bench/bare`, a bare Hono route, the baseline of the bench. */
  readonly benchRoute?: boolean;
  /** The integrity check of the database file (`db/integrity-check.ts`); by default checked at open. */
  readonly integrity?: IntegrityCheck;
}

/** True when a browser tells us the request comes from another site. */
function isCrossSite(headers: Headers, requestUrl: string): boolean {
  const fetchSite = headers.get('sec-fetch-site');
  if (fetchSite === 'cross-site') return true;
  const origin = headers.get('origin');
  if (!origin || origin === 'null') return origin === 'null';
  try {
    const host = headers.get('x-forwarded-host') ?? headers.get('host') ?? new URL(requestUrl).host;
    return new URL(origin).host !== host;
  } catch {
    return true;
  }
}

/** Refuses bodies above `maxSize` before they are parsed, with a tRPC-shaped error. */
const limitTo = (
  maxSize: number,
  message: string,
  appCode: 'INVALID_INPUT' | 'DOCUMENT_REJECTED' = 'DOCUMENT_REJECTED',
): MiddlewareHandler =>
  bodyLimit({ maxSize, onError: (c) => c.json({ error: { message, data: { appCode, httpStatus: 413 } } }, 413) });

export function createApp({
  database,
  config,
  clock = systemClock,
  benchRoute = false,
  integrity = checkedAtOpen,
}: AppOptions): Hono {
  const app = new Hono();
  // Hono's secureHeaders with our policy (`http/security-headers.ts`), on every reply.
  app.use('*', securityHeaders());

  // `integrity`: `checking` while a large file's background check runs (the server answers
  // meanwhile), `failed` once it found damage (503, so that the operator's monitoring sees it).
  app.get('/healthz', (c) => {
    const reachable = database.isHealthy();
    const checked = integrity.state().state;
    const ok = reachable && checked !== 'failed';
    const state = !reachable ? 'unreachable' : checked === 'failed' ? 'damaged' : 'ok';
    return c.json({ ok, database: state, integrity: checked, demo: config.env.PULIH_DEMO }, ok ? 200 : 503);
  });
  if (benchRoute) app.get('/bench/bare', (c) => c.json({ ok: true }));

  // Staff file imports stream in without a size limit (members, contributions; bearer token).
  app.route('/api/imports', importUploadRoute({ database, clock, identityKey: config.identityKey }));

  // Claim documents and correction evidence come base64-encoded in JSON: their procedures take up to the document limit
  // (the counter several documents at once); the bytes themselves are checked again after decoding.
  // No other procedure takes more than a few kilobytes: refuse large bodies before parsing them.
  const documentBody = Math.ceil((config.documents.maxBytes * 4) / 3) + 16 * 1024;
  const documentMessage = `The file is larger than ${Math.floor(config.documents.maxBytes / 1024 / 1024)} MB.`;
  const limits = new Map([
    ['/trpc/claims.uploadDocument', limitTo(documentBody, documentMessage)],
    ['/trpc/claims.submitAtCounter', limitTo(documentBody * 12, documentMessage)],
    ['/trpc/corrections.request', limitTo(documentBody, documentMessage)],
  ]);
  const generalLimit = limitTo(MAX_REQUEST_BYTES, 'The request is too large.', 'INVALID_INPUT');
  // Mutations are POSTs: refuse those a browser marks as cross-site (CSRF).
  const postChecks = async (c: Context, next: Next) => {
    if (c.req.method !== 'POST') return next();
    if (isCrossSite(c.req.raw.headers, c.req.url)) {
      return c.json(
        {
          error: {
            message: 'Cross-site requests are refused.',
            data: { appCode: 'CROSS_SITE_REQUEST', httpStatus: 403 },
          },
        },
        403,
      );
    }
    // Every client sends JSON. A form (text/plain, url-encoded, multipart) is what another site can
    // post without a preflight: refuse it before any procedure reads it as an empty input.
    const mediaType = (c.req.header('content-type') ?? '').split(';')[0]?.trim().toLowerCase();
    if (mediaType !== 'application/json') {
      return c.json(
        {
          error: {
            message: 'Requests to the API are JSON (Content-Type: application/json).',
            data: { appCode: 'INVALID_INPUT', httpStatus: 415 },
          },
        },
        415,
      );
    }
    return next();
  };
  // The body limit, then the checks above, for every method but GET: a GET carries no body (tRPC
  // reads a query's input from the URL; checking it would build a fetch Request) and changes
  // nothing, so member reads go straight to the handler.
  app.use('/trpc/*', (c, next) =>
    c.req.method === 'GET'
      ? next()
      : (limits.get(c.req.path) ?? generalLimit)(c, () => postChecks(c, next) as Promise<void>),
  );

  app.use(
    '/trpc/*',
    trpcHandler({
      router: appRouter,
      endpoint: '/trpc',
      createContext: trpcContextFactory({
        database,
        config,
        clock,
        sessionCookie: SESSION_COOKIE,
        kioskCookie: KIOSK_COOKIE,
      }),
      reply: securedReply,
      onError: ({ error, path }) => {
        if (error.code === 'INTERNAL_SERVER_ERROR') {
          console.error(`[trpc] ${path ?? '?'}: ${error.cause?.stack ?? error.stack ?? error.message}`);
        }
      },
    }),
  );

  if (config.devMailbox) app.get('/dev/mailbox', devMailbox(database.db));

  const kiosk = staticSite(config.env.PULIH_KIOSK_DIR, '/kiosk');
  app.get('/kiosk', (c) => c.redirect('/kiosk/'));
  app.get('/kiosk/*', kiosk);
  app.get('*', staticSite(config.env.PULIH_WEB_DIR, ''));
  return app;
}
