/**
 * Issue #8, suite 3: brute force against ONE account (Siti: an email, two KPJ numbers, a NIK and
 * a registered phone), over every channel that accepts a secret for it, driven as fast as the
 * limits allow on a manual clock; and recovery of a member locked out on the web.
 *
 * "Checked" (evaluated) means the server compared the guess with the secret, so that a right
 * guess would have been told apart: a password compared with the account's stored hash (the
 * comparison is spied on, below), or a guess at one of the member's codes while that code could
 * still be used (its try counter moved; the product's own `canAttemptCode` says whether it
 * could). Everything else is "refused": throttled, held back by a budget, nothing to compare.
 * Every request comes from a new client address, as from a botnet, so the per-address login
 * limit never binds; the per-identifier, per-account and per-member limits do.
 */
import { canAttemptCode } from '@pulih/domain';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { MAX_FAILED_ATTEMPTS_PER_HOUR } from '../security/attempt-budget.js';
import { codeIn, latestMessage } from '../test-support/outbox.js';
import { createTestServer, dataOf, type TestServer } from '../test-support/test-server.js';
import { callFrom } from './probe-support.js';
import { accountIdOf, type Callers, makeCallers, memberCookie, serverFromSnapshot } from './support.js';

const spied = vi.hoisted(() => ({ hashes: [] as (string | null)[] }));

// The 30 ms floor of the enumeration-safe replies is a timing defence (pnpm bench:enumeration);
// here it would only make the attacker's requests wait. The work itself runs unchanged.
vi.mock('../security/equal-work.js', async (importOriginal) => {
  const original = await importOriginal<typeof import('../security/equal-work.js')>();
  return { ...original, withMinimumDuration: async <T>(_floorMs: number, work: () => Promise<T> | T) => work() };
});

// Which stored hash each password is compared with (unchanged behaviour: the real comparison runs).
vi.mock('../security/password.js', async (importOriginal) => {
  const original = await importOriginal<typeof import('../security/password.js')>();
  return {
    ...original,
    verifyPassword: (storedHash: string | null, password: string) => {
      spied.hashes.push(storedHash);
      return original.verifyPassword(storedHash, password);
    },
  };
});

const SITI = {
  email: 'siti.rahayu@example.com',
  kpj: ['19011111111', '20022222222'] as const,
  nik: '3273015708900001',
  phone: '0812-3456-7890',
  phoneE164: '+6281234567890',
  password: 'Pulih-Demo-2026',
  facts: {
    kpj: '19011111111',
    nik: '3273015708900001',
    fullName: 'Siti Rahayu',
    birthDate: '1990-08-17',
    motherName: 'sumarni',
  },
};
const NEW_PASSWORD = 'rendang-padang-asli-2027';
const MEMBER_IP = '198.51.100.7';
const HOUR = 3_600_000;
const MINUTE = 60_000;

let base: TestServer;
let snapshot: Buffer;
let callers: Callers;

beforeAll(async () => {
  base = await createTestServer();
  callers = makeCallers(base, 'brute');
  snapshot = base.database.sqlite.serialize();
});

afterAll(() => base.database.close());

const fresh = (image = snapshot, now = base.clock.now()) => serverFromSnapshot(base, image, now);

interface Target {
  readonly accountId: number;
  readonly memberId: number;
  readonly passwordHash: string;
}

function targetOf(server: TestServer): Target {
  const accountId = accountIdOf(server, SITI.email);
  const row = server.database.sqlite
    .prepare('select member_id, password_hash from accounts where id = ?')
    .get(accountId) as { member_id: number; password_hash: string };
  return { accountId, memberId: row.member_id, passwordHash: row.password_hash };
}

const accountState = (server: TestServer, accountId: number) =>
  (server.database.sqlite.prepare('select state from accounts where id = ?').get(accountId) as { state: string }).state;

