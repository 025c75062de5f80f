/**
 * Issue #8, suite 1: every procedure of the router, fuzzed over HTTP through the real app.
 *
 * For each procedure, FUZZ_INPUTS generated requests (fast-check, fixed seed per procedure):
 * inputs shaped by the procedure's own zod schema with hostile leaves, objects with its keys and
 * hostile values, arbitrary JSON, no input, and a few odd transports (batch, wrong method, a body
 * that is not JSON). Each is sent as an anonymous caller, the demo member Siti, a staff token of
 * an allowed role or a paired kiosk. Expected of every reply: status below 500, no stack trace or
 * internal message; of every refused reply (status other than 200): no write to the business
 * tables (write counter by temporary triggers, cross-checked by a content checksum).
 *
 * `FUZZ_INPUTS=5000 pnpm --filter @pulih/api exec vitest run src/assurance/fuzz` runs a longer
 * variant; `FUZZ_SEED` changes the seed.
 */
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { DEMO_BRANCH_CODE } from '../demo/demo-accounts.js';
import { callNextTicket, createKiosk, issueQueueTicket } from '../repositories/kiosk-repository.js';
import { appRouter } from '../router.js';
import { createTestServer, type TestServer } from '../test-support/test-server.js';
import type { ProcedureMeta } from '../trpc.js';
import {
  accountIdOf,
  businessChecksum,
  type Callers,
  leakIn,
  makeCallers,
  memberCookie,
  serverFromSnapshot,
  watchBusinessWrites,
} from './support.js';

// The 30 ms floor of the enumeration-safe replies (register, forgot-password, resend, recovery
// and kiosk balance start) is a timing defence measured by `pnpm bench:enumeration`; here it
// would only make 5 × 1,000 replies wait. The work itself runs unchanged.
vi.mock('../security/equal-work.js', async (importOriginal) => {
  const original = await importOriginal<typeof import('../security/equal-work.js')>();
  return { ...original, withMinimumDuration: async <T>(_floorMs: number, work: () => Promise<T> | T) => work() };
});

const FUZZ_INPUTS = Number(process.env.FUZZ_INPUTS ?? 1000);
const FUZZ_SEED = Number(process.env.FUZZ_SEED ?? 20261124);

// ---------------------------------------------------------------------------------------------
// Hostile values

const b64 = (text: string | Buffer) => Buffer.from(text).toString('base64');

/** Fragments an attacker or a broken client sends; some are real demo identifiers, to get deeper. */
const FRAGMENTS: readonly string[] = [
  // SQL
  "' OR '1'='1",
  "'; DROP TABLE members; --",
  '" OR ""="',
  "1' UNION SELECT password_hash, token_hash FROM accounts, sessions --",
  '1; PRAGMA writable_schema=1',
  "x'); ATTACH DATABASE 'x.db' AS x; --",
  '%',
  '_%_',
  '\\',
  "''",
  // HTML / script / templates
  '<script>alert(1)</script>',
  '<img src=x onerror=alert(document.cookie)>',
  '"><svg/onload=alert(1)>',
  'javascript:alert(1)',
  '{{7*7}}',
  // biome-ignore lint/suspicious/noTemplateCurlyInString: a template-injection probe, meant literally
  '${7*7}',
  '<!--',
  ']]>',
  // paths, headers, protocol noise
  '../../../../etc/passwd',
  '..\\..\\..\\boot.ini',
  'file:///etc/shadow',
  '%00',
  '%2e%2e%2f',
  'a\r\nSet-Cookie: pulih_session=x',
  '\r\n\r\n',
  // prototype pollution and JS names
  '__proto__',
  'constructor',
  'prototype',
  'hasOwnProperty',
  'toString',
  'valueOf',
  // unicode: confusables, invisible, bidi, other digit systems, case folding
  'ѕіtі.rаhаyu@ехаmple.com', // Cyrillic letters
  'siti.rahayu@example.com\u200b',
  '\u202egnp.exe',
  '１９０１１１１１１１１', // fullwidth digits
  '٣٢٧٣٠١٥٧٠٨٩٠٠٠٠١', // Arabic-Indic digits
  '𝟏𝟗𝟎𝟏𝟏𝟏𝟏𝟏𝟏𝟏𝟏',
  'İıſﬀ',
  'Ｓｉｔｉ　Ｒａｈａｙｕ',
  '\ufeff',
  '\ud800',
  '\udfff\ud800',
  'e\u0301\u0301\u0301\u0301',
  '👨‍👩‍👧‍👦',
  // control characters
  '\u0000',
  '\u0000\u0001\u0002\u0003\u001b[2J\u007f',
  '\t\v\f\b',
  '\u2028\u2029',
  // numbers and words as strings
  '-1',
  '0',
  '1e309',
  'NaN',
  'Infinity',
  '9007199254740993',
  'null',
  'undefined',
  'true',
  '[]',
  '{}',
  '',
  ' ',
  // NIK/KPJ-like and real demo identifiers
  '3273015708900001',
  '3273015708900000',
  '3201014506920001',
  '0000000000000000',
  '9999999999999999',
  '19011111111',
  '20022222222',
  '19088888888',
  '19099999999',
  '00000000000',
  '99999999999',
  '1901111111',
  '190111111111',
  '19011111111 ',
  '19.011.111.111',
  // dates, phones, emails, staff names, branches, ids
  '2026-02-30',
  '0000-00-00',
  '9999-12-31',
  '1900-01-01',
  '2026-11-25',
  '2026-11-24T08:00:00Z',
  '+6281234567890',
  '081234567890',
  '+62',
  'a@b',
  'siti.rahayu@example.com',
  'rudi.hartono@example.com',
  'SITI.RAHAYU@EXAMPLE.COM',
  'demo.admin',
  'demo.branch',
  DEMO_BRANCH_CODE,
  '09:00',
  '1',
  '123456',
  '000000',
  '00000000-0000-0000-0000-000000000000',
  'KLM-2026-000001',
  // document contents, base64: PDF, PNG and JPEG magic, HTML and an executable pretending
  b64('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n'),
  b64(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13])),
  b64(Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 16, 0x4a, 0x46, 0x49, 0x46, 0])),
  b64('<html><script>alert(1)</script></html>'),
  b64('MZ\u0090\u0000\u0003'),
  '====',
  'not base64 !!!',
];

