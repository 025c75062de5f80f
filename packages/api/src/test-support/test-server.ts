import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Hono } from 'hono';
import { createApp } from '../app.js';
import type { Clock } from '../clock.js';
import { type Db, type OpenedDatabase, openDatabase } from '../db/database.js';
import { seedDemo } from '../demo/seed-demo.js';
import { loadConfig, type ServerConfig } from '../env.js';

/** A clock that tests move by hand. */
export class ManualClock implements Clock {
  constructor(private current = new Date('2026-11-24T08:00:00Z')) {}
  now(): Date {
    return new Date(this.current);
  }
  advance(ms: number): void {
    this.current = new Date(this.current.getTime() + ms);
  }
}

/** The real app on a fresh in-memory database seeded with the demo registry. */
export async function createTestServer(options: { demo?: boolean; generated?: number } = {}): Promise<TestServer> {
  const demo = options.demo ?? true;
  const loaded = loadConfig(
    {
      NODE_ENV: 'test',
      PULIH_DEMO: demo ? '1' : '0',
      PULIH_SECRET: 'test-secret-test-secret-test-secret-00',
      // Claim documents are files: each test server keeps them in its own temporary directory.
      PULIH_DATA_DIR: mkdtempSync(join(tmpdir(), 'pulih-test-')),
    },
    'start',
  );
  if (!loaded.ok) throw new Error(loaded.message);
  const database = openDatabase(':memory:');
  const clock = new ManualClock();
  await seedDemo(database.db, loaded.config.identityKey, options.generated ?? 20, clock.now());
  const app = createApp({ database, config: loaded.config, clock });

  /** Calls a tRPC procedure over HTTP, as a browser on the same origin would. */
  async function call(
    path: string,
    input: unknown,
    init: { method?: 'GET' | 'POST'; cookie?: string; bearer?: string; headers?: Record<string, string> } = {},
  ) {
    const method = init.method ?? 'POST';
    const headers: Record<string, string> = { 'content-type': 'application/json', ...init.headers };
    if (init.cookie) headers.cookie = init.cookie;
    if (init.bearer) headers.authorization = `Bearer ${init.bearer}`;
    const url =
      method === 'GET'
        ? `http://localhost/trpc/${path}${input === undefined ? '' : `?input=${encodeURIComponent(JSON.stringify(input))}`}`
        : `http://localhost/trpc/${path}`;
    const response = await app.request(url, {
      method,
      headers,
      ...(method === 'POST' && input !== undefined ? { body: JSON.stringify(input) } : {}),
    });
    const text = await response.text();
    return { status: response.status, headers: response.headers as Headers, text, json: JSON.parse(text) as TrpcReply };
  }

  async function loginMember(identifier: string, password: string): Promise<string> {
    const reply = await call('auth.login', { identifier, password });
    const cookie = reply.headers.get('set-cookie');
    if (reply.status !== 200 || !cookie) throw new Error(`login failed: ${reply.text}`);
    return cookie.split(';')[0] ?? '';
  }

  return { app, database, db: database.db, clock, config: loaded.config, call, loginMember };
}

export interface TrpcReply {
  result?: { data: unknown };
  error?: {
    message: string;
    code: number;
    data: { appCode: string; httpStatus: number; code: string; retryAfterSeconds?: number; reasons?: string[] };
  };
}

export interface TrpcCallReply {
  readonly status: number;
  readonly headers: Headers;
  readonly text: string;
  readonly json: TrpcReply;
}

export interface TestServer {
  readonly app: Hono;
  readonly database: OpenedDatabase;
  readonly db: Db;
  readonly clock: ManualClock;
  readonly config: ServerConfig;
  readonly call: (
    path: string,
    input: unknown,
    init?: { method?: 'GET' | 'POST'; cookie?: string; bearer?: string; headers?: Record<string, string> },
  ) => Promise<TrpcCallReply>;
  readonly loginMember: (identifier: string, password: string) => Promise<string>;
}

/** The data of a successful reply; fails the test with the reply text otherwise. */
export function dataOf<T>(reply: TrpcCallReply): T {
  if (reply.status !== 200 || reply.json.result === undefined) throw new Error(`expected success, got ${reply.text}`);
  return reply.json.result.data as T;
}
