import { drizzle } from 'drizzle-orm/better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { listAuditEntries } from '../audit/audit-chain.js';
import { appendAudit } from '../audit/audit-log.js';
import { OutboxSender } from '../notifications/sender.js';
import { claimsOfMembers, listClaims, paidClaimsOfKpj } from '../repositories/claim-repository.js';
import { memberIdsOfPerson, personIdOf, personQueries } from '../repositories/duplicate-repository.js';
import {
  jhtContributionsOf,
  jhtQueries,
  kpjCardsOf,
  PERSON_BIRTH_DATE_SQL,
  PERSON_CARDS_SQL,
  PERSON_MEMBERSHIP_SQL,
  participationsOf,
  transfersOf,
} from '../repositories/jht-repository.js';
import { findKioskByToken } from '../repositories/kiosk-repository.js';
import {
  findAccountForLogin,
  findMemberIdByLookupKey,
  MEMBER_RECORD_SQL,
  memberQueries,
} from '../repositories/member-repository.js';
import { SWEEP_BATCH_SQL } from '../repositories/member-view-repository.js';
import { dueMembershipChecks } from '../repositories/membership-check-repository.js';
import { MISSING_CONTRIBUTIONS_SQL } from '../repositories/missing-contribution-repository.js';
import { recentEvents } from '../repositories/rate-limit-repository.js';
import {
  findStaffByToken,
  MEMBER_SESSION_SQL,
  MEMBER_SESSION_VIEW_SQL,
  sessionQueries,
} from '../repositories/session-repository.js';
import { consumeToken } from '../repositories/verification-code-repository.js';
import { type Db, openDatabase } from './database.js';
import * as schema from './schema.js';

/**
 * The hot queries must find their rows through an index, never by reading a whole table: at
 * 41 million members a full `SCAN` of members, contributions or sessions is seconds, not
 * microseconds. Each case calls the real repository function on a migrated database, records
 * the SQL it ran (Drizzle's logger), and asks SQLite for the plan of each statement.
 * docs/SCALING.md lists the indexes these plans use.
 */
const opened = openDatabase(':memory:');
const captured: { sql: string; params: unknown[] }[] = [];
const db: Db = drizzle(opened.sqlite, {
  schema,
  logger: { logQuery: (sql, params) => captured.push({ sql, params }) },
});
const now = new Date('2026-11-24T08:00:00Z');

afterAll(() => opened.close());

type PlanRow = { detail: string };

const planOf = (sql: string, params: unknown[]): string[] =>
  (opened.sqlite.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(...params) as PlanRow[]).map((r) => r.detail);

/** `SCAN t` (or `SCAN t USING …INDEX` without a search) reads the whole table or index; a constant row is no table. */
const fullScans = (plan: string[]): string[] =>
  plan.filter((step) => /^SCAN \w+/.test(step) && step !== 'SCAN CONSTANT ROW');

/** Runs `call` and returns the plans of the statements it sent to SQLite. */
function plansOf(call: () => unknown): { sql: string; plan: string[] }[] {
  captured.length = 0;
  call();
  const statements = captured.filter((s) => /^\s*(select|update|delete|with)/i.test(s.sql));
  expect(statements.length, 'the call ran no query').toBeGreaterThan(0);
  return statements.map((s) => ({ sql: s.sql, plan: planOf(s.sql, s.params) }));
}

/**
 * The hottest queries are plain SQL run without Drizzle (`rawStatement` in `prepared.ts`), so the
 * logger does not see them: each is planned from its SQL constant, with a value per parameter.
 */
const raw =
  (sql: string, ...params: unknown[]) =>
  () => {
    captured.push({ sql, params });
  };

