import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { createApp } from './app.js';
import { deleteExpiredDocuments, sweepOrphanDocumentFiles } from './claims/claim-documents.js';
import { systemClock } from './clock.js';
import { startBackgroundCheckpoints } from './db/checkpoints.js';
import { DatabaseUnusableError, openDatabase } from './db/database.js';
import { checkedAtOpen, checkIntegrityInBackground } from './db/integrity-check.js';
import { seedDemo } from './demo/seed-demo.js';
import { loadConfig, migrationKeysOf } from './env.js';
import { type InboundMailListener, startInboundMail } from './inbound-mail/index.js';
import { runJhtNoticeJobs } from './notices/jht-notice-jobs.js';
import { createNotifier } from './notifications/index.js';
import { applyRetention } from './privacy/retention.js';
import { sweepExpiredMemberViews } from './repositories/member-view-repository.js';
import { pruneEvents } from './repositories/rate-limit-repository.js';
import { listen, type RunningServer } from './server.js';

/**
 * The one server process: `start` (demo allowed) or `serve` (production: refuses demo mode,
 * the dev mailbox and missing secrets). Expected failures end in one line and exit code 1.
 */
async function main(mode: 'start' | 'serve'): Promise<void> {
  const loaded = loadConfig(process.env, mode);
  if (!loaded.ok) fail(loaded.message);
  const { config } = loaded;
  const { env } = config;
  if (env.PULIH_DEMO) {
    console.log('Pulih: DEMO MODE: demo data and demo accounts, dev mailbox at /dev/mailbox. Not for real members.');
  } else {
    console.log(`Pulih: ${env.NODE_ENV} mode.`);
  }
  const dataDir = resolve(env.PULIH_DATA_DIR);
  try {
    mkdirSync(dataDir, { recursive: true });
  } catch (error) {
    fail(`cannot create the data directory ${dataDir}: ${(error as Error).message}`);
  }
  let database: ReturnType<typeof openDatabase>;
  try {
    database = openDatabase(join(dataDir, 'pulih.sqlite'), { keys: migrationKeysOf(config) });
  } catch (error) {
    if (error instanceof DatabaseUnusableError) fail(error.message);
    throw error;
  }
  if (env.PULIH_DEMO) {
    const seeded = await seedDemo(database.db, config.identityKey, env.PULIH_DEMO_MEMBERS, new Date());
    console.log(
      seeded ? `Demo data seeded (${env.PULIH_DEMO_MEMBERS} generated members).` : 'Demo data already present.',
    );
  }
  // A file too large to check in full before answering is checked on a worker thread meanwhile.
  const integrity = database.checkedAtOpen
    ? checkedAtOpen
    : checkIntegrityInBackground(database.file, (problems) =>
        console.error(
          `pulih: the database ${database.file} is damaged (/healthz now answers 503): ${problems.join('; ')}`,
        ),
      );
  // Commits append to the write-ahead log; a worker thread copies it into the file.
  const checkpoints = startBackgroundCheckpoints(database);
  const app = createApp({ database, config, integrity });
  // Delivers the outbox: to the dev mailbox in demo mode, else by SMTP and the SMS gateway.
  const notifier = createNotifier(config.notifications, database.db, systemClock);
  notifier.start();
  // Limit events older than the longest window (a day) decide nothing; drop them hourly.
  const pruning = setInterval(() => pruneEvents(database.db, 86_400, new Date()), 3_600_000);
  pruning.unref();
  // Every six hours (and a minute after start): JHT notices (queued payers, persons whose status
  // may have changed, the due month's missing contributions), claim documents whose retention
  // ended, stored member views past their time.
  const runDailyJobs = () => {
    sweepExpiredMemberViews(database.db, new Date());
    deleteExpiredDocuments(database.db, config.documents, new Date());
    sweepOrphanDocumentFiles(database.db, config.documents, new Date());
    // The personal-data retention policy (README "Retention"): purges what is past its time.
    try {
      applyRetention(database.db, config, new Date(), { kind: 'system' });
    } catch (error) {
      console.error(`pulih: retention job failed: ${(error as Error).message}`);
    }
    runJhtNoticeJobs(database.db, new Date()).catch((error: unknown) =>
      console.error(`pulih: JHT notices failed: ${(error as Error).message}`),
    );
  };
  setTimeout(runDailyJobs, 60_000).unref();
  setInterval(runDailyJobs, 6 * 3_600_000).unref();
  let server: RunningServer;
  try {
    server = await listen(app, env.PORT, env.HOST);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    fail(code === 'EADDRINUSE' ? `port ${env.PORT} is already in use (set PORT)` : (error as Error).message);
  }
  console.log(`Pulih listening on http://localhost:${server.port} (web /, kiosk /kiosk, API /trpc, /healthz)`);
  // Customer-service mail over SMTP. A production server without it fails; a demo server whose
  // port is taken (several demo servers on one machine) carries on without it and says so.
  let inbound: InboundMailListener | null = null;
  try {
    inbound = await startInboundMail({
      db: database.db,
      clock: systemClock,
      port: env.INBOUND_SMTP_PORT,
      host: env.HOST,
      maxBytes: env.INBOUND_SMTP_MAX_BYTES,
    });
    console.log(`Customer-service mail (SMTP) accepted on port ${inbound.port}`);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const why = code === 'EADDRINUSE' ? `port ${env.INBOUND_SMTP_PORT} is already in use` : (error as Error).message;
    if (mode === 'serve' || env.NODE_ENV === 'production')
      fail(`cannot accept customer-service mail: ${why} (set INBOUND_SMTP_PORT)`);
    console.error(`pulih: customer-service mail is off: ${why} (set INBOUND_SMTP_PORT)`);
  }
  const shutdown = () => {
    void Promise.all([server.close(), notifier.stop(), inbound?.close()]).then(async () => {
      await checkpoints.stop();
      database.close();
      process.exit(0);
    });
  };
  process.on('SIGINT', shutdown);
  process.on('SIGTERM', shutdown);
}

function fail(message: string): never {
  console.error(`pulih: ${message}`);
  process.exit(1);
}

const mode = process.argv[2] === 'serve' ? 'serve' : 'start';
main(mode).catch((error: unknown) => {
  fail(error instanceof Error ? error.message : String(error));
});
