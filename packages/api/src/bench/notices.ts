/**
 * `pnpm bench:notices [--members N] [--sample N]`: the six-hourly JHT notice work on the bench
 * registry of `bench:api` (1,000,000 members, their cards, participations and twelve months of
 * contributions; built once and cached, see `api-database.ts`), on a copy of it, beside the
 * design it replaced, measured in the same run:
 *
 * - **Baseline**: the former sweep, which recomputed every employed person's notices on every
 *   run (`sendMemberJhtNotices` for each, in 500-person transactions): its cost a person on a
 *   sample, times the persons it read.
 * - **Status checks** (`checkDueMemberships`): the same sample made due, the rest not; the cost a
 *   person, and how the next days chosen by `nextMembershipStatusChange` spread over the year
 *   (the busiest day, had no payment arrived).
 * - **Payers after an import** (`sendPendingJhtNotices`): a sample of cards queued as an import
 *   queues them; the former drain recomputed each payer as the baseline does.
 * - **Missing-month scan** (`scanMissingContributions`): a whole pass over every participation,
 *   as it runs once a month.
 * - **A run with nothing due**: what every other six-hourly run costs.
 *
 * Figures at national size (41 million persons) are these rates times the count; the scan and
 * checks are linear in what they read (the query-plan test checks they read by index).
 */
import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { openDatabase } from '../db/database.js';
import { runJhtNoticeJobs } from '../notices/jht-notice-jobs.js';
import { sendMemberJhtNotices } from '../notices/member-jht-notices.js';
import { checkDueMemberships } from '../notices/membership-checks.js';
import { scanMissingContributions } from '../notices/missing-contributions.js';
import { sendPendingJhtNotices } from '../notices/pending-jht-notices.js';
import { ensureBenchDatabase } from './api-database.js';
import { optionOf } from './options.js';

const args = process.argv.slice(2);
const option = (name: string) => optionOf(args, name);
const MEMBERS = Number(option('--members') ?? 1_000_000);
const SAMPLE = Number(option('--sample') ?? 20_000);
const NATIONAL_PERSONS = 41_000_000;

const fmt = (n: number, digits = 0) => n.toLocaleString('en', { maximumFractionDigits: digits });
const hours = (us: number) => `${fmt(us / 3.6e9, 1)} h`;

