/**
 * `pnpm bench:enumeration`: do replies for existing and unknown identifiers take the same
 * time? For each public procedure that takes an identifier, times N calls with identifiers of
 * real accounts and N with unknown ones, through the real HTTP app on a file database, and
 * prints both medians and their difference (target: within 20%). The clock is moved two hours
 * between calls so that rate limits never answer instead of the procedure.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { createApp } from '../app.js';
import { openDatabase } from '../db/database.js';
import { accounts, memberContacts, memberKpj, members } from '../db/schema.js';
import { seedDemo } from '../demo/seed-demo.js';
import { loadConfig } from '../env.js';
import { hashPassword } from '../security/password.js';
import { ManualClock } from '../test-support/test-server.js';

const SAMPLES = Number(process.argv[2] ?? 60);

async function main(): Promise<void> {
  const loaded = loadConfig({ PULIH_DEMO: '1', NODE_ENV: 'test' }, 'start');
  if (!loaded.ok) throw new Error(loaded.message);
  const database = openDatabase(join(mkdtempSync(join(tmpdir(), 'pulih-bench-')), 'bench.sqlite'));
  const clock = new ManualClock();
  await seedDemo(database.db, loaded.config.identityKey, 2000, clock.now());
  // Real accounts to probe: one per sample, so no identifier is reused.
  const passwordHash = await hashPassword('bench-password-not-used');
  const at = clock.now().toISOString();
  database.db.transaction((tx) => {
    for (let i = 0; i < SAMPLES; i++) {
      const serial = String(i).padStart(4, '0');
      const id = tx
        .insert(members)
        .values({
          nik: `350101010190${serial}`,
          fullName: `ANGGOTA UJI ${i}`,
          birthDate: '1990-01-01',
          sex: 'L',
          createdAt: at,
        })
        .returning({ id: members.id })
        .get().id;
      tx.insert(memberKpj)
        .values({ kpj: `3${String(i).padStart(10, '0')}`, memberId: id, registeredAt: at })
        .run();
      tx.insert(memberContacts)
        .values({ memberId: id, email: `uji.${i}@example.com`, emailVerifiedAt: null, phone: null, updatedAt: at })
        .run();
      tx.insert(accounts).values({ memberId: id, passwordHash, createdAt: at }).run();
    }
  });
  const app = createApp({ database, config: loaded.config, clock });

  const post = async (path: string, body: unknown): Promise<number> => {
    clock.advance(2 * 60 * 60_000);
    const started = performance.now();
    const response = await app.request(`http://localhost/trpc/${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
    await response.text();
    return performance.now() - started;
  };

  const probes: { name: string; call: (i: number, known: boolean) => Promise<number> }[] = [
    {
      name: 'auth.login',
      call: (i, known) =>
        post('auth.login', {
          identifier: known ? `uji.${i}@example.com` : `tidak.${i}@example.com`,
          password: 'salah-kata-sandi',
        }),
    },
    {
      name: 'auth.forgotPassword',
      call: (i, known) =>
        post('auth.forgotPassword', {
          identifier: known ? `uji.${i}@example.com` : `tidak.${i}@example.com`,
          locale: 'id',
        }),
    },
    {
      name: 'account.resendVerification',
      call: (i, known) =>
        post('account.resendVerification', {
          email: known ? `uji.${i}@example.com` : `tidak.${i}@example.com`,
          locale: 'id',
        }),
    },
    {
      name: 'recovery.start',
      call: (i, known) =>
        post('recovery.start', {
          identifier: known ? `3${String(i).padStart(10, '0')}` : `4${String(i).padStart(10, '0')}`,
          phone: `0812345${String(i).padStart(5, '0')}`,
          locale: 'id',
        }),
    },
    {
      name: 'account.register',
      call: (i, known) => {
        const serial = String(i).padStart(4, '0');
        return post('account.register', {
          nik: known ? `350101010190${serial}` : `350101010191${serial}`,
          kpj: known ? `3${String(i).padStart(10, '0')}` : `4${String(i).padStart(10, '0')}`,
          fullName: `ANGGOTA UJI ${i}`,
          birthDate: '1990-01-01',
          email: `daftar.${known ? 'ada' : 'baru'}.${i}@example.com`,
          phone: '081234560000',
          password: 'kopi-susu-gula-aren-pagi',
          locale: 'id',
        });
      },
    },
  ];

  const median = (values: number[]) => {
    const sorted = [...values].sort((a, b) => a - b);
    return sorted[Math.floor(sorted.length / 2)] ?? 0;
  };
  console.log(
    `bench:enumeration: ${SAMPLES} calls each, existing vs unknown identifiers, medians (target: within 20%)`,
  );
  console.log('procedure                    existing    unknown   difference');
  let worst = 0;
  for (const probe of probes) {
    await probe.call(0, true); // warm-up
    const known: number[] = [];
    const unknown: number[] = [];
    // Interleaved so that drift of the machine affects both sides alike.
    for (let i = 1; i < SAMPLES; i++) {
      known.push(await probe.call(i, true));
      unknown.push(await probe.call(i, false));
    }
    const [k, u] = [median(known), median(unknown)];
    const difference = Math.abs(k - u) / Math.max(k, u);
    worst = Math.max(worst, difference);
    console.log(
      `${probe.name.padEnd(28)} ${k.toFixed(2).padStart(7)} ms ${u.toFixed(2).padStart(7)} ms ${(difference * 100).toFixed(1).padStart(8)}%`,
    );
  }
  console.log(
    `worst difference ${(worst * 100).toFixed(1)}% (target ≤ 20%): ${worst <= 0.2 ? 'within target' : 'OVER TARGET'}`,
  );
  database.close();
}

main().catch((error: unknown) => {
  console.error(`bench:enumeration failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