/** The member's codes (any purpose), with whether one more guess at each would be compared. */
function codesOf(server: TestServer, target: Target): Map<string, { attempts: number; usable: boolean }> {
  const rows = server.database.sqlite
    .prepare(
      `select id, attempts, consumed_at, expires_at, payload from verification_codes
       where code_hash is not null and (account_id = ? or member_id = ?)`,
    )
    .all(target.accountId, target.memberId) as {
    id: string;
    attempts: number;
    consumed_at: string | null;
    expires_at: string;
    payload: string;
  }[];
  const now = server.clock.now();
  return new Map(
    rows.map((row) => {
      const { codeExpiresAt } = JSON.parse(row.payload) as { codeExpiresAt?: string };
      const state = { expiresAt: codeExpiresAt ?? row.expires_at, attempts: row.attempts, consumedAt: row.consumed_at };
      return [row.id, { attempts: row.attempts, usable: canAttemptCode(state, now).ok }];
    }),
  );
}

/** What one step of a channel did: a guess (or a request that only prepares one), and when to go on. */
interface Step {
  readonly guess: boolean;
  readonly waitMs?: number;
  /** The channel is closed for good (e.g. the stolen session ended when the account locked). */
  readonly closed?: boolean;
  /** An identity check at the call center that was made (not refused): not a password or code. */
  readonly identityChecked?: boolean;
}

interface Channel {
  readonly name: string;
  readonly step: () => Promise<Step>;
}

interface ChannelFigures {
  requests: number;
  guesses: number;
  /** Clock times of the guesses the server checked. */
  checked: number[];
  refused: number;
}

/** The most events in any window of one hour. */
function maxInAnyHour(times: readonly number[]): number {
  const sorted = [...times].sort((a, b) => a - b);
  let best = 0;
  let first = 0;
  for (let last = 0; last < sorted.length; last++) {
    while ((sorted[last] as number) - (sorted[first] as number) >= HOUR) first++;
    best = Math.max(best, last - first + 1);
  }
  return best;
}

/**
 * Runs every channel as fast as it is allowed: a refusal that names a wait is waited out exactly,
 * and one channel sends at most one request a second. Stops after `durationMs` of the manual clock
 * or when `until` says so.
 */
async function attack(
  server: TestServer,
  target: Target,
  channels: readonly Channel[],
  options: { durationMs: number; until?: (checked: number) => boolean },
): Promise<Map<string, ChannelFigures>> {
  const start = server.clock.now().getTime();
  const next = new Map(channels.map((c) => [c.name, start]));
  const figures = new Map<string, ChannelFigures>(
    channels.map((c) => [c.name, { requests: 0, guesses: 0, checked: [], refused: 0 }]),
  );
  let total = 0;
  for (;;) {
    const [name, at] = [...next].reduce((a, b) => (b[1] < a[1] ? b : a));
    if (at >= start + options.durationMs || options.until?.(total)) break;
    const now = server.clock.now().getTime();
    if (at > now) server.clock.advance(at - now);
    const channel = channels.find((c) => c.name === name) as Channel;
    const codesBefore = codesOf(server, target);
    const comparedBefore = spied.hashes.length;
    const step = await channel.step();
    const passwordChecks = spied.hashes.slice(comparedBefore).filter((h) => h === target.passwordHash).length;
    let codeChecks = 0;
    for (const [id, after] of codesOf(server, target)) {
      const before = codesBefore.get(id);
      if (before?.usable && after.attempts > before.attempts) codeChecks += 1;
    }
    const checks = passwordChecks + codeChecks + (step.identityChecked ? 1 : 0);
    const figure = figures.get(name) as ChannelFigures;
    const when = server.clock.now().getTime();
    figure.requests += 1;
    if (step.guess) {
      figure.guesses += 1;
      if (checks === 0) figure.refused += 1;
      for (let i = 0; i < checks; i++) figure.checked.push(when);
      if (!step.identityChecked) total += checks;
    } else {
      expect(checks, `${name}: a request that guesses nothing checked a secret`).toBe(0);
    }
    next.set(name, step.closed ? Number.POSITIVE_INFINITY : when + Math.max(1000, step.waitMs ?? 0));
  }
  return figures;
}

let ipCounter = 0;
/** A new client address for every request. */
const anyIp = () => {
  ipCounter += 1;
  return `10.${(ipCounter >> 16) & 255}.${(ipCounter >> 8) & 255}.${ipCounter & 255}`;
};

const waitOf = (reply: { json: { error?: { data: { retryAfterSeconds?: number } } } }) =>
  (reply.json.error?.data.retryAfterSeconds ?? 0) * 1000;