const hotQueries: { name: string; call: () => unknown; index: RegExp; allowScan?: RegExp }[] = [
  {
    name: 'member session by token hash',
    call: raw(MEMBER_SESSION_SQL, 'hash'),
    index: /SEARCH s USING INDEX sqlite_autoindex_sessions_1 \(token_hash=\?\)/,
  },
  {
    name: 'member session with its stored view',
    call: raw(MEMBER_SESSION_VIEW_SQL, 'profile', 'hash'),
    index:
      /SEARCH s USING INDEX sqlite_autoindex_sessions_1 \(token_hash=\?\)[\s\S]*SEARCH v USING INDEX sqlite_autoindex_member_views_1 \(member_id=\? AND kind=\?\)/,
  },
  {
    name: 'stored views past their time (sweep)',
    call: raw(SWEEP_BATCH_SQL, now.toISOString()),
    index: /member_views_valid_until \(valid_until<\?\)/,
  },
  {
    name: 'persons whose membership status is due (six-hourly job)',
    call: () => dueMembershipChecks(db, '2026-11-24', 500),
    index: /SEARCH membership_checks USING (COVERING )?INDEX membership_checks_due_on \(due_on<\?\)/,
  },
  {
    name: 'unpaid cards of a range of participations (missing-month scan)',
    call: raw(MISSING_CONTRIBUTIONS_SQL, 0, 5000, '2026-10-31', '2026-10-01', '2026-10', '2026-11-24'),
    index:
      /SEARCH p USING INTEGER PRIMARY KEY \(rowid>\? AND rowid<\?\)[\s\S]*SEARCH c USING INDEX sqlite_autoindex_contributions_1 \(kpj=\? AND period=\?\)/,
  },
  {
    name: 'staff token by hash',
    call: () => findStaffByToken(db, 'token', now),
    index: /SEARCH staff_tokens USING INDEX sqlite_autoindex_staff_tokens_1 \(token_hash=\?\)/,
  },
  {
    name: 'kiosk by token hash',
    call: () => findKioskByToken(db, 'token', now),
    index: /SEARCH kiosk_devices USING INDEX kiosk_devices_token_hash_unique \(token_hash=\?\)/,
  },
  {
    name: 'member by NIK',
    call: () => findMemberIdByLookupKey(db, { kind: 'nik', nik: '3273015708900001' }),
    index: /SEARCH members USING COVERING INDEX members_nik_unique \(nik=\?\)/,
  },
  {
    name: 'member by KPJ',
    call: () => findMemberIdByLookupKey(db, { kind: 'kpj', kpj: '19011111111' }),
    index: /SEARCH member_kpj USING INDEX sqlite_autoindex_member_kpj_1 \(kpj=\?\)/,
  },
  {
    name: 'login by email',
    call: () => findAccountForLogin(db, { kind: 'email', email: 'siti.rahayu@example.com' }),
    index: /SEARCH member_contacts USING (COVERING )?INDEX member_contacts_email_unique \(email=\?\)/,
  },
  {
    name: 'login by KPJ',
    call: () => findAccountForLogin(db, { kind: 'kpj', kpj: '19011111111' }),
    index: /SEARCH member_kpj USING INDEX sqlite_autoindex_member_kpj_1 \(kpj=\?\)/,
  },
  {
    name: 'member record with contacts, account and KPJ numbers',
    call: raw(MEMBER_RECORD_SQL, 1),
    index:
      /SEARCH m USING INTEGER PRIMARY KEY \(rowid=\?\)[\s\S]*SEARCH k USING INDEX member_kpj_member \(member_id=\?\)/,
  },
  {
    name: 'KPJ cards of the person of a record, with stored statements and open participations',
    call: raw(PERSON_CARDS_SQL, 1),
    index:
      /members_merged_into \(merged_into_member_id=\?\)[\s\S]*SEARCH mk USING INDEX member_kpj_member \(member_id=\?\)[\s\S]*SEARCH s USING INDEX sqlite_autoindex_jht_statements_1 \(kpj=\?\)[\s\S]*SEARCH p USING INDEX participations_kpj \(kpj=\?\)/,
  },
  {
    name: 'membership facts of the person of a record',
    call: raw(PERSON_MEMBERSHIP_SQL, 1),
    index:
      /SEARCH mk USING INDEX member_kpj_member \(member_id=\?\)[\s\S]*SEARCH s USING INDEX sqlite_autoindex_jht_statements_1 \(kpj=\?\)[\s\S]*SEARCH p USING INDEX participations_kpj \(kpj=\?\)/,
  },
  {
    name: 'birth date of the person of a record',
    call: raw(PERSON_BIRTH_DATE_SQL, 1),
    index: /SEARCH pm USING INTEGER PRIMARY KEY \(rowid=\?\)/,
  },
  {
    name: 'the person of a member record, and its records',
    call: () => memberIdsOfPerson(db, personIdOf(db, 1)),
    index: /members_merged_into \(merged_into_member_id=\?\)/,
  },
  {
    name: 'KPJ cards of a person',
    call: () => kpjCardsOf(db, [1, 2]),
    index: /SEARCH member_kpj USING INDEX member_kpj_member \(member_id=\?\)/,
  },
  {
    name: 'contributions of a KPJ',
    call: () => jhtContributionsOf(db, '19011111111'),
    index: /SEARCH contributions USING INDEX sqlite_autoindex_contributions_1 \(kpj=\?\)/,
  },
  {
    name: 'participations of KPJ numbers',
    call: () => participationsOf(db, ['19011111111', '20022222222']),
    index: /SEARCH participations USING INDEX participations_kpj \(kpj=\?\)/,
  },
  {
    name: 'transfers in and out of a KPJ',
    call: () => transfersOf(db, '19011111111'),
    index: /jht_transfers_(from|to)/,
  },
  {
    name: 'paid claims of a KPJ',
    call: () => paidClaimsOfKpj(db, '19011111111'),
    index: /SEARCH jht_claims USING INDEX jht_claims_kpj \(kpj=\?\)/,
  },
  {
    name: 'claims of a member',
    call: () => claimsOfMembers(db, [1]),
    index: /SEARCH jht_claims USING INDEX jht_claims_member \(member_id=\?\)/,
  },
  {
    name: 'claims in a state, oldest first',
    call: () => listClaims(db, { state: 'submitted', limit: 50 }),
    index: /SEARCH jht_claims USING INDEX jht_claims_state \(state=\?\)/,
  },
  {
    name: 'rate-limit events of a key',
    call: () => recentEvents(db, 'login-fail:identifier:abc', 3600, now),
    index: /SEARCH rate_limit_events USING (COVERING )?INDEX rate_limit_events_key_at \(key=\? AND at>\?\)/,
  },
  {
    name: 'a one-time link by its token hash',
    call: () => consumeToken(db, ['email_verification'], 'token', now),
    index: /SEARCH verification_codes USING INDEX verification_codes_token \(token_hash=\?\)/,
  },
  {
    name: 'audit entries of a member, newest first',
    call: () => listAuditEntries(db, { memberId: 1, limit: 20 }),
    index: /SEARCH audit_log USING INDEX audit_log_member \(member_id=\?\)/,
  },
  {
    // The chain's head is the row with the largest rowid: a backwards scan that stops at the first row.
    name: 'the head of the audit chain (append)',
    call: () =>
      appendAudit(
        db,
        { actorKind: 'system', actorId: null, action: 'test', memberId: null, channel: 'system', detail: {} },
        now,
      ),
    index: /SCAN audit_log/,
    allowScan: /^SCAN audit_log$/,
  },
  {
    name: 'outbox messages due',
    call: () =>
      void new OutboxSender({
        db,
        adapters: { email: { deliver: async () => {} }, sms: { deliver: async () => {} } },
        clock: { now: () => now },
      }).runOnce(),
    index: /SEARCH outbox USING INDEX outbox_pending \(sent_at=\?\)/,
  },
];

