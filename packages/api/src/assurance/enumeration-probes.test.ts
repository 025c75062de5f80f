/**
 * Issue #8, suite 2: enumeration probes. For each procedure that takes an identifier from an
 * anonymous caller (register, "lupa password", "lupa email/akun", resend verification, login),
 * 200 probes through the real app: 100 with identifiers of demo members and accounts in every
 * state (active, pending, locked, frozen, with the hourly budget of failed checks spent, no
 * account at all), 100 with well-formed identifiers nobody has, interleaved, at the same
 * moments of a manual clock, well past every limit. Each unknown probe mirrors its known twin:
 * the same input with each identifier (email, KPJ, NIK, phone) replaced, consistently, by an
 * unknown one of the same form (two known identifiers that share a phone map to two unknown ones
 * sharing a phone), so that both series meet the same limits if the product treats them alike.
 * Each series comes from its own client address (the login limit per address applies to each
 * alike). Expected of every pair: the same status, the same body, the same headers; and so the
 * same throttling: limits start at the same probe, answer the same wait, and reopen alike.
 */
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { accounts } from '../db/schema.js';
import { freezeAccount } from '../repositories/account-repository.js';
import { MAX_FAILED_ATTEMPTS_PER_HOUR, takeAttempt } from '../security/attempt-budget.js';
import { createTestServer, type TestServer, type TrpcCallReply } from '../test-support/test-server.js';
import { callFrom, headerList, tally } from './probe-support.js';
import { accountIdOf, serverFromSnapshot } from './support.js';

// The 30 ms floor of the enumeration-safe replies is a timing defence, measured by
// `pnpm bench:enumeration` (a benchmark, not a test); here it would only make 1,000 replies
// wait. The work itself, including the equal work for unknown identifiers, runs unchanged.
vi.mock('../security/equal-work.js', async (importOriginal) => {
  const original = await importOriginal<typeof import('../security/equal-work.js')>();
  return { ...original, withMinimumDuration: async <T>(_floorMs: number, work: () => Promise<T> | T) => work() };
});

const KNOWN_IP = '203.0.113.10';
const UNKNOWN_IP = '203.0.113.20';
/** 10 identifiers × 10 rounds = 100 probes per series, 200 per procedure. */
const ROUNDS = 10;
const PASSWORD = 'Lumpia-Semarang-Renyah-77';
const MINUTE = 60_000;

type Identity = Readonly<Record<string, string>>;

interface Registry {
  readonly emails: Set<string>;
  readonly kpjs: Set<string>;
  readonly niks: Set<string>;
  readonly phones: Set<string>;
  /** Registry members without an online account, with an email and a phone on record. */
  readonly withoutAccount: readonly Identity[];
}

let base: TestServer;
let snapshot: Buffer;
let registry: Registry;

/**
 * The demo database, with accounts in every state a probe may meet: Rina has a pending
 * registration, Dewi is locked, Agus Setiawan is frozen, Budi's hourly budget of failed checks
 * is spent. Set up a day before the probes, so that no limit counted here is still running.
 */
beforeAll(async () => {
  base = await createTestServer();
  const rina = await base.call('account.register', {
    nik: '3201014506920001',
    kpj: '19055555555',
    fullName: 'Rina Wulandari',
    birthDate: '1992-06-05',
    email: 'rina.wulandari@example.com',
    phone: '0813-1111-2222',
    password: PASSWORD,
    locale: 'id',
  });
  expect(rina.status).toBe(200);
  base.clock.advance(25 * 60 * MINUTE);
  const sqlite = base.database.sqlite;
  sqlite
    .prepare("update accounts set state = 'locked', failed_attempts = 100 where id = ?")
    .run(accountIdOf(base, 'dewi.lestari@example.com'));
  freezeAccount(base.db, accountIdOf(base, 'agus.setiawan@example.com'), 'assurance probe', base.clock.now());
  const budi = base.db
    .select()
    .from(accounts)
    .where(eq(accounts.id, accountIdOf(base, 'budi.santoso@example.com')))
    .get();
  for (let i = 0; i < MAX_FAILED_ATTEMPTS_PER_HOUR; i++) {
    takeAttempt(base.db, base.config.secret, budi?.memberId ?? 0, base.clock.now());
  }
  expect(takeAttempt(base.db, base.config.secret, budi?.memberId ?? 0, base.clock.now()).allowed).toBe(false);
  const column = (sql: string) =>
    new Set((sqlite.prepare(sql).pluck().all() as (string | null)[]).filter((v) => v !== null));
  const withoutAccount = (
    sqlite
      .prepare(
        `select m.nik, min(k.kpj) as kpj, m.full_name as fullName, m.birth_date as birthDate, c.email, c.phone
         from members m join member_kpj k on k.member_id = m.id join member_contacts c on c.member_id = m.id
         where not exists (select 1 from accounts a where a.member_id = m.id)
           and c.email is not null and c.phone is not null and m.nik is not null
         group by m.id order by m.id limit 3`,
      )
      .all() as Identity[]
  ).map((row) => ({ ...row }));
  expect(withoutAccount).toHaveLength(3);
  registry = {
    emails: column('select email from member_contacts'),
    kpjs: column('select kpj from member_kpj'),
    niks: column('select nik from members'),
    phones: column('select phone from member_contacts'),
    withoutAccount,
  };
  snapshot = sqlite.serialize();
});