const digits = (min: number, max: number) =>
  fc.string({ unit: fc.constantFrom(...'0123456789'), minLength: min, maxLength: max });
const controlChar = fc.integer({ min: 0, max: 0x1f }).map((c) => String.fromCharCode(c));

/** Strings up to ~100 KB, cheap to build: a fragment repeated. */
const hugeString = fc
  .tuple(
    fc.constantFrom('A', '0', 'é', '\u0000', '<a>', "'", '𝟏', ...FRAGMENTS.slice(0, 20)),
    fc.integer({ min: 1_000, max: 100_000 }),
  )
  .map(([fragment, length]) => fragment.repeat(Math.ceil(length / Math.max(1, fragment.length))).slice(0, length));

const hostileString: fc.Arbitrary<string> = fc.oneof(
  { weight: 6, arbitrary: fc.constantFrom(...FRAGMENTS) },
  { weight: 3, arbitrary: fc.string({ maxLength: 40 }) },
  { weight: 2, arbitrary: fc.string({ unit: 'binary', maxLength: 40 }) },
  { weight: 1, arbitrary: fc.string({ unit: controlChar, maxLength: 20 }) },
  { weight: 2, arbitrary: digits(1, 20) },
  { weight: 2, arbitrary: fc.oneof(digits(16, 16), digits(11, 11)) },
  {
    weight: 2,
    arbitrary: fc.array(fc.constantFrom(...FRAGMENTS), { minLength: 2, maxLength: 4 }).map((parts) => parts.join('')),
  },
  { weight: 1, arbitrary: hugeString },
);

const hostileNumber = fc.oneof(
  fc.integer(),
  fc.constantFrom(0, -0, -1, 1, 2 ** 31, 2 ** 53, -(2 ** 53), 2 ** 53 + 2, 1e308, -1e308, 5e-324, 0.5, 1.5),
  fc.double({ noNaN: true, noDefaultInfinity: true }),
);

/** Nested arrays or objects, up to 2,000 levels. */
const deepNesting = fc.tuple(fc.integer({ min: 10, max: 2_000 }), fc.boolean()).map(([depth, arrays]) => {
  let value: unknown = 'bottom';
  for (let i = 0; i < depth; i++) value = arrays ? [value] : { a: value };
  return value;
});

const hostileValue: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 8, arbitrary: hostileString },
  { weight: 2, arbitrary: hostileNumber },
  { weight: 1, arbitrary: fc.boolean() },
  { weight: 1, arbitrary: fc.constant(null) },
  { weight: 1, arbitrary: fc.array(hostileString, { maxLength: 5 }) },
  { weight: 1, arbitrary: fc.dictionary(hostileString, hostileString, { maxKeys: 4 }) },
  { weight: 1, arbitrary: fc.jsonValue({ maxDepth: 3 }) },
  { weight: 1, arbitrary: deepNesting },
);

// ---------------------------------------------------------------------------------------------
// Inputs from the procedure's zod schema

