/**
 * Helpers of the assurance suites (issue #8): callers of every kind on a test server, and a
 * watch on the business tables that tells whether a request wrote to them.
 */
import { createHash } from 'node:crypto';
import Database from 'better-sqlite3';
import { eq } from 'drizzle-orm';
import { drizzle } from 'drizzle-orm/better-sqlite3';
import { createApp } from '../app.js';
import { type OpenedDatabase, writeLockedTransactions } from '../db/database.js';
import * as schema from '../db/schema.js';
import { accounts, type StaffRole, staffRoles, staffUsers } from '../db/schema.js';
import { DEMO_BRANCH_CODE } from '../demo/demo-accounts.js';
import { createKiosk } from '../repositories/kiosk-repository.js';
import { createMemberSession, createStaffToken } from '../repositories/session-repository.js';
import { ManualClock, type TestServer, type TrpcReply } from '../test-support/test-server.js';

/** The tables whose content no refused request may change (issue #8, suite 1). */
export const BUSINESS_TABLES = [
  'members',
  'member_kpj',
  'member_contacts',
  'accounts',
  'jht_claims',
  'jht_claim_documents',
  'appointments',
  'support_tickets',
  'contributions',
  // Beyond the issue's list: balance transfers, person merges and corrections are business data too.
  'jht_transfers',
  'person_merges',
  'correction_requests',
] as const;

/**
 * Counts every row written to the business tables, through temporary triggers (they live in
 * this connection only, not in the schema). A write inside a transaction that is rolled back
 * is rolled back from the count too, so the count is the net effect of a request. Stricter
 * than a content checksum: a write that puts back the same value counts as well.
 *
 * One allowance, the "limit counters" of the issue: a refused password or code adds to
 * `accounts.failed_attempts` and may lock an active account. Those columns alone may change.
 */
export function watchBusinessWrites(server: TestServer): { readonly writes: () => number } {
  const sqlite = server.database.sqlite;
  sqlite.exec('create temp table if not exists assurance_writes (n integer not null)');
  sqlite.exec('delete from temp.assurance_writes; insert into temp.assurance_writes values (0)');
  const columns = (table: string) =>
    (sqlite.prepare(`pragma table_info(${table})`).all() as { name: string }[]).map((c) => c.name);
  for (const table of BUSINESS_TABLES) {
    for (const event of ['insert', 'delete']) {
      sqlite.exec(
        `create temp trigger if not exists assurance_${table}_${event} after ${event} on main.${table}
         begin update temp.assurance_writes set n = n + 1; end`,
      );
    }
    const others = columns(table).filter((c) => table !== 'accounts' || (c !== 'failed_attempts' && c !== 'state'));
    const changed = others.map((c) => `old."${c}" is not new."${c}"`).join(' or ');
    const lockOnly =
      table === 'accounts'
        ? ` or (old.state is not new.state and not (old.state = 'active' and new.state = 'locked'))`
        : '';
    sqlite.exec(
      `create temp trigger if not exists assurance_${table}_update after update on main.${table}
       when ${changed}${lockOnly}
       begin update temp.assurance_writes set n = n + 1; end`,
    );
  }
  const read = sqlite.prepare('select n from temp.assurance_writes').pluck();
  return { writes: () => read.get() as number };
}

/**
 * SHA-256 of the content of the business tables (every column of every row, in rowid order),
 * leaving out the limit counters of `accounts` (`failed_attempts`, `state`; the write counter
 * watches `state`). Costs a full read: used around whole
 * batches and as a cross-check of the write counter.
 */
export function businessChecksum(server: TestServer): string {
  const sqlite = server.database.sqlite;
  const hash = createHash('sha256');
  for (const table of BUSINESS_TABLES) {
    const columns = (sqlite.prepare(`pragma table_info(${table})`).all() as { name: string }[])
      .map((c) => c.name)
      .filter((c) => table !== 'accounts' || (c !== 'failed_attempts' && c !== 'state'));
    hash.update(`\u0000${table}\u0000`);
    const rows = sqlite.prepare(`select ${columns.map((c) => `"${c}"`).join(', ')} from main.${table} order by rowid`);
    for (const row of rows.raw().iterate()) {
      hash.update(JSON.stringify(row, (_key, value) => (typeof value === 'bigint' ? String(value) : value)));
    }
  }
  return hash.digest('hex');
}

export interface Callers {
  /** A bearer token per staff role; branch roles work at the demo branch. */
  readonly staff: Record<StaffRole, string>;
  /** The staff user id per role (to disable one, for instance). */
  readonly staffIds: Record<StaffRole, number>;
  /** The cookie of a paired kiosk at the demo branch. */
  readonly kioskCookie: string;
}

/**
 * Callers straight from the database (the suites test what a caller can do, not how it logged in):
 * one staff user per role named `<prefix>.<role>` and a kiosk.
 */