afterAll(() => base.database.close());

/**
 * Unknown twins of known identifiers, one per known value and always the same one, of the same
 * form: an email at the same domain, an 11-digit KPJ, a NIK with the same region and birth date
 * and another serial (so it passes the NIK checks), a mobile number. None is in the registry.
 */
class Mirror {
  private readonly twins = new Map<string, string>();

  private fresh(value: string): string {
    const n = this.twins.size + 1;
    const two = String(n).padStart(2, '0');
    if (value.includes('@')) return `tidak.ada.${two}@${value.slice(value.indexOf('@') + 1)}`;
    if (/^\d{16}$/.test(value)) return `${value.slice(0, 12)}${9000 + n}`;
    if (/^\d{11}$/.test(value)) return `3${String(n).padStart(10, '0')}`;
    if (/^\+62\d+$/.test(value)) return `+62819${String(n).padStart(7, '0')}`;
    return value; // a name, a birth date: not an identifier
  }

  of(value: string): string {
    let twin = this.twins.get(value);
    if (twin === undefined) {
      twin = this.fresh(value);
      if (twin !== value) {
        for (const set of [registry.emails, registry.kpjs, registry.niks, registry.phones]) {
          expect(set.has(twin), `${twin} must be unknown`).toBe(false);
        }
      }
      this.twins.set(value, twin);
    }
    return twin;
  }

  identity(known: Identity): Identity {
    return Object.fromEntries(Object.entries(known).map(([key, value]) => [key, this.of(value)]));
  }
}

/** The same identifier written as people write it: letter case, spaces in a KPJ, phone formats. */
const written = {
  identifier: (value: string, round: number) =>
    round % 2 === 0
      ? value
      : value.includes('@')
        ? value.toUpperCase()
        : value.replace(/^(\d{4})(\d{4})(\d{3})$/, '$1 $2 $3'),
  email: (value: string, round: number) => (round % 2 === 0 ? value : ` ${value.toUpperCase()} `),
  phone: (value: string, round: number) =>
    [value, `0${value.slice(3)}`, `0${value.slice(3)}`.replace(/^(\d{4})(\d{4})(\d+)$/, '$1-$2-$3')][
      round % 3
    ] as string,
};

interface Probe {
  readonly round: number;
  readonly index: number;
  readonly known: TrpcCallReply;
  readonly unknown: TrpcCallReply;
}

interface ProcedureProbes {
  readonly path: string;
  /** Clock time between two rounds. */
  readonly stepMs: number;
  readonly known: () => Identity[];
  readonly input: (identity: Identity, round: number) => unknown;
  /**
   * What may differ between two replies besides the identifier's existence, removed before
   * comparing; each use is justified where it is defined. None by default: bodies compared byte
   * for byte.
   */
  readonly normalise?: (reply: TrpcCallReply) => string;
  /** What the known series really caused (messages, rows), to show the probes met real data. */
  readonly sideEffects?: (server: TestServer, known: Identity[], unknown: Identity[]) => void;
}