interface ZodLike {
  readonly _zod: {
    readonly def: Record<string, unknown> & { readonly type: string };
  };
}
const isZod = (value: unknown): value is ZodLike =>
  typeof value === 'object' && value !== null && '_zod' in value && typeof (value as ZodLike)._zod?.def === 'object';

/** What a zod schema states about its values: lengths, bounds, patterns, format (from its checks). */
interface Facts {
  readonly minLength?: number;
  readonly maxLength?: number;
  readonly minimum?: number;
  readonly maximum?: number;
  readonly patterns: readonly RegExp[];
  readonly format?: string;
}

function factsOf(def: Record<string, unknown>): Facts {
  const facts: { -readonly [K in keyof Facts]: Facts[K] } = { patterns: [] };
  const patterns: RegExp[] = [];
  if (def.pattern instanceof RegExp) patterns.push(def.pattern);
  if (typeof def.format === 'string') facts.format = def.format;
  for (const check of (def.checks as ZodLike[] | undefined) ?? []) {
    const c = check._zod.def as Record<string, unknown>;
    if (c.check === 'min_length' && typeof c.minimum === 'number') facts.minLength = c.minimum;
    if (c.check === 'max_length' && typeof c.maximum === 'number') facts.maxLength = c.maximum;
    if (c.check === 'length_equals' && typeof c.length === 'number') facts.minLength = facts.maxLength = c.length;
    if (c.check === 'greater_than' && typeof c.value === 'number') facts.minimum = c.value;
    if (c.check === 'less_than' && typeof c.value === 'number') facts.maximum = c.value;
    if (c.check === 'string_format') {
      if (c.pattern instanceof RegExp) patterns.push(c.pattern);
      if (typeof c.format === 'string' && c.format !== 'regex') facts.format = c.format;
    }
  }
  facts.patterns = patterns;
  return facts;
}

/**
 * Values that sit at and just past a string schema's length limits, up to ~100 KB (the document
 * fields' megabyte limits are `http-hardening.test.ts`'s business).
 */
function stringAtLimits(facts: Facts): fc.Arbitrary<string> {
  const lengths: number[] = [];
  if (facts.minLength !== undefined) lengths.push(Math.max(0, facts.minLength - 1), facts.minLength);
  if (facts.maxLength !== undefined && facts.maxLength < 100_000) lengths.push(facts.maxLength, facts.maxLength + 1);
  if (lengths.length === 0) return hostileString;
  return fc
    .tuple(fc.constantFrom(...lengths), fc.constantFrom('7', 'a', "'", '𝟏', '<'))
    .map(([length, unit]) => unit.repeat(length));
}

/**
 * Strings that pass the schema's own format (its regular expressions, uuid, ISO date or time,
 * email), so that inputs also get past validation into the procedure: ids that look real, dates
 * that parse. Null when the schema states no format.
 */
function wellFormedString(facts: Facts): fc.Arbitrary<string> | null {
  switch (facts.format) {
    case 'uuid':
    case 'guid':
      return fc.uuid();
    case 'date':
      return fc
        .date({ min: new Date('1900-01-01'), max: new Date('2100-12-31'), noInvalidDate: true })
        .map((d) => d.toISOString().slice(0, 10));
    case 'datetime':
      return fc
        .date({ min: new Date('1970-01-01'), max: new Date('2100-12-31'), noInvalidDate: true })
        .map((d) => d.toISOString());
    case 'email':
      return fc.emailAddress();
  }
  if (facts.patterns.length > 0) return fc.oneof(...facts.patterns.map((pattern) => fc.stringMatching(pattern)));
  return null;
}

/**
 * An arbitrary following the schema's shape, with hostile leaves: objects get their keys
 * (sometimes missing, sometimes with extras), enums their values or near misses, strings hostile
 * strings or strings at the length limits, numbers their boundaries.
 */