const isLimited = (reply: { json: { error?: { data: { appCode: string } } } }) =>
  reply.json.error?.data.appCode === 'RATE_LIMITED';

let guessCounter = 0;
/** A wrong 6-digit code: never one of the codes really sent to the member. */
function wrongCode(server: TestServer): string {
  const sent = new Set(
    (
      server.database.sqlite
        .prepare('select body from outbox where recipient in (?, ?)')
        .all(SITI.email, SITI.phoneE164) as { body: string }[]
    ).flatMap((message) => message.body.match(/\b\d{6}\b/g) ?? []),
  );
  for (;;) {
    guessCounter += 1;
    const guess = String(100_000 + ((guessCounter * 7919) % 900_000));
    if (!sent.has(guess)) return guess;
  }
}
const wrongPassword = () => `tebakan-ke-${++guessCounter}`;

// ---------------------------------------------------------------------------------------------
// The channels that accept a secret for Siti's account

/** `auth.login` with one of the account's identifiers and wrong passwords. */
const loginChannel = (server: TestServer, identifier: string): Channel => ({
  name: `auth.login (${identifier.includes('@') ? 'email' : `KPJ ${identifier}`})`,
  step: async () => {
    const reply = await callFrom(server, 'auth.login', { identifier, password: wrongPassword() }, { ip: anyIp() });
    return { guess: true, waitMs: waitOf(reply) };
  },
});

/** Re-authentication and password change with a session the attacker has got hold of. */
function sessionChannels(server: TestServer, target: Target): Channel[] {
  const cookie = memberCookie(server, target.accountId);
  const channel = (path: 'account.reauthenticate' | 'account.changePassword'): Channel => ({
    name: path,
    step: async () => {
      const input =
        path === 'account.reauthenticate'
          ? { password: wrongPassword() }
          : { currentPassword: wrongPassword(), newPassword: NEW_PASSWORD };
      const reply = await callFrom(server, path, input, { ip: anyIp(), cookie });
      return { guess: true, waitMs: waitOf(reply), closed: reply.json.error?.data.appCode === 'UNAUTHENTICATED' };
    },
  });
  return [channel('account.reauthenticate'), channel('account.changePassword')];
}

/**
 * A channel of codes: `issue` asks for a code with one of `keys` (each has its own limit), then
 * `guess` tries five wrong codes at it (a code allows five tries). A refusal shorter than
 * `sharedBelowMs` is a limit all keys share (the destination's), waited out before any next key.
 */
function codeChannel<T>(
  server: TestServer,
  name: string,
  keys: readonly string[],
  issue: (key: string) => Promise<{ limitedForMs: number } | { request: T }>,
  guess: (request: T) => Promise<unknown>,
  sharedBelowMs = 0,
): Channel {
  const openAt = new Map<string, number>();
  let current: { request: T; left: number } | null = null;
  return {
    name,
    step: async () => {
      const now = server.clock.now().getTime();
      if (!current || current.left === 0) {
        const key = keys.find((k) => (openAt.get(k) ?? 0) <= now);
        if (key === undefined) return { guess: false, waitMs: Math.min(...openAt.values()) - now };
        const issued = await issue(key);
        if (!('limitedForMs' in issued)) current = { request: issued.request, left: 5 };
        else if (issued.limitedForMs < sharedBelowMs) for (const k of keys) openAt.set(k, now + issued.limitedForMs);
        else openAt.set(key, now + issued.limitedForMs);
        return { guess: false };
      }
      current.left -= 1;
      await guess(current.request);
      return { guess: true };
    },
  };
}

/** "Lupa password": a code to the registered email, asked for and typed back with an identifier. */
const resetCodeChannel = (server: TestServer, identifiers: readonly string[] = [SITI.email, ...SITI.kpj]) =>
  codeChannel(
    server,
    'auth.resetPassword (code from auth.forgotPassword)',
    identifiers,
    async (identifier) => {
      const reply = await callFrom(server, 'auth.forgotPassword', { identifier, locale: 'id' }, { ip: anyIp() });
      return isLimited(reply) ? { limitedForMs: waitOf(reply) } : { request: identifier };
    },
    (identifier) =>
      callFrom(
        server,
        'auth.resetPassword',
        { identifier, code: wrongCode(server), newPassword: NEW_PASSWORD },
        { ip: anyIp() },
      ),
  );