const messagesTo = (server: TestServer, recipients: readonly string[]) =>
  server.database.sqlite
    .prepare(
      `select recipient, template from outbox where recipient in (${recipients.map(() => '?').join(',')}) order by id`,
    )
    .all(...recipients) as { recipient: string; template: string }[];

const SITI_NIK = '3273015708900001';

/** Identifiers of accounts in every state: active, two KPJs of one account, budget spent, locked, frozen, pending. */
const accountIdentifiers = (): Identity[] =>
  [
    'siti.rahayu@example.com',
    '19011111111',
    '20022222222',
    'budi.santoso@example.com',
    '19033333333',
    'dewi.lestari@example.com',
    'agus.setiawan@example.com',
    '19099999999',
    '19055555555',
    'rudi.h.lama@example.com',
  ].map((identifier) => ({ identifier }));

const PROCEDURES: readonly ProcedureProbes[] = [
  {
    path: 'account.register',
    stepMs: 3 * MINUTE,
    known: () => {
      const [g1, g2] = registry.withoutAccount as [Identity, Identity];
      const person = (nik: string, kpj: string, fullName: string, birthDate: string) => ({
        nik,
        kpj,
        fullName,
        birthDate,
      });
      return [
        {
          ...person(SITI_NIK, '19011111111', 'Siti Rahayu', '1990-08-17'),
          email: 'siti.rahayu@example.com',
          phone: '+6281234567890',
        },
        {
          ...person('3174051203850002', '19033333333', 'BUDI SANTOSO', '1985-03-12'),
          email: 'budi.baru@example.com',
          phone: '+6285712345678',
        },
        {
          ...person('3578044211790003', '19044444444', 'Dewi Lestari', '1979-11-02'),
          email: 'dewi.lestari@example.com',
          phone: '+6281398765432',
        },
        {
          ...person('3273011505920004', '19099999999', 'Agus Setiawan', '1992-05-15'),
          email: 'agus.setiawan@example.com',
          phone: '+6281311112222',
        },
        {
          ...person('3171201506880007', '19077777777', 'RUDY HARTONO', '1988-06-15'),
          email: 'rudi.h.lama@example.com',
          phone: '+6285611112222',
        },
        {
          ...person('3201014506920001', '19055555555', 'Rina Wulandari', '1992-06-05'),
          email: 'rina.wulandari@example.com',
          phone: '+6281311112222',
        },
        {
          ...person('3578011207880004', '19066666666', 'Agus Prasetyo', '1988-07-12'),
          email: 'agus.prasetyo@example.com',
          phone: '+6281377778888',
        },
        // A registry member without an account, with another member's email; and with their own.
        {
          ...person(g1.nik ?? '', g1.kpj ?? '', g1.fullName ?? '', g1.birthDate ?? ''),
          email: 'siti.rahayu@example.com',
          phone: g1.phone ?? '',
        },
        {
          ...person(g2.nik ?? '', g2.kpj ?? '', g2.fullName ?? '', g2.birthDate ?? ''),
          email: g2.email ?? '',
          phone: g2.phone ?? '',
        },
        // Siti's numbers with a wrong birth date: no match.
        {
          ...person(SITI_NIK, '19011111111', 'Siti Rahayu', '1990-08-18'),
          email: 'siti.baru@example.com',
          phone: '+6281234567890',
        },
      ];
    },
    input: (id, round) => ({
      nik: id.nik,
      kpj: written.identifier(id.kpj ?? '', round),
      fullName: id.fullName,
      birthDate: id.birthDate,
      email: written.email(id.email ?? '', round),
      phone: written.phone(id.phone ?? '', round),
      password: PASSWORD,
      locale: 'id',
    }),
    sideEffects: (server, known, unknown) => {
      // What differs goes to the submitted address: "you already have an account", a code, "no match".
      const knownTemplates = new Set(
        messagesTo(
          server,
          known.map((k) => k.email ?? ''),
        ).map((m) => m.template),
      );
      const unknownTemplates = new Set(
        messagesTo(
          server,
          unknown.map((u) => u.email ?? ''),
        ).map((m) => m.template),
      );
      for (const template of ['registration_code', 'registration_exists', 'registration_no_match']) {
        expect(knownTemplates).toContain(template);
      }
      expect([...unknownTemplates]).toEqual(['registration_no_match']);
    },
  },
  {
    path: 'auth.forgotPassword',
    stepMs: 8 * MINUTE,
    known: accountIdentifiers,
    input: (id, round) => ({ identifier: written.identifier(id.identifier ?? '', round), locale: 'id' }),
    sideEffects: (server, _known, unknown) => {
      expect(messagesTo(server, ['siti.rahayu@example.com', 'budi.santoso@example.com']).length).toBeGreaterThan(0);
      expect(
        messagesTo(
          server,
          unknown.map((u) => u.identifier ?? ''),
        ),
      ).toEqual([]);
    },
  },
  {
    path: 'recovery.start',
    stepMs: 2 * MINUTE,
    known: () => {
      const [, g2] = registry.withoutAccount as [Identity, Identity];
      return [
        { identifier: SITI_NIK, phone: '+6281234567890' },
        { identifier: '19011111111', phone: '+6281234567890' },
        { identifier: '20022222222', phone: '+6281234567890' },
        { identifier: '19033333333', phone: '+6281200001111' }, // Budi's KPJ with a wrong phone
        { identifier: '3578044211790003', phone: '+6281398765432' }, // Dewi, locked
        { identifier: '19099999999', phone: '+6281311112222' }, // Agus, frozen; his phone is also Rudi's
        { identifier: '19088888888', phone: '+6281311112222' },
        { identifier: '3578011207880004', phone: '+6281377778888' }, // no online account
        { identifier: '19055555555', phone: '+6281311112222' }, // Rina, pending: no phone on record
        { identifier: g2.nik ?? '', phone: g2.phone ?? '' },
      ];
    },
    input: (id, round) => ({
      identifier: written.identifier(id.identifier ?? '', round),
      phone: written.phone(id.phone ?? '', round),
      locale: 'id',
    }),
    // The reply is a request id: the id of the code when one was texted, a random one otherwise
    // (recovery-code.ts). Both are fresh v4 UUIDs on every request, known or not, so they are
    // checked for that form and then compared as a placeholder. Nothing else is normalised.
    normalise: (reply) => {
      const id = (reply.json.result?.data as { requestId?: string } | undefined)?.requestId;
      if (id !== undefined) {
        expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
        expect(reply.text.split(id)).toHaveLength(2);
        return reply.text.replace(id, '<uuid>');
      }
      return reply.text;
    },
    sideEffects: (server, _known, unknown) => {
      expect(messagesTo(server, ['+6281234567890']).map((m) => m.template)).toContain('recovery_code');
      expect(
        messagesTo(
          server,
          unknown.map((u) => u.phone ?? ''),
        ),
      ).toEqual([]);
    },
  },
  {
    path: 'account.resendVerification',
    stepMs: 30_000,
    known: () => [
      { email: 'budi.santoso@example.com' }, // unverified email: a code goes out
      { email: 'rina.wulandari@example.com' }, // pending registration: a code goes out
      { email: 'siti.rahayu@example.com' },
      { email: 'dewi.lestari@example.com' },
      { email: 'agus.setiawan@example.com' },
      { email: 'rudi.hartono@example.com' },
      { email: 'rudi.h.lama@example.com' },
      ...registry.withoutAccount.map((m) => ({ email: m.email ?? '' })),
    ],
    input: (id, round) => ({ email: written.email(id.email ?? '', round), locale: 'id' }),
    sideEffects: (server, _known, unknown) => {
      const templates = messagesTo(server, ['budi.santoso@example.com', 'rina.wulandari@example.com']).map(
        (m) => m.template,
      );
      expect(templates).toContain('email_verification_code');
      expect(templates).toContain('registration_code');
      expect(
        messagesTo(
          server,
          unknown.map((u) => u.email ?? ''),
        ),
      ).toEqual([]);
    },
  },
  {
    path: 'auth.login',
    stepMs: 40_000,
    known: accountIdentifiers,
    // A wrong password for every account; Rina's (pending) is the very password she registered with.
    input: (id, round) => ({
      identifier: written.identifier(id.identifier ?? '', round),
      password: id.identifier === '19055555555' ? PASSWORD : `bukan-sandinya-${round}`,
    }),
  },
];