function fromSchema(schema: unknown, depth = 0): fc.Arbitrary<unknown> {
  if (!isZod(schema) || depth > 6) return hostileValue;
  const { def } = schema._zod;
  const inner = (key: string) => fromSchema(def[key], depth + 1);
  switch (def.type) {
    case 'object': {
      const shape = (def.shape ?? {}) as Record<string, unknown>;
      const fields = Object.fromEntries(Object.keys(shape).map((key) => [key, fromSchema(shape[key], depth + 1)]));
      return fc.oneof(
        { weight: 6, arbitrary: fc.record(fields) },
        { weight: 3, arbitrary: fc.record(fields, { requiredKeys: [] }) },
        {
          weight: 1,
          arbitrary: fc
            .tuple(
              fc.record(fields),
              fc.dictionary(fc.constantFrom('__proto__', 'constructor', 'extra', 'id'), hostileValue),
            )
            .map(([record, extra]) => ({ ...extra, ...record })),
        },
      );
    }
    case 'optional':
    case 'nullable':
    case 'default':
    case 'prefault':
    case 'catch':
    case 'readonly':
    case 'nonoptional':
      return fc.oneof(
        { weight: 4, arbitrary: inner('innerType') },
        { weight: 1, arbitrary: fc.constantFrom(undefined, null) },
      );
    case 'pipe':
      return inner('in');
    case 'lazy':
      return typeof def.getter === 'function' ? fromSchema((def.getter as () => unknown)(), depth + 1) : hostileValue;
    case 'array':
      return fc.array(inner('element'), { maxLength: 14 });
    case 'tuple':
      return fc.tuple(...((def.items as unknown[]) ?? []).map((item) => fromSchema(item, depth + 1)));
    case 'union':
      return fc.oneof(...((def.options as unknown[]) ?? []).map((option) => fromSchema(option, depth + 1)));
    case 'intersection':
      return fc
        .tuple(inner('left'), inner('right'))
        .map(([left, right]) =>
          typeof left === 'object' && typeof right === 'object' ? { ...(left as object), ...(right as object) } : left,
        );
    case 'record':
      return fc.dictionary(fc.oneof(hostileString, fc.constant('x')), inner('valueType'), { maxKeys: 5 });
    case 'enum': {
      const values = Object.values((def.entries ?? {}) as Record<string, string | number>);
      return fc.oneof(
        { weight: 6, arbitrary: fc.constantFrom(...values) },
        {
          weight: 1,
          arbitrary: fc.constantFrom(...values).map((v) => (typeof v === 'string' ? v.toUpperCase() : v + 1)),
        },
        { weight: 2, arbitrary: hostileValue },
      );
    }
    case 'literal': {
      const values = (def.values as unknown[]) ?? [];
      return fc.oneof({ weight: 4, arbitrary: fc.constantFrom(...values) }, { weight: 1, arbitrary: hostileValue });
    }
    case 'string':
      return fc.oneof(
        { weight: 6, arbitrary: hostileString },
        { weight: 2, arbitrary: stringAtLimits(factsOf(def)) },
        { weight: 3, arbitrary: wellFormedString(factsOf(def)) ?? hostileString },
        { weight: 1, arbitrary: hostileValue },
      );
    case 'number':
    case 'int':
    case 'bigint': {
      const facts = factsOf(def);
      const limits = [facts.minimum, facts.maximum].filter(
        (n): n is number => typeof n === 'number' && Number.isFinite(n),
      );
      const edges = limits.flatMap((n) => [n - 1, n, n + 1]);
      return fc.oneof(
        { weight: 5, arbitrary: hostileNumber },
        { weight: 2, arbitrary: edges.length > 0 ? fc.constantFrom(...edges) : fc.integer({ min: -5, max: 100 }) },
        { weight: 2, arbitrary: fc.integer({ min: 1, max: 60 }) },
        { weight: 1, arbitrary: hostileValue },
      );
    }
    case 'boolean':
      return fc.oneof({ weight: 4, arbitrary: fc.boolean() }, { weight: 1, arbitrary: hostileValue });
    default:
      return hostileValue;
  }
}

// ---------------------------------------------------------------------------------------------
// The router

interface ProcedureLike {
  readonly _def: { readonly type: string; readonly meta?: ProcedureMeta; readonly inputs?: readonly unknown[] };
}

const procedures = Object.entries(appRouter._def.procedures as unknown as Record<string, ProcedureLike>)
  .filter(([, procedure]) => procedure._def.type !== 'subscription')
  .map(([path, procedure]) => {
    const schemas = procedure._def.inputs ?? [];
    const keys = new Set<string>();
    for (const schema of schemas) {
      if (isZod(schema) && schema._zod.def.type === 'object') {
        for (const key of Object.keys(schema._zod.def.shape as object)) keys.add(key);
      }
    }
    return {
      path,
      type: procedure._def.type as 'query' | 'mutation',
      staffRoles: procedure._def.meta?.staffRoles,
      schema: schemas.length === 1 ? schemas[0] : undefined,
      keys: [...keys],
      hasInputSchema: schemas.length > 0,
    };
  });

type Procedure = (typeof procedures)[number];
type CallerKind = 'anonymous' | 'member' | 'staff' | 'kiosk';
type Transport = 'normal' | 'batch' | 'wrong-method' | 'not-json' | 'text-plain';