/**
 * Codes by SMS to the registered phone: "lupa email/akun" on the web or at a kiosk (NIK or KPJ
 * with the phone, which the attacker knows) and "Cek saldo & status" at a kiosk (NIK and KPJ).
 * One channel, because a new code to the phone closes the one before: asking for them side by
 * side would only waste them. The routes share the limits per NIK, per KPJ and per phone.
 */
function smsCodeChannel(server: TestServer, kioskCookie: string): Channel {
  type Route = { readonly path: 'recovery' | 'balance'; readonly kiosk: boolean; readonly key: string };
  const routes: Route[] = [
    ...[SITI.nik, ...SITI.kpj].map((key) => ({ path: 'recovery' as const, kiosk: false, key })),
    ...[SITI.nik, ...SITI.kpj].map((key) => ({ path: 'recovery' as const, kiosk: true, key })),
    ...SITI.kpj.map((key) => ({ path: 'balance' as const, kiosk: true, key })),
  ];
  const byName = new Map(routes.map((r) => [`${r.path}:${r.kiosk}:${r.key}`, r]));
  return codeChannel<{ route: Route; requestId: string }>(
    server,
    'recovery.verifyCode and kiosk.balanceVerify (codes by SMS)',
    [...byName.keys()],
    async (name) => {
      const route = byName.get(name) as Route;
      const from = { ip: anyIp(), ...(route.kiosk ? { cookie: kioskCookie } : {}) };
      const reply =
        route.path === 'recovery'
          ? await callFrom(server, 'recovery.start', { identifier: route.key, phone: SITI.phone, locale: 'id' }, from)
          : await callFrom(server, 'kiosk.balanceStart', { nik: SITI.nik, kpj: route.key, locale: 'id' }, from);
      if (isLimited(reply)) return { limitedForMs: waitOf(reply) };
      return { request: { route, requestId: dataOf<{ requestId: string }>(reply).requestId } };
    },
    ({ route, requestId }) =>
      callFrom(
        server,
        route.path === 'recovery' ? 'recovery.verifyCode' : 'kiosk.balanceVerify',
        { requestId, code: wrongCode(server) },
        { ip: anyIp(), ...(route.kiosk ? { cookie: kioskCookie } : {}) },
      ),
    // The phone's limit (3 codes in 10 minutes) answers with minutes; a NIK's or KPJ's with a day.
    HOUR,
  );
}

/**
 * The email-verification code: Siti's email is verified, so there is never a code to compare.
 * One guess a minute is enough to show it (a guess a second would only cost the suite time).
 */
const verifyEmailChannel = (server: TestServer): Channel => ({
  name: 'account.verifyEmail',
  step: async () => {
    await callFrom(server, 'account.verifyEmail', { email: SITI.email, code: wrongCode(server) }, { ip: anyIp() });
    return { guess: true, waitMs: MINUTE };
  },
});

/** A caller to the call center 175 who gets the mother's maiden name wrong (identity facts, not a secret of the account). */
const callCenterChannel = (server: TestServer): Channel => ({
  name: 'case.openCallCenter (identity facts)',
  step: async () => {
    const reply = await callFrom(
      server,
      'case.openCallCenter',
      { ...SITI.facts, motherName: `salah ${++guessCounter}` },
      { ip: anyIp(), bearer: callers.staff.call_center_agent },
    );
    const failed = (reply.json.result?.data as { outcome?: string } | undefined)?.outcome === 'failed';
    // Closed for the day after three failures: the refusal names no wait, the caller tries hourly.
    return { guess: true, identityChecked: failed, waitMs: failed ? 0 : HOUR };
  },
});

const passwordChannels = (
  server: TestServer,
  target: Target,
  identifiers: readonly string[] = [SITI.email, ...SITI.kpj],
): Channel[] => [
  ...identifiers.map((identifier) => loginChannel(server, identifier)),
  ...sessionChannels(server, target),
];

function describeFigures(figures: Map<string, ChannelFigures>, counted: (name: string) => boolean): string {
  const rows = [...figures].map(
    ([name, f]) =>
      `  ${name}: ${f.requests} requests, ${f.guesses} guesses, checked ${f.checked.length} (at most ${maxInAnyHour(f.checked)} in an hour), refused ${f.refused}${counted(name) ? '' : ' [not counted: identity facts]'}`,
  );
  return rows.join('\n');
}