export function makeCallers(server: TestServer, prefix = 'assurance'): Callers {
  const now = server.clock.now();
  const staff = {} as Record<StaffRole, string>;
  const staffIds = {} as Record<StaffRole, number>;
  for (const role of staffRoles) {
    const { id } = server.db
      .insert(staffUsers)
      .values({
        username: `${prefix}.${role}`,
        fullName: `Assurance ${role}`,
        role,
        branchCode: DEMO_BRANCH_CODE,
        passwordHash: 'not-used',
        totpEnrolledAt: now.toISOString(),
        createdAt: now.toISOString(),
      })
      .returning({ id: staffUsers.id })
      .get();
    staffIds[role] = id;
    staff[role] = createStaffToken(server.db, id, now).token;
  }
  const { token: kioskToken } = createKiosk(
    server.db,
    { branchCode: DEMO_BRANCH_CODE, label: 'Assurance kiosk', pairedByStaffId: staffIds.branch_officer },
    now,
  );
  return { staff, staffIds, kioskCookie: `pulih_kiosk=${kioskToken}` };
}

/** A fresh session cookie of the member with this account (unlocked first, as a recovery would). */
export function memberCookie(server: TestServer, accountId: number): string {
  server.db.update(accounts).set({ state: 'active', failedAttempts: 0 }).where(eq(accounts.id, accountId)).run();
  return `pulih_session=${createMemberSession(server.db, accountId, server.clock.now())}`;
}

/** The account id of a demo member, by registered email. */
export function accountIdOf(server: TestServer, email: string): number {
  const row = server.database.sqlite
    .prepare('select a.id from accounts a join member_contacts c on c.member_id = a.member_id where c.email = ?')
    .get(email) as { id: number } | undefined;
  if (!row) throw new Error(`no account for ${email}`);
  return row.id;
}

/**
 * What a reply must never contain: stack frames, database errors, file paths, runtime error
 * names. Checked against the raw reply text.
 */
export const LEAK_PATTERNS: readonly RegExp[] = [
  /\bat (?:async )?[\w$.<>[\] ]+ \(/, // a stack frame "at fn (file:line)"
  /\bat (?:file:\/\/|\/|node:)/, // a stack frame without a function name
  /Sqlite|SQLITE_|better-sqlite3/i,
  /\/work\/|\/home\/|\/tmp\/|node_modules|[\w-]+\.(?:ts|js|mjs|cjs):\d+/,
  /\b(?:TypeError|ReferenceError|RangeError|SyntaxError|ZodError|DrizzleError|TRPCError)\b/,
  /Cannot read propert|is not a function|undefined is not|Unexpected token|no such (?:table|column)/,
  /"stack"\s*:/,
];

export function leakIn(text: string): RegExp | null {
  return LEAK_PATTERNS.find((pattern) => pattern.test(text)) ?? null;
}

/**
 * A copy of a test server's database (`sqlite.serialize()`) served by a new app on a manual clock
 * set to `now`: each copy starts from exactly the same state, for a few milliseconds instead of a
 * new seed. Temporary triggers are not copied (they belong to a connection).
 */
export function serverFromSnapshot(base: TestServer, snapshot: Buffer, now: Date): TestServer {
  const sqlite = new Database(snapshot);
  sqlite.pragma('foreign_keys = ON');
  const db = writeLockedTransactions(drizzle(sqlite, { schema }));
  const database: OpenedDatabase = {
    db,
    file: ':memory:',
    checkedAtOpen: true,
    sqlite,
    close: () => sqlite.close(),
    isHealthy: () => sqlite.open,
  };
  const clock = new ManualClock(now);
  const app = createApp({ database, config: base.config, clock });
  const call: TestServer['call'] = async (path, input, init = {}) => {
    const method = init.method ?? 'POST';
    const headers: Record<string, string> = { 'content-type': 'application/json', ...init.headers };
    if (init.cookie) headers.cookie = init.cookie;
    if (init.bearer) headers.authorization = `Bearer ${init.bearer}`;
    const query = method === 'GET' && input !== undefined ? `?input=${encodeURIComponent(JSON.stringify(input))}` : '';
    const response = await app.request(`http://localhost/trpc/${path}${query}`, {
      method,
      headers,
      ...(method === 'POST' && input !== undefined ? { body: JSON.stringify(input) } : {}),
    });
    const text = await response.text();
    return { status: response.status, headers: response.headers, text, json: JSON.parse(text) as TrpcReply };
  };
  const loginMember = async (identifier: string, password: string) => {
    const reply = await call('auth.login', { identifier, password });
    const cookie = reply.headers.get('set-cookie');
    if (reply.status !== 200 || !cookie) throw new Error(`login failed: ${reply.text}`);
    return cookie.split(';')[0] ?? '';
  };
  return { app, database, db, clock, config: base.config, call, loginMember };
}
