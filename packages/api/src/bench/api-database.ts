/**
 * The registry database of `pnpm bench:api`: a million generated members (the demo generator's
 * registry), their KPJ cards, contacts, one participation per card and the last year of
 * contributions, 100,000 online accounts with a live session each, and one bench member with ten
 * years of contributions on two cards. Written directly with prepared statements in large
 * transactions, and cached between runs under `.cache/bench-api/` (gitignored), keyed by the
 * generator version, the size and the migrations.
 */
import { createHash, randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { openDatabase } from '../db/database.js';
import { contributionRowsOf, type DemoEmployment, demoYieldRates } from '../demo/demo-contributions.js';
import { generateRegistry } from '../demo/registry-generator.js';
import { motherNameDigest } from '../security/identity-digest.js';
import { hashPassword } from '../security/password.js';

/** Bump when what this file writes changes: cached databases of other versions are rebuilt. */
export const API_BENCH_GENERATOR_VERSION = 1;

export const BENCH_MEMBER_EMAIL = 'bench.member@example.com';
export const BENCH_MEMBER_PASSWORD = 'Pulih-Bench-2026';
/** The bench member's two cards: an ended job (2016–2020) and the current one (2021–today). */
export const BENCH_MEMBER_KPJ = ['29000000001', '29000000002'] as const;

const ACCOUNT_EVERY = 10;
const CONTRIBUTION_MONTHS = 12;
const EMPLOYERS = 5000;
const BATCH = 50_000;

const repoRoot = fileURLToPath(new URL('../../../../', import.meta.url));
const migrationsDir = fileURLToPath(new URL('../../drizzle', import.meta.url));
export const benchCacheDir = join(repoRoot, '.cache', 'bench-api');

function migrationsHash(): string {
  const hash = createHash('sha256');
  for (const name of readdirSync(migrationsDir)
    .filter((n) => n.endsWith('.sql'))
    .sort()) {
    hash.update(name).update(readFileSync(join(migrationsDir, name)));
  }
  return hash.digest('hex').slice(0, 10);
}

export interface BenchDatabase {
  readonly file: string;
  readonly members: number;
  readonly bytes: number;
  /** True when this run built it (false: taken from the cache). */
  readonly built: boolean;
  readonly buildSeconds: number;
}

const monthsBack = (today: string, months: number): string => {
  const [y, m] = today.split('-').map(Number) as [number, number];
  const index = y * 12 + (m - 1) - months;
  return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}-01`;
};

/** The cached database for `size` members, built first when absent. */
export async function ensureBenchDatabase(
  size: number,
  log: (line: string) => void = console.log,
): Promise<BenchDatabase> {
  const file = join(benchCacheDir, `registry-v${API_BENCH_GENERATOR_VERSION}-${size}-${migrationsHash()}.sqlite`);
  if (existsSync(file)) return { file, members: size, bytes: statSync(file).size, built: false, buildSeconds: 0 };
  mkdirSync(benchCacheDir, { recursive: true });
  // Older versions would only fill the disk.
  for (const name of readdirSync(benchCacheDir)) if (name.startsWith('registry-')) rmSync(join(benchCacheDir, name));
  const started = performance.now();
  const partial = `${file}.partial`;
  await build(partial, size, log);
  renameSync(partial, file);
  const buildSeconds = (performance.now() - started) / 1000;
  return { file, members: size, bytes: statSync(file).size, built: true, buildSeconds };
}

async function build(file: string, size: number, log: (line: string) => void): Promise<void> {
  const opened = openDatabase(file);
  opened.close();
  const Database = (await import('better-sqlite3')).default;
  const sqlite = new Database(file);
  sqlite.pragma('journal_mode = OFF');
  sqlite.pragma('synchronous = OFF');
  sqlite.pragma('foreign_keys = OFF');
  sqlite.pragma('cache_size = -1000000');
  const passwordHash = await hashPassword(BENCH_MEMBER_PASSWORD);
  // Mothers' names are kept as keyed digests, as the server writes them (the bench never compares them).
  const identityKey = randomBytes(32);
  const now = new Date();
  const at = now.toISOString();
  const today = at.slice(0, 10);

  const insertEmployer = sqlite.prepare('insert into employers (npp, name) values (?, ?)');
  const insertYield = sqlite.prepare('insert into jht_yield_rates (year, rate_basis_points) values (?, ?)');
  const insertMember = sqlite.prepare(
    'insert into members (nik, full_name, birth_date, sex, mother_name_digest, status, created_at) values (?, ?, ?, ?, ?, ?, ?)',
  );
  const insertKpj = sqlite.prepare('insert into member_kpj (kpj, member_id, registered_at) values (?, ?, ?)');
  const insertContacts = sqlite.prepare(
    'insert into member_contacts (member_id, email, email_verified_at, phone, phone_verified_at, confirmed_at, updated_at) values (?, ?, ?, ?, ?, ?, ?)',
  );
  const insertParticipation = sqlite.prepare(
    'insert into participations (kpj, npp, segment, started_on, ended_on, end_reason) values (?, ?, ?, ?, ?, ?)',
  );
  const insertContribution = sqlite.prepare(
    'insert into contributions (kpj, period, npp, wage, jht_employee, jht_employer, jkk, jkm, jp_employee, jp_employer, jkp, paid_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)',
  );
  const insertAccount = sqlite.prepare(
    'insert into accounts (member_id, password_hash, state, created_at) values (?, ?, ?, ?)',
  );
  const insertSession = sqlite.prepare(
    'insert into sessions (token_hash, account_id, created_at, last_seen_at, authenticated_at, expires_at, user_agent) values (?, ?, ?, ?, ?, ?, ?)',
  );
  const contribute = (employment: DemoEmployment) => {
    insertParticipation.run(
      employment.kpj,
      employment.npp,
      'PU',
      employment.startedOn,
      employment.endedOn,
      employment.endReason,
    );
    for (const row of contributionRowsOf(employment, today)) {
      insertContribution.run(
        row.kpj,
        row.period,
        row.npp,
        row.wage,
        row.jhtEmployee,
        row.jhtEmployer,
        row.jkk,
        row.jkm,
        row.jpEmployee,
        row.jpEmployer,
        row.jkp,
        row.paidAt,
      );
    }
  };

  sqlite.transaction(() => {
    for (let i = 1; i <= EMPLOYERS; i++) insertEmployer.run(String(20_000_000 + i), `PT BENCH ${i}`);
    for (const rate of demoYieldRates) insertYield.run(rate.year, rate.rateBasisPoints);
  })();

  const seenNik = new Set<string>();
  const registry = generateRegistry(size);
  const recentStart = monthsBack(today, CONTRIBUTION_MONTHS);
  let written = 0;
  let accountsWritten = 0;
  while (written < size) {
    sqlite.transaction(() => {
      for (let n = 0; n < BATCH && written < size; ) {
        const next = registry.next();
        if (next.done) {
          written = size;
          break;
        }
        const member = next.value;
        // The generator's NIK serials repeat after 9,999: skip the rare exact collision.
        if (seenNik.has(member.nik)) continue;
        seenNik.add(member.nik);
        const memberId = Number(
          insertMember.run(
            member.nik,
            member.fullName,
            member.birthDate,
            member.sex,
            motherNameDigest(identityKey, member.motherName),
            'aktif',
            at,
          ).lastInsertRowid,
        );
        member.kpjNumbers.forEach((kpj, k) => {
          insertKpj.run(kpj, memberId, `${2010 + k}-01-01`);
        });
        insertContacts.run(memberId, member.email, null, member.phone, null, null, at);
        const current = member.kpjNumbers[member.kpjNumbers.length - 1] as string;
        contribute({
          kpj: current,
          npp: String(20_000_001 + (memberId % EMPLOYERS)),
          startedOn: recentStart,
          endedOn: null,
          endReason: null,
          monthlyWage: 3_000_000 + (memberId % 40) * 100_000,
        });
        if (memberId % ACCOUNT_EVERY === 0) {
          const accountId = Number(insertAccount.run(memberId, passwordHash, 'active', at).lastInsertRowid);
          accountsWritten++;
          insertSession.run(
            createHash('sha256').update(randomBytes(32)).digest('hex'),
            accountId,
            at,
            at,
            at,
            new Date(now.getTime() + 12 * 3_600_000).toISOString(),
            'bench',
          );
        }
        written++;
        n++;
      }
    })();
    log(`  ${written.toLocaleString('en')} / ${size.toLocaleString('en')} members`);
  }

  // The member the bench logs in as: ten years on two cards, a verified email, an account.
  sqlite.transaction(() => {
    const memberId = Number(
      insertMember.run('3273015203880009', 'BENCH ANGGOTA', '1988-03-12', 'P', 'SUMARNI', 'aktif', at).lastInsertRowid,
    );
    insertKpj.run(BENCH_MEMBER_KPJ[0], memberId, '2016-01-01');
    insertKpj.run(BENCH_MEMBER_KPJ[1], memberId, '2021-01-01');
    insertContacts.run(memberId, BENCH_MEMBER_EMAIL, at, '+6281299990000', at, at, at);
    insertAccount.run(memberId, passwordHash, 'active', at);
    contribute({
      kpj: BENCH_MEMBER_KPJ[0],
      npp: '20000001',
      startedOn: '2016-01-01',
      endedOn: '2020-12-31',
      endReason: 'resignation',
      monthlyWage: 4_200_000,
    });
    contribute({
      kpj: BENCH_MEMBER_KPJ[1],
      npp: '20000002',
      startedOn: '2021-01-01',
      endedOn: null,
      endReason: null,
      monthlyWage: 6_000_000,
    });
  })();
  // No ANALYZE: a production database has no statistics either, so the plans are the same.
  log(`  ${accountsWritten.toLocaleString('en')} accounts with a session`);
  sqlite.pragma('journal_mode = WAL');
  sqlite.close();
}