interface FuzzCase {
  readonly input: unknown;
  readonly caller: CallerKind;
  readonly transport: Transport;
  readonly roleIndex: number;
}

/**
 * Inputs that pass validation, for the procedures whose inputs need coherent values that random
 * generation does not find (a NIK with its KPJ and birth date, an open case, a real kiosk or
 * ticket, a known setting): filled in `beforeAll` from the seeded state. Each is sent as it is or
 * with one field replaced by a hostile value or dropped, so that the code behind the door runs.
 */
const coherentInputs = new Map<string, readonly Record<string, unknown>[]>();

function nearlyCoherent(inputs: readonly Record<string, unknown>[]): fc.Arbitrary<unknown> {
  const valid = fc.constantFrom(...inputs);
  return fc.oneof(
    { weight: 3, arbitrary: valid },
    {
      weight: 4,
      arbitrary: fc.tuple(valid, fc.nat(), hostileValue).map(([input, at, value]) => {
        const keys = Object.keys(input);
        return { ...input, [keys[at % keys.length] as string]: value };
      }),
    },
    {
      weight: 1,
      arbitrary: fc.tuple(valid, fc.nat()).map(([input, at]) => {
        const keys = Object.keys(input);
        const { [keys[at % keys.length] as string]: _dropped, ...rest } = input;
        return rest;
      }),
    },
  );
}

function casesFor(procedure: Procedure): fc.Arbitrary<FuzzCase> {
  const keyed =
    procedure.keys.length > 0
      ? fc.record(Object.fromEntries(procedure.keys.map((key) => [key, hostileValue])), { requiredKeys: [] })
      : fc.dictionary(hostileString, hostileValue, { maxKeys: 4 });
  const coherent = coherentInputs.get(procedure.path);
  const input = fc.oneof(
    { weight: coherent ? 8 : 0, arbitrary: coherent ? nearlyCoherent(coherent) : fc.constant(undefined) },
    { weight: procedure.schema ? 10 : 0, arbitrary: fromSchema(procedure.schema) },
    { weight: 4, arbitrary: keyed },
    { weight: 2, arbitrary: fc.jsonValue({ maxDepth: 4 }) },
    { weight: 1, arbitrary: hostileValue },
    { weight: 1, arbitrary: fc.constant(undefined) },
  );
  const callers: { weight: number; arbitrary: fc.Arbitrary<CallerKind> }[] = procedure.staffRoles
    ? [
        { weight: 8, arbitrary: fc.constant('staff') },
        { weight: 1, arbitrary: fc.constant('anonymous') },
        { weight: 1, arbitrary: fc.constant('member') },
      ]
    : [
        { weight: procedure.path.startsWith('kiosk.') ? 2 : 6, arbitrary: fc.constant('member') },
        { weight: 3, arbitrary: fc.constant('anonymous') },
        { weight: procedure.path.startsWith('kiosk.') ? 6 : 1, arbitrary: fc.constant('kiosk') },
        { weight: 1, arbitrary: fc.constant('staff') },
      ];
  const transport = fc.oneof(
    { weight: 92, arbitrary: fc.constant<Transport>('normal') },
    { weight: 3, arbitrary: fc.constant<Transport>('batch') },
    { weight: 2, arbitrary: fc.constant<Transport>('wrong-method') },
    { weight: 2, arbitrary: fc.constant<Transport>('not-json') },
    { weight: 1, arbitrary: fc.constant<Transport>('text-plain') },
  );
  return fc.record({ input, caller: fc.oneof(...callers), transport, roleIndex: fc.nat(10) });
}

/** A stable seed per procedure: adding a procedure does not change the others' inputs. */
const seedOf = (path: string) => {
  let hash = FUZZ_SEED;
  for (const char of path) hash = (Math.imul(hash, 31) + char.charCodeAt(0)) | 0;
  return hash;
};

// ---------------------------------------------------------------------------------------------
// The run

/** `FUZZ_ONLY=claims.` fuzzes only the procedures whose path starts so (to reproduce a failure). */
const only = process.env.FUZZ_ONLY;
const selected = only ? procedures.filter((p) => p.path.startsWith(only)) : procedures;

let base: TestServer;
let snapshot: Buffer;
let callers: Callers;
let sitiAccount: number;
let sitiCookie: string;
const internalErrors: string[] = [];
const totals = { procedures: 0, requests: 0, accepted: 0, refused: 0, deepRefusals: 0 };
const byStatus = new Map<number, number>();
/** Per procedure: accepted, refused after running its code, refused at the door (input, auth). */
const depth = new Map<string, { accepted: number; deep: number; shallow: number }>();
const started = performance.now();