async function main(): Promise<void> {
  console.log(`bench:notices: preparing a registry of ${fmt(MEMBERS)} members`);
  const bench = await ensureBenchDatabase(MEMBERS, (l) => console.log(l));
  const dir = mkdtempSync(join(tmpdir(), 'pulih-notices-bench-'));
  const file = join(dir, 'registry.sqlite');
  copyFileSync(bench.file, file);
  const { db, sqlite, close } = openDatabase(file);
  try {
    const now = new Date();
    const today = now.toISOString().slice(0, 10);
    const count = (sql: string, ...params: unknown[]) =>
      (sqlite
        .prepare(sql)
        .pluck()
        .get(...params) as number | null) ?? 0;
    const employed = count('SELECT count(*) FROM membership_checks');
    const participations = count('SELECT count(*) FROM participations');
    console.log(`${fmt(employed)} employed persons (a membership check each), ${fmt(participations)} participations`);

    // Baseline: the former sweep's work for one person, on a sample.
    const baselineIds = sqlite
      .prepare('SELECT member_id FROM membership_checks ORDER BY member_id LIMIT ?')
      .pluck()
      .all(SAMPLE) as number[];
    let started = performance.now();
    for (let i = 0; i < baselineIds.length; i += 500) {
      db.transaction((tx) => {
        for (const id of baselineIds.slice(i, i + 500)) sendMemberJhtNotices(tx, id, now);
      });
    }
    const baselineUs = ((performance.now() - started) * 1000) / baselineIds.length;

    // Status checks: another sample due today, everyone else later.
    sqlite.prepare("UPDATE membership_checks SET due_on = '9999-12-31'").run();
    const sampleIds = sqlite
      .prepare('SELECT member_id FROM membership_checks ORDER BY member_id DESC LIMIT ?')
      .pluck()
      .all(SAMPLE) as number[];
    const due = sqlite.prepare("UPDATE membership_checks SET due_on = '0000-01-01' WHERE member_id = ?");
    sqlite.transaction(() => {
      for (const id of sampleIds) due.run(id);
    })();
    started = performance.now();
    const checks = await checkDueMemberships(db, now);
    const checkUs = ((performance.now() - started) * 1000) / Math.max(1, checks.checked);
    const days = sqlite
      .prepare(
        "SELECT due_on, count(*) AS n FROM membership_checks WHERE due_on <> '9999-12-31' GROUP BY due_on ORDER BY n DESC",
      )
      .all() as { due_on: string; n: number }[];
    const busiest = days[0] ?? { due_on: '-', n: 0 };
    const busiestShare = busiest.n / Math.max(1, checks.checked);

    // Payers after an import: a sample of cards queued as an import queues them.
    sqlite
      .prepare('INSERT INTO jht_notices_pending (kpj, queued_at) SELECT kpj, ? FROM member_kpj ORDER BY kpj LIMIT ?')
      .run(now.toISOString(), SAMPLE);
    const payers = count('SELECT count(*) FROM jht_notices_pending');
    started = performance.now();
    const credited = await sendPendingJhtNotices(db, now);
    const payerUs = ((performance.now() - started) * 1000) / Math.max(1, payers);

    // The missing-month scan, a whole pass.
    started = performance.now();
    const scan = await scanMissingContributions(db, now);
    const scanMs = performance.now() - started;
    const scanUs = (scanMs * 1000) / Math.max(1, scan.scanned);

    // A run with nothing due and the month scanned.
    started = performance.now();
    const idle = await runJhtNoticeJobs(db, now);
    const idleMs = performance.now() - started;

    const perParticipation = participations / Math.max(1, employed);
    console.log('');
    console.log(`bench:notices on ${today}, ${fmt(MEMBERS)} members, sample ${fmt(SAMPLE)} persons`);
    console.log(
      `baseline (the former sweep, every employed person each run): ${fmt(baselineUs)} µs a person → ${fmt((baselineUs * employed) / 1e6, 1)} s a run here, ${hours(baselineUs * NATIONAL_PERSONS)} a run at 41 M persons, four runs a day`,
    );
    console.log(
      `status checks (persons due only): ${fmt(checkUs)} µs a person (${fmt(checks.checked)} checked, ${checks.failed} failed); busiest next day ${busiest.due_on}: ${fmt(100 * busiestShare, 1)}% of them → ${fmt(busiestShare * NATIONAL_PERSONS)} persons, ${hours(checkUs * busiestShare * NATIONAL_PERSONS)} at 41 M, if no payment arrived before`,
    );
    console.log(
      `payers after an import: ${fmt(payerUs)} µs a card (${fmt(payers)} cards, ${fmt(credited)} notices) → ${hours(payerUs * NATIONAL_PERSONS)} a month at 41 M paying cards (the former drain: the baseline's ${hours(baselineUs * NATIONAL_PERSONS)})`,
    );
    console.log(
      `missing-month scan (${scan.period}, once a month): ${fmt(scan.scanned)} participations in ${fmt(scanMs / 1000, 1)} s, ${fmt(scanUs, 2)} µs each, ${fmt(scan.queued)} notices → ${fmt((scanUs * perParticipation * NATIONAL_PERSONS) / 6e7, 1)} min at 41 M persons`,
    );
    console.log(
      `a run with nothing due: ${fmt(idleMs, 1)} ms (${idle.checks.checked} checked, ${idle.missing.scanned} scanned)`,
    );
  } finally {
    close();
    rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(`bench:notices: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
