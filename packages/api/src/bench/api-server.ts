/**
 * The server process of `pnpm bench:api`: the real app (`createApp`) with the outbox sender
 * running, as `main.ts` builds it, on the cached registry database given in `PULIH_BENCH_DB`,
 * plus the bench-only bare route that is the baseline. Not a production entry point.
 */
import { createApp } from '../app.js';
import { systemClock } from '../clock.js';
import { openDatabase } from '../db/database.js';
import { loadConfig } from '../env.js';
import { createNotifier } from '../notifications/index.js';
import { listen } from '../server.js';

async function main(): Promise<void> {
  const file = process.env.PULIH_BENCH_DB;
  if (!file) throw new Error('PULIH_BENCH_DB is not set');
  const loaded = loadConfig(process.env, 'start');
  if (!loaded.ok) throw new Error(loaded.message);
  // Too large to check in full at open; unlike `main.ts`, no background check either: it would
  // compete with the server for the CPU the bench measures.
  const database = openDatabase(file);
  const app = createApp({ database, config: loaded.config, benchRoute: true });
  const notifier = createNotifier(loaded.config.notifications, database.db, systemClock);
  notifier.start();
  const server = await listen(app, loaded.config.env.PORT, loaded.config.env.HOST);
  console.log(`bench server listening on ${server.url}`);
  const shutdown = () => {
    void Promise.all([server.close(), notifier.stop()]).then(() => {
      database.close();
      process.exit(0);
    });
  };
  process.on('SIGINT', shutdown);
  process.on('SIGTERM', shutdown);
}

main().catch((error: unknown) => {
  console.error(`bench server: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