beforeAll(async () => {
  base = await createTestServer();
  callers = makeCallers(base, 'fuzz');
  sitiAccount = accountIdOf(base, 'siti.rahayu@example.com');
  sitiCookie = memberCookie(base, sitiAccount);
  await fillCoherentInputs(base, callers);
  // Every procedure is fuzzed on its own copy of this state, so a failure reproduces alone.
  snapshot = base.database.sqlite.serialize();
  // The app logs internal errors (INTERNAL_SERVER_ERROR) with their stack: none may happen.
  const original = console.error;
  vi.spyOn(console, 'error').mockImplementation((...args: unknown[]) => {
    internalErrors.push(args.map(String).join(' ').slice(0, 500));
    original(...args);
  });
});

afterAll(() => {
  vi.restoreAllMocks();
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  const statuses = [...byStatus.entries()].sort(([a], [b]) => a - b).map(([s, n]) => `${s}×${n}`);
  const doorOnly = [...depth.entries()].filter(([, d]) => d.accepted + d.deep === 0).map(([path]) => path);
  if (process.env.FUZZ_VERBOSE) {
    for (const [path, d] of depth)
      console.log(`[fuzz] ${path}: accepted ${d.accepted}, deep ${d.deep}, door ${d.shallow}`);
  }
  console.log(
    `[fuzz] procedures where no input got past validation and authorization: ${doorOnly.length === 0 ? 'none' : doorOnly.join(', ')}`,
  );
  console.log(
    `[fuzz] ${totals.procedures} procedures × ${FUZZ_INPUTS} inputs = ${totals.requests} requests in ${seconds} s ` +
      `(seed ${FUZZ_SEED}); accepted ${totals.accepted}, refused ${totals.refused} ` +
      `(${totals.deepRefusals} after running procedure code, each content-checksummed); statuses ${statuses.join(' ')}`,
  );
});

const PDF_SCAN = b64('%PDF-1.4\n% scanned document\n1 0 obj << /Type /Catalog >> endobj\n%%EOF\n');
const SITI = { kpj: '19011111111', nik: '3273015708900001', fullName: 'Siti Rahayu', birthDate: '1990-08-17' };
const AGUS = { kpj: '19099999999', nik: '3273011505920004' };
const BANK = { bankCode: '009', accountNumber: '0987654321', holderName: 'SITI RAHAYU' };

/** The valid inputs of `coherentInputs`, from the seeded demo registry and a little set-up. */
async function fillCoherentInputs(server: TestServer, callers: Callers): Promise<void> {
  const officer = callers.staff.branch_officer;
  const opened = await server.call(
    'case.openBranch',
    { ...pick(SITI, 'kpj', 'nik'), documents: ['ktp', 'kpj_card'], photoMatches: true, reason: 'klaim JHT di loket' },
    { bearer: officer },
  );
  const caseId = (opened.json.result?.data as { caseId?: string } | undefined)?.caseId;
  if (!caseId) throw new Error(`no branch case for the fuzz: ${opened.text}`);
  const spareKiosk = createKiosk(
    server.db,
    { branchCode: DEMO_BRANCH_CODE, label: 'Fuzz spare kiosk', pairedByStaffId: callers.staffIds.branch_officer },
    server.clock.now(),
  );
  const waiting = issueQueueTicket(
    server.db,
    { branchCode: DEMO_BRANCH_CODE, kioskId: spareKiosk.kioskId, intent: 'lost_phone' },
    server.clock.now(),
  );
  issueQueueTicket(server.db, { branchCode: DEMO_BRANCH_CODE, kioskId: null, intent: 'other' }, server.clock.now());
  const called = callNextTicket(server.db, DEMO_BRANCH_CODE, callers.staffIds.branch_officer, server.clock.now());
  const register = {
    email: 'fuzz.register@example.com',
    phone: '081299990000',
    password: 'Fuzz-Password-2026!',
    locale: 'id',
  };
  const inputs: Record<string, Record<string, unknown>[]> = {
    'account.register': [
      { nik: '3201014506920001', kpj: '19055555555', fullName: 'Rina Wulandari', birthDate: '1992-06-05', ...register },
      { ...SITI, ...register, email: 'siti.rahayu@example.com' },
    ],
    'recovery.start': [
      { identifier: SITI.kpj, phone: '+6281234567890', locale: 'id' },
      { identifier: SITI.nik, phone: '081200000001', locale: 'en' },
    ],
    'case.openCallCenter': [
      { ...SITI, motherName: 'Sumarni' },
      { ...SITI, motherName: 'Painem' },
    ],
    'case.openBranch': [
      { ...pick(SITI, 'kpj', 'nik'), documents: ['ktp', 'kpj_card'], photoMatches: true, reason: 'ganti nomor HP' },
      { ...AGUS, documents: ['ktp'], photoMatches: false, reason: 'klaim JHT' },
    ],
    'kiosk.revoke': [{ kioskId: spareKiosk.kioskId }],
    'kiosk.balanceStart': [
      { ...pick(SITI, 'nik', 'kpj'), locale: 'id' },
      { ...AGUS, locale: 'en' },
    ],
    'queue.done': [{ ticketId: called?.id ?? waiting.id }, { ticketId: waiting.id }],
    'claims.submit': [
      { reason: 'resignation', npwp: null, bank: BANK, documentIds: [] },
      { reason: 'retirement', npwp: '092542943407000', bank: BANK, documentIds: [] },
    ],
    'claims.submitAtCounter': [
      {
        caseId,
        reason: 'resignation',
        heir: null,
        npwp: null,
        bank: BANK,
        documents: ['ktp', 'kpj_card', 'bank_book', 'paklaring'].map((kind) => ({
          kind,
          contentBase64: PDF_SCAN,
        })),
      },
    ],
    'privacy.affected': [
      { since: '2026-11-01', until: '2026-11-24T08:00:00Z' },
      { since: '2026-11-20', channel: 'cli', actionPrefix: 'member.' },
    ],
    'privacy.openIncident': [
      { since: '2026-11-01', until: '2026-11-24', description: 'A staff laptop was lost', measures: 'Tokens revoked' },
    ],
    'privacy.setSetting': [
      { name: 'correction_deadline_hours', value: 48 },
      { name: 'finished_claim_documents_days', value: 3650 },
    ],
  };
  for (const [path, list] of Object.entries(inputs)) coherentInputs.set(path, list);
}

