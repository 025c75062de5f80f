import { getConnInfo } from '@hono/node-server/conninfo';
import type { Context as HonoContext } from 'hono';
import { getCookie } from 'hono/cookie';
import { serialize } from 'hono/utils/cookie';
import type { Clock } from '../clock.js';
import type { OpenedDatabase } from '../db/database.js';
import type { ServerConfig } from '../env.js';
import type { Context, RequestMeta } from '../trpc.js';
import type { ResponseHeaderSink } from './trpc-handler.js';

export interface TrpcContextOptions {
  readonly database: OpenedDatabase;
  readonly config: ServerConfig;
  readonly clock: Clock;
  readonly sessionCookie: string;
  readonly kioskCookie: string;
}

/**
 * The tRPC context of one HTTP request. Everything is read lazily, on first use: most
 * procedures need one cookie or none, and few need the address or the user agent, so a request
 * pays only for what its procedure reads (no URL parsing, one cookie parse at most).
 */
export function trpcContextFactory(options: TrpcContextOptions): (c: HonoContext, res: ResponseHeaderSink) => Context {
  const { database, config, clock, sessionCookie, kioskCookie } = options;
  const db = database.db;
  return (c, res) => {
    let cookies: Record<string, string> | undefined;
    const cookie = (name: string): string | null => {
      cookies ??= getCookie(c);
      return cookies[name] ?? null;
    };
    let ip: string | undefined;
    const setCookie = (name: string, value: string, maxAge: number) => {
      const secure = c.req.url.startsWith('https:') || c.req.header('x-forwarded-proto') === 'https';
      res.append('set-cookie', serialize(name, value, { httpOnly: true, sameSite: 'Lax', secure, path: '/', maxAge }));
    };
    const request: RequestMeta = {
      get ip() {
        if (ip === undefined) {
          try {
            ip = getConnInfo(c).remote.address ?? 'unknown';
          } catch {
            // Not running on a Node socket (tests through app.request): no address to record.
            ip = 'unknown';
          }
        }
        return ip;
      },
      get userAgent() {
        return c.req.header('user-agent') ?? '';
      },
      get sessionToken() {
        return cookie(sessionCookie);
      },
      get bearerToken() {
        const authorization = c.req.header('authorization') ?? '';
        return authorization.startsWith('Bearer ') ? authorization.slice(7) : null;
      },
      get kioskToken() {
        return cookie(kioskCookie);
      },
      setSessionCookie: (token, maxAgeSeconds) => setCookie(sessionCookie, token, maxAgeSeconds),
      clearSessionCookie: () => setCookie(sessionCookie, '', 0),
      setKioskCookie: (token, maxAgeSeconds) => setCookie(kioskCookie, token, maxAgeSeconds),
    };
    return { db, config, clock, request };
  };
}