interface SeriesFigures {
  readonly statuses: string;
  /** Probe number (1–100) of the first limited reply, and what it answered. */
  readonly firstLimited: { probe: number; reply: string } | null;
  /** Per identifier: the round limiting started, or -1. */
  readonly limitedFrom: number[];
  /** Replies after the first limited one that were not limited (the limits reopening). */
  readonly reopened: number;
  readonly afterFirstLimit: number;
}

function figuresOf(
  probes: readonly Probe[],
  side: 'known' | 'unknown',
  normalise: (r: TrpcCallReply) => string,
): SeriesFigures {
  const replies = probes.map((p) => p[side]);
  const isLimited = (r: TrpcCallReply) => r.json.error?.data.appCode === 'RATE_LIMITED';
  const first = replies.findIndex(isLimited);
  const limitedFrom = [...new Set(probes.map((p) => p.index))].map((index) =>
    probes.filter((p) => p.index === index).findIndex((p) => isLimited(p[side])),
  );
  return {
    statuses: tally(replies.map((r) => `${r.status}${r.json.error ? ` ${r.json.error.data.appCode}` : ''}`)),
    firstLimited: first < 0 ? null : { probe: first + 1, reply: normalise(replies[first] as TrpcCallReply) },
    limitedFrom,
    reopened: first < 0 ? 0 : replies.slice(first).filter((r) => !isLimited(r)).length,
    afterFirstLimit: first < 0 ? 0 : replies.length - first - 1,
  };
}