const loginAs = (server: TestServer, identifier: string, password: string) =>
  callFrom(server, 'auth.login', { identifier, password }, { ip: MEMBER_IP });

/** A member logging in waits out a "try again in N seconds", as the portal tells them to. */
async function loginWhenAllowed(server: TestServer, identifier: string, password: string) {
  for (;;) {
    const reply = await loginAs(server, identifier, password);
    if (!isLimited(reply)) return reply;
    server.clock.advance(waitOf(reply));
  }
}

describe('brute force against one account, every channel together', () => {
  it(`checks at most ${MAX_FAILED_ATTEMPTS_PER_HOUR} wrong passwords and codes of one account in any hour, attacked on every channel at once as fast as the limits allow for two hours`, async () => {
    const server = fresh();
    const target = targetOf(server);
    const channels = [
      ...passwordChannels(server, target),
      resetCodeChannel(server),
      smsCodeChannel(server, callers.kioskCookie),
      verifyEmailChannel(server),
      callCenterChannel(server),
    ];
    const figures = await attack(server, target, channels, { durationMs: 2 * HOUR });
    const counted = (name: string) => !name.startsWith('case.openCallCenter');
    const checked = [...figures].filter(([name]) => counted(name)).flatMap(([, f]) => f.checked);
    const guesses = [...figures].filter(([name]) => counted(name)).reduce((n, [, f]) => n + f.guesses, 0);
    console.log(
      `[brute force] two hours, Siti's account:\n${describeFigures(figures, counted)}\n  all channels: ${guesses} guesses, ${checked.length} checked, at most ${maxInAnyHour(checked)} in any hour`,
    );
    expect(maxInAnyHour(checked)).toBeLessThanOrEqual(MAX_FAILED_ATTEMPTS_PER_HOUR);
    // The attack pressed hard: far more guesses than the budget, checked up to the budget.
    expect(guesses).toBeGreaterThan(4 * MAX_FAILED_ATTEMPTS_PER_HOUR);
    expect(maxInAnyHour(checked)).toBe(MAX_FAILED_ATTEMPTS_PER_HOUR);
    // Each kind of channel was reached: passwords on the web and in a session, codes by email and by SMS.
    for (const name of [
      'auth.login (email)',
      'account.reauthenticate',
      'auth.resetPassword (code from auth.forgotPassword)',
    ]) {
      expect(figures.get(name)?.checked.length, name).toBeGreaterThan(0);
    }
    expect(figures.get('recovery.verifyCode and kiosk.balanceVerify (codes by SMS)')?.checked.length).toBeGreaterThan(
      0,
    );
    // No code of Siti's email exists to verify: nothing to compare, ever.
    expect(figures.get('account.verifyEmail')?.checked).toEqual([]);
    // Identity checks at the call center close for the day after three failures.
    expect(figures.get('case.openCallCenter (identity facts)')?.checked).toHaveLength(3);
    server.database.close();
  }, 120_000);

  it('keeps counting across the member’s own logins (which restart the lockout count): once 100 checks failed within the hour it compares no password or code, not even the right password on a KPJ never attacked, and answers as for an unknown identifier; an hour later it compares again', async () => {
    const server = fresh();
    const target = targetOf(server);
    const [kpj, untouched] = SITI.kpj;
    // The attacker uses the email and the first KPJ; the second KPJ stays clear of every throttle.
    const channels = [
      ...passwordChannels(server, target, [SITI.email, kpj]),
      resetCodeChannel(server, [SITI.email, kpj]),
    ];
    const failedAttempts = () =>
      (
        server.database.sqlite.prepare('select failed_attempts from accounts where id = ?').get(target.accountId) as {
          failed_attempts: number;
        }
      ).failed_attempts;
    const started = server.clock.now().getTime();
    // 60 failures, then Siti logs in herself: the consecutive count (the lockout) starts again at 0.
    await attack(server, target, channels, { durationMs: HOUR, until: (n) => n >= 60 });
    expect((await loginAs(server, untouched, SITI.password)).status).toBe(200);
    expect(failedAttempts()).toBe(0);
    await attack(server, target, channels, { durationMs: HOUR, until: (n) => n >= 40 });
    expect(server.clock.now().getTime() - started).toBeLessThan(HOUR);
    expect(failedAttempts()).toBe(40); // far from the lockout at 100 consecutive failures
    expect(accountState(server, target.accountId)).toBe('active');

    // The 101st within the hour: the right password, on the KPJ nobody has failed with.
    const compared = spied.hashes.length;
    const right = await loginAs(server, untouched, SITI.password);
    expect(spied.hashes.slice(compared)).not.toContain(target.passwordHash);
    const unknown = await loginAs(server, '99999999999', SITI.password);
    expect(right.json.error?.data.appCode).toBe('INVALID_CREDENTIALS');
    expect(right.status).toBe(unknown.status);
    expect(right.text).toBe(unknown.text);
    // A code the member has just been sent is not compared either, and keeps its tries.
    await callFrom(server, 'auth.forgotPassword', { identifier: untouched, locale: 'id' }, { ip: MEMBER_IP });
    const code = codeIn(latestMessage(server.db, SITI.email, 'password_reset'));
    const byCode = await callFrom(
      server,
      'auth.resetPassword',
      { identifier: untouched, code, newPassword: NEW_PASSWORD },
      { ip: MEMBER_IP },
    );
    expect(byCode.json.error?.data.appCode).toBe('CODE_INVALID');
    const tries = server.database.sqlite
      .prepare(
        "select attempts from verification_codes where purpose = 'password_reset' order by created_at desc limit 1",
      )
      .get() as { attempts: number };
    expect(tries.attempts).toBe(0);
    // In a session, the member is told how long to wait.
    const session = memberCookie(server, target.accountId);
    const reauth = await callFrom(
      server,
      'account.reauthenticate',
      { password: SITI.password },
      { ip: MEMBER_IP, cookie: session },
    );
    expect(reauth.json.error?.data.appCode).toBe('RATE_LIMITED');
    expect(reauth.json.error?.data.retryAfterSeconds).toBeGreaterThan(0);

    server.clock.advance(HOUR);
    expect((await loginAs(server, untouched, SITI.password)).status).toBe(200);
    server.database.close();
  }, 120_000);
});