const pick = <T extends object, K extends keyof T>(value: T, ...keys: K[]): Pick<T, K> =>
  Object.fromEntries(keys.map((key) => [key, value[key]])) as Pick<T, K>;

const SHALLOW_CODES = new Set(['INVALID_INPUT', 'UNAUTHENTICATED', 'FORBIDDEN', 'CROSS_SITE_REQUEST']);

function requestOf(procedure: Procedure, fuzz: FuzzCase, cookie: string): { url: string; init: RequestInit } {
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  const roles = procedure.staffRoles ?? ['admin'];
  if (fuzz.caller === 'member') headers.cookie = cookie;
  if (fuzz.caller === 'kiosk') headers.cookie = callers.kioskCookie;
  if (fuzz.caller === 'staff')
    headers.authorization = `Bearer ${callers.staff[roles[fuzz.roleIndex % roles.length] ?? 'admin']}`;
  const json = fuzz.input === undefined ? undefined : JSON.stringify(fuzz.input);
  const url = `http://localhost/trpc/${procedure.path}`;
  const asGet = (procedure.type === 'query') !== (fuzz.transport === 'wrong-method');
  switch (fuzz.transport) {
    case 'batch': {
      const batch = `${url},${procedure.path}?batch=1`;
      return asGet
        ? { url: `${batch}&input=${encodeURIComponent(JSON.stringify({ 0: fuzz.input, 1: null }))}`, init: { headers } }
        : {
            url: batch,
            init: { method: 'POST', headers, body: JSON.stringify({ 0: fuzz.input, 1: fuzz.input ?? null }) },
          };
    }
    case 'not-json':
      return asGet
        ? { url: `${url}?input=${encodeURIComponent(`${json ?? ''}}{`)}`, init: { headers } }
        : { url, init: { method: 'POST', headers, body: `${json ?? ''},]` } };
    case 'text-plain':
      return { url, init: { method: 'POST', headers: { ...headers, 'content-type': 'text/plain' }, body: json ?? '' } };
    default:
      return asGet
        ? { url: json === undefined ? url : `${url}?input=${encodeURIComponent(json)}`, init: { headers } }
        : { url, init: { method: 'POST', headers, ...(json === undefined ? {} : { body: json }) } };
  }
}