describe('enumeration probes: 200 per procedure, known and unknown identifiers interleaved, past the limits', () => {
  it.each(PROCEDURES)(
    '$path answers a known and an unknown identifier alike, probe for probe, and limits them alike',
    async (procedure) => {
      const server = serverFromSnapshot(base, snapshot, base.clock.now());
      const mirror = new Mirror();
      const known = procedure.known();
      expect(known).toHaveLength(10);
      const unknown = known.map((identity) => mirror.identity(identity));
      const normalise = procedure.normalise ?? ((reply: TrpcCallReply) => reply.text);
      const probes: Probe[] = [];
      for (let round = 0; round < ROUNDS; round++) {
        for (const [index, identity] of known.entries()) {
          const twin = unknown[index] as Identity;
          const knownReply = await callFrom(server, procedure.path, procedure.input(identity, round), { ip: KNOWN_IP });
          const unknownReply = await callFrom(server, procedure.path, procedure.input(twin, round), { ip: UNKNOWN_IP });
          probes.push({ round, index, known: knownReply, unknown: unknownReply });
        }
        server.clock.advance(procedure.stepMs);
      }
      expect(probes).toHaveLength(100);

      for (const probe of probes) {
        const where = `${procedure.path} round ${probe.round}, ${JSON.stringify(known[probe.index])}`;
        expect(probe.known.status, where).toBeLessThan(500);
        expect(probe.unknown.status, where).toBe(probe.known.status);
        expect(normalise(probe.unknown), where).toBe(normalise(probe.known));
        expect(headerList(probe.unknown), where).toEqual(headerList(probe.known));
      }

      const k = figuresOf(probes, 'known', normalise);
      const u = figuresOf(probes, 'unknown', normalise);
      // Limits were reached, and probing went on well past them.
      expect(k.firstLimited).not.toBeNull();
      expect(k.afterFirstLimit).toBeGreaterThanOrEqual(20);
      // The same throttling, series against series: where it starts, what it answers, per identifier.
      expect(u.firstLimited).toEqual(k.firstLimited);
      expect(u.limitedFrom).toEqual(k.limitedFrom);
      expect(u.statuses).toBe(k.statuses);
      expect(u.reopened).toBe(k.reopened);
      procedure.sideEffects?.(server, known, unknown);
      console.log(
        `[enumeration] ${procedure.path}: 200 probes (100 known, 100 unknown), one round every ${procedure.stepMs / 1000} s; statuses ${k.statuses} in each series; first limit at probe ${k.firstLimited?.probe} of 100 (${k.firstLimited?.reply}); limiting starts at round ${tally(k.limitedFrom)} per identifier; ${k.afterFirstLimit} probes after the first limit, ${k.reopened} of them answered (limits reopening)`,
      );
      server.database.close();
    },
    60_000,
  );
});