describe('query plans of the hot queries', () => {
  for (const query of hotQueries) {
    it(`${query.name}: uses an index, no full scan`, () => {
      const plans = plansOf(query.call);
      const steps = plans.flatMap((p) => p.plan);
      expect(steps.join('\n')).toMatch(query.index);
      for (const { sql, plan } of plans) {
        const scans = fullScans(plan).filter((step) => !query.allowScan?.test(step));
        expect(scans, `${sql}\n${plan.join('\n')}`).toEqual([]);
      }
    });
  }

  it.each([
    ['member_views', 15],
    ['membership_checks', 8],
  ])('every trigger that maintains %s searches indexes (imports run them once per row)', (table, count) => {
    const triggers = opened.sqlite
      .prepare("SELECT name, sql FROM sqlite_master WHERE type = 'trigger' AND name LIKE ?")
      .all(`${table}_%`) as { name: string; sql: string }[];
    expect(triggers.length).toBeGreaterThanOrEqual(count);
    for (const { name, sql } of triggers) {
      const body = sql.slice(sql.indexOf('BEGIN') + 5, sql.lastIndexOf('END'));
      // A WHEN condition runs for every row too.
      const when = /\bWHEN\b([\s\S]*?)\bBEGIN\b/.exec(sql)?.[1]?.trim();
      const statements = body
        .split(';')
        .map((part) => part.trim())
        .filter(Boolean);
      for (const statement of when ? [...statements, `SELECT ${when}`] : statements) {
        // NEW.kpj → @new_kpj: the trigger's row values become parameters of the same statement.
        const parameterised = statement.replace(
          /\b(NEW|OLD)\.(\w+)/g,
          (_m, row: string, column: string) => `@${row.toLowerCase()}_${column}`,
        );
        const names = [...new Set([...parameterised.matchAll(/@(\w+)/g)].map((m) => m[1] as string))];
        const plan = planOf(parameterised, [Object.fromEntries(names.map((n) => [n, 1]))]);
        // A yield rate changes every statement: those triggers empty the table on purpose.
        const scans = fullScans(plan).filter(() => statement !== 'DELETE FROM member_views');
        expect(scans, `${name}: ${statement}\n${plan.join('\n')}`).toEqual([]);
        // An update or delete finds its rows by index (an insert's plan is its SELECT's, checked above).
        if (/^(UPDATE|DELETE)/.test(statement)) expect(plan.join('\n'), name).toMatch(new RegExp(table));
      }
    }
  });

  it('every prepared statement of the repositories searches an index', () => {
    const statements = [sessionQueries(db), memberQueries(db), jhtQueries(db), personQueries(db)].flatMap((q) =>
      Object.entries(q).map(([name, statement]) => ({ name, query: statement.getQuery() })),
    );
    expect(statements.length).toBeGreaterThan(10);
    for (const { name, query } of statements) {
      const plan = planOf(
        query.sql,
        query.params.map(() => 'x'),
      );
      // The yield table has one row a year: reading it whole is the point.
      const scans = fullScans(plan).filter((step) => !/^SCAN jht_yield_rates/.test(step));
      expect(scans, `${name}: ${query.sql}\n${plan.join('\n')}`).toEqual([]);
    }
  });
});
