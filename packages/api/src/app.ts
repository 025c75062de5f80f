import { getConnInfo } from '@hono/node-server/conninfo';
import { trpcServer } from '@hono/trpc-server';
import { Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { getCookie } from 'hono/cookie';
import { secureHeaders } from 'hono/secure-headers';
import { serialize } from 'hono/utils/cookie';
import type { Clock } from './clock.js';
import { systemClock } from './clock.js';
import type { OpenedDatabase } from './db/database.js';
import type { ServerConfig } from './env.js';
import { devMailbox } from './http/dev-mailbox.js';
import { staticSite } from './http/static-site.js';
import { appRouter } from './router.js';
import type { Context as TrpcContext } from './trpc.js';

export const SESSION_COOKIE = 'pulih_session';
/** The largest request body the API reads (a batch of a few procedure calls fits easily). */
export const MAX_REQUEST_BYTES = 64 * 1024;
/** The kiosk's device credential: httpOnly, so the kiosk's own wipe (and its scripts) cannot touch it. */
export const KIOSK_COOKIE = 'pulih_kiosk';

export interface AppOptions {
  readonly database: OpenedDatabase;
  readonly config: ServerConfig;
  readonly clock?: Clock;
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

export function createApp({ database, config, clock = systemClock }: AppOptions): Hono {
  const app = new Hono();
  app.use(
    '*',
    secureHeaders({
      contentSecurityPolicy: {
        defaultSrc: ["'self'"],
        imgSrc: ["'self'", 'data:'],
        styleSrc: ["'self'", "'unsafe-inline'"],
        frameAncestors: ["'none'"],
      },
      referrerPolicy: 'no-referrer',
    }),
  );

  app.get('/healthz', (c) => {
    const ok = database.isHealthy();
    return c.json({ ok, database: ok ? 'ok' : 'unreachable', demo: config.env.PULIH_DEMO }, ok ? 200 : 503);
  });

  // No procedure takes more than a few kilobytes: refuse large bodies before parsing them.
  app.use(
    '/trpc/*',
    bodyLimit({
      maxSize: MAX_REQUEST_BYTES,
      onError: (c) =>
        c.json(
          { error: { message: 'The request is too large.', data: { appCode: 'INVALID_INPUT', httpStatus: 413 } } },
          413,
        ),
    }),
  );

  // Mutations are POSTs: refuse those a browser marks as cross-site (CSRF).
  app.use('/trpc/*', async (c, next) => {
    if (c.req.method === 'POST' && isCrossSite(c.req.raw.headers, c.req.url)) {
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
    return next();
  });

  app.use(
    '/trpc/*',
    trpcServer({
      router: appRouter,
      endpoint: '/trpc',
      createContext: ({ resHeaders }, c): TrpcContext => {
        const isHttps = new URL(c.req.url).protocol === 'https:' || c.req.header('x-forwarded-proto') === 'https';
        const authorization = c.req.header('authorization') ?? '';
        const setCookie = (name: string, value: string, maxAge: number) =>
          resHeaders.append(
            'set-cookie',
            serialize(name, value, { httpOnly: true, sameSite: 'Lax', secure: isHttps, path: '/', maxAge }),
          );
        let ip = 'unknown';
        try {
          ip = getConnInfo(c).remote.address ?? 'unknown';
        } catch {
          // Not running on a Node socket (tests through app.request): no address to record.
        }
        return {
          db: database.db,
          config,
          clock,
          request: {
            ip,
            userAgent: c.req.header('user-agent') ?? '',
            sessionToken: getCookie(c, SESSION_COOKIE) ?? null,
            bearerToken: authorization.startsWith('Bearer ') ? authorization.slice(7) : null,
            kioskToken: getCookie(c, KIOSK_COOKIE) ?? null,
            // tRPC builds its own response: cookies go through its response headers.
            setSessionCookie: (token, maxAgeSeconds) => setCookie(SESSION_COOKIE, token, maxAgeSeconds),
            clearSessionCookie: () => setCookie(SESSION_COOKIE, '', 0),
            setKioskCookie: (token, maxAgeSeconds) => setCookie(KIOSK_COOKIE, token, maxAgeSeconds),
          },
        };
      },
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