describe(`fuzzing every procedure (${selected.length} procedures × ${FUZZ_INPUTS} inputs, seed ${FUZZ_SEED})`, () => {
  it('walks a router that has grown, not an empty one', () => {
    expect(procedures.length).toBeGreaterThan(100);
    expect(procedures.filter((p) => p.hasInputSchema && p.keys.length > 0).length).toBeGreaterThan(70);
  });

  it('sees a write to a business table, and lets only the limit counters move', () => {
    const server = serverFromSnapshot(base, snapshot, base.clock.now());
    const watch = watchBusinessWrites(server);
    const sum = businessChecksum(server);
    const sqlite = server.database.sqlite;
    sqlite.prepare('update accounts set failed_attempts = failed_attempts + 1 where id = ?').run(sitiAccount);
    sqlite.prepare("update accounts set state = 'locked' where id = ?").run(sitiAccount);
    expect(watch.writes()).toBe(0);
    expect(businessChecksum(server)).toBe(sum);
    sqlite.prepare("update accounts set state = 'frozen' where id = ?").run(sitiAccount);
    expect(watch.writes()).toBe(1);
    sqlite.prepare("update member_contacts set phone = '+6281200000000' where member_id = 1").run();
    expect(watch.writes()).toBe(2);
    expect(businessChecksum(server)).not.toBe(sum);
    // A write rolled back is no write.
    const rolledBack = sqlite.transaction(() => {
      sqlite.prepare("update members set full_name = 'X' where id = 1").run();
      throw new Error('roll back');
    });
    expect(() => rolledBack()).toThrow('roll back');
    expect(watch.writes()).toBe(2);
    server.database.close();
  });

  it.each(selected)(
    '$path ($type)',
    async (procedure) => {
      const server = serverFromSnapshot(base, snapshot, base.clock.now());
      const watch = watchBusinessWrites(server);
      let cookie = sitiCookie;
      // The content checksum, recomputed only when the write counter moved since the last one.
      let checksum: { writes: number; value: string } | undefined;
      const currentChecksum = () => {
        const writes = watch.writes();
        if (checksum?.writes !== writes) checksum = { writes, value: businessChecksum(server) };
        return checksum.value;
      };
      const failures: string[] = [];
      const stats = { accepted: 0, deep: 0, shallow: 0 };
      depth.set(procedure.path, stats);
      const checksumBefore = currentChecksum();
      const chunk = 100;
      for (let offset = 0; offset < FUZZ_INPUTS; offset += chunk) {
        const cases = fc.sample(casesFor(procedure), {
          numRuns: Math.min(chunk, FUZZ_INPUTS - offset),
          seed: seedOf(procedure.path) + offset,
        });
        for (const fuzz of cases) {
          const before = watch.writes();
          const sumBefore = checksum?.writes === before ? checksum.value : undefined;
          const { url, init } = requestOf(procedure, fuzz, cookie);
          const response = await server.app.request(url, init);
          const text = await response.text();
          totals.requests += 1;
          byStatus.set(response.status, (byStatus.get(response.status) ?? 0) + 1);
          const describeCase = () =>
            `${fuzz.caller}/${fuzz.transport} ${response.status} input=${JSON.stringify(fuzz.input)?.slice(0, 200)} reply=${text.slice(0, 300)}`;
          if (response.status >= 500) failures.push(`status ≥ 500: ${describeCase()}`);
          const leak = leakIn(text);
          if (leak) failures.push(`leak ${leak}: ${describeCase()}`);
          if (text.includes('"appCode":"INTERNAL"')) failures.push(`INTERNAL: ${describeCase()}`);
          if (response.status === 200) {
            totals.accepted += 1;
            stats.accepted += 1;
            continue;
          }
          totals.refused += 1;
          // A batch answers 207 when its calls differ: one of them may have been accepted.
          if (response.status === 207) continue;
          const after = watch.writes();
          if (after !== before) failures.push(`refused call wrote ${after - before} business rows: ${describeCase()}`);
          const appCode = /"appCode":"([A-Z_]+)"/.exec(text)?.[1] ?? '';
          if (SHALLOW_CODES.has(appCode) || response.status === 413) stats.shallow += 1;
          else {
            // It ran procedure code before refusing: compare the content as well.
            totals.deepRefusals += 1;
            stats.deep += 1;
            const sumAfter = businessChecksum(server);
            checksum = { writes: after, value: sumAfter };
            if (sumBefore !== undefined && sumBefore !== sumAfter)
              failures.push(`refused call changed content: ${describeCase()}`);
          }
          if (fuzz.caller === 'member' && appCode === 'UNAUTHENTICATED' && !procedure.staffRoles) {
            // Logged out (or closed) by an accepted call before: a new session.
            cookie = memberCookie(server, sitiAccount);
          }
        }
      }
      // Cross-check of the triggers: no write counted in the whole run means the same content.
      if (watch.writes() === 0) {
        checksum = undefined;
        expect(currentChecksum(), 'content changed with no counted write').toBe(checksumBefore);
      }
      server.database.close();
      totals.procedures += 1;
      expect(internalErrors, 'internal errors logged').toEqual([]);
      expect(failures.slice(0, 10), `${failures.length} failures`).toEqual([]);
    },
    120_000,
  );
});