describe('a member locked out on the web recovers through the other channels', () => {
  let locked: Buffer;
  let lockedAt: Date;

  beforeAll(async () => {
    // An hour of wrong passwords on the web (login with the email and both KPJ numbers, and a
    // session's re-authentication and password change) locks Siti's account.
    const server = fresh();
    const target = targetOf(server);
    await attack(server, target, passwordChannels(server, target), { durationMs: HOUR });
    expect(accountState(server, target.accountId)).toBe('locked');
    lockedAt = server.clock.now();
    locked = server.database.sqlite.serialize();
    server.database.close();
  }, 120_000);

  /** Siti cannot log in on the web with her own password; after recovery, only the new one works. */
  async function expectLockedOut(server: TestServer) {
    expect(accountState(server, accountIdOf(server, SITI.email))).toBe('locked');
    for (const identifier of [SITI.email, ...SITI.kpj]) {
      const reply = await loginAs(server, identifier, SITI.password);
      expect(['RATE_LIMITED', 'INVALID_CREDENTIALS', 'ACCOUNT_LOCKED']).toContain(reply.json.error?.data.appCode);
    }
  }
  async function expectRecovered(server: TestServer) {
    expect(accountState(server, accountIdOf(server, SITI.email))).toBe('active');
    expect((await loginWhenAllowed(server, SITI.email, SITI.password)).status).toBe(401);
    expect((await loginWhenAllowed(server, SITI.kpj[0], NEW_PASSWORD)).status).toBe(200);
  }

  it('at the call center 175: a case on the five facts, a reset texted to the registered phone, the texted code typed on the web', async () => {
    const server = fresh(locked, lockedAt);
    await expectLockedOut(server);
    const agent = callers.staff.call_center_agent;
    const opened = dataOf<{ caseId: string; outcome: string }>(
      await callFrom(server, 'case.openCallCenter', SITI.facts, { ip: MEMBER_IP, bearer: agent }),
    );
    expect(opened.outcome).toBe('passed');
    const sent = await callFrom(
      server,
      'case.sendReset',
      { caseId: opened.caseId, reason: 'terkunci setelah serangan tebak kata sandi' },
      { ip: MEMBER_IP, bearer: agent },
    );
    expect(dataOf<{ sentTo: string }>(sent).sentTo).toBe('registered_phone');
    const code = codeIn(latestMessage(server.db, SITI.phoneE164, 'password_reset'));
    const reset = await callFrom(
      server,
      'auth.resetPassword',
      { identifier: SITI.kpj[0], code, newPassword: NEW_PASSWORD },
      { ip: MEMBER_IP },
    );
    expect(reset.status).toBe(200);
    await expectRecovered(server);
  });

  it('at the branch counter: an in-person case, a code printed for the member, typed on the web with the KPJ', async () => {
    const server = fresh(locked, lockedAt);
    await expectLockedOut(server);
    const officer = callers.staff.branch_officer;
    const opened = dataOf<{ caseId: string; outcome: string }>(
      await callFrom(
        server,
        'case.openBranch',
        {
          kpj: SITI.kpj[0],
          nik: SITI.nik,
          documents: ['ktp', 'kpj_card'],
          photoMatches: true,
          reason: 'terkunci, datang ke kantor cabang',
        },
        { ip: MEMBER_IP, bearer: officer },
      ),
    );
    expect(opened.outcome).toBe('passed');
    const printed = dataOf<{ code: string }>(
      await callFrom(
        server,
        'case.printRecoveryCode',
        { caseId: opened.caseId, reason: 'terkunci, datang ke kantor cabang' },
        { ip: MEMBER_IP, bearer: officer },
      ),
    );
    const reset = await callFrom(
      server,
      'auth.resetPassword',
      { identifier: SITI.kpj[0], code: printed.code, newPassword: NEW_PASSWORD },
      { ip: MEMBER_IP },
    );
    expect(reset.status).toBe(200);
    await expectRecovered(server);
  });

  it('on the web with the emailed link of "lupa password"', async () => {
    const server = fresh(locked, lockedAt);
    await expectLockedOut(server);
    await callFrom(server, 'auth.forgotPassword', { identifier: SITI.email, locale: 'id' }, { ip: MEMBER_IP });
    const token = /token=([\w-]+)/.exec(latestMessage(server.db, SITI.email, 'password_reset')?.body ?? '')?.[1];
    const reset = await callFrom(server, 'auth.resetPassword', { token, newPassword: NEW_PASSWORD }, { ip: MEMBER_IP });
    expect(reset.status).toBe(200);
    await expectRecovered(server);
  });

  it('at a kiosk with the SMS code, once the hour of the attack has room again (until then the kiosk code is held back, its tries kept)', async () => {
    const server = fresh(locked, lockedAt);
    await expectLockedOut(server);
    const kiosk = callers.kioskCookie;
    const atKiosk = async () => {
      const started = await callFrom(
        server,
        'recovery.start',
        { identifier: SITI.nik, phone: SITI.phone, locale: 'id' },
        { ip: MEMBER_IP, cookie: kiosk },
      );
      const { requestId } = dataOf<{ requestId: string }>(started);
      const code = codeIn(latestMessage(server.db, SITI.phoneE164, 'recovery_code'));
      return callFrom(server, 'recovery.verifyCode', { requestId, code }, { ip: MEMBER_IP, cookie: kiosk });
    };
    // Right after the attack the member's budget of failed checks is spent: the code is not compared.
    const heldBack = await atKiosk();
    expect(heldBack.json.error?.data.appCode).toBe('CODE_INVALID');
    const attempts = server.database.sqlite
      .prepare("select attempts from verification_codes where purpose = 'recovery' order by created_at desc limit 1")
      .get() as { attempts: number };
    expect(attempts.attempts).toBe(0);
    server.clock.advance(HOUR);
    const verified = dataOf<{ resetToken: string | null; email: string | null }>(await atKiosk());
    expect(verified.email).toBe(SITI.email);
    const reset = await callFrom(
      server,
      'auth.resetPassword',
      { token: verified.resetToken, newPassword: NEW_PASSWORD },
      { ip: MEMBER_IP, cookie: kiosk },
    );
    expect(reset.status).toBe(200);
    await expectRecovered(server);
  });
});
