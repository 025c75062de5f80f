import { getConnInfo } from '@hono/node-server/conninfo';
import type { Context as HonoContext } from 'hono';
import { serialize } from 'hono/utils/cookie';
import type { Clock } from '../clock.js';
import type { OpenedDatabase } from '../db/database.js';
import type { ServerConfig } from '../env.js';
import type { Context, RequestMeta } from '../trpc.js';
import { readCookie } from './cookie.js';
import type { ResponseHeaderSink } from './trpc-handler.js';

export interface TrpcContextOptions {
  readonly database: OpenedDatabase;
  readonly config: ServerConfig;
  readonly clock: Clock;
  readonly sessionCookie: string;
  readonly kioskCookie: string;
}

/** What every request of one app shares: the cookie names. */
interface CookieNames {
  readonly session: string;
  readonly kiosk: string;
}

/**
 * What a procedure may read of the HTTP request, each read on first use: most procedures need
 * one cookie or none, and few need the address or the user agent, so a request pays only for
 * what its procedure reads (no URL parsing, only the cookie it asks for). A class rather than an
 * object of closures: nothing is allocated per request but the instance.
 */
class HttpRequestMeta implements RequestMeta {
  #sessionToken: string | null | undefined;
  #kioskToken: string | null | undefined;
  #ip: string | undefined;
  constructor(
    private readonly c: HonoContext,
    private readonly res: ResponseHeaderSink,
    private readonly names: CookieNames,
    readonly servesJsonText: boolean,
  ) {}

  /** One cookie, read alone from the header (`cookie.ts`). */
  #cookie(name: string): string | null {
    return readCookie(this.c.req.raw.headers.get('cookie'), name);
  }

  #setCookie(name: string, value: string, maxAge: number): void {
    const secure = this.c.req.url.startsWith('https:') || this.c.req.header('x-forwarded-proto') === 'https';
    this.res.append(
      'set-cookie',
      serialize(name, value, { httpOnly: true, sameSite: 'Lax', secure, path: '/', maxAge }),
    );
  }

  get ip(): string {
    if (this.#ip === undefined) {
      try {
        this.#ip = getConnInfo(this.c).remote.address ?? 'unknown';
      } catch {
        // Not running on a Node socket (tests through app.request): no address to record.
        this.#ip = 'unknown';
      }
    }
    return this.#ip;
  }
  get userAgent(): string {
    return this.c.req.header('user-agent') ?? '';
  }
  get sessionToken(): string | null {
    if (this.#sessionToken === undefined) this.#sessionToken = this.#cookie(this.names.session);
    return this.#sessionToken;
  }
  get bearerToken(): string | null {
    const authorization = this.c.req.header('authorization') ?? '';
    return authorization.startsWith('Bearer ') ? authorization.slice(7) : null;
  }
  get kioskToken(): string | null {
    if (this.#kioskToken === undefined) this.#kioskToken = this.#cookie(this.names.kiosk);
    return this.#kioskToken;
  }
  setSessionCookie(token: string, maxAgeSeconds: number): void {
    this.#setCookie(this.names.session, token, maxAgeSeconds);
  }
  clearSessionCookie(): void {
    this.#setCookie(this.names.session, '', 0);
  }
  setKioskCookie(token: string, maxAgeSeconds: number): void {
    this.#setCookie(this.names.kiosk, token, maxAgeSeconds);
  }
}

/** The tRPC context of one HTTP request (see `HttpRequestMeta`). */
export function trpcContextFactory(
  options: TrpcContextOptions,
): (c: HonoContext, res: ResponseHeaderSink, servesJsonText: boolean) => Context {
  const { database, config, clock, sessionCookie, kioskCookie } = options;
  const db = database.db;
  const names: CookieNames = { session: sessionCookie, kiosk: kioskCookie };
  return (c, res, servesJsonText) => ({
    db,
    config,
    clock,
    request: new HttpRequestMeta(c, res, names, servesJsonText),
  });
}
