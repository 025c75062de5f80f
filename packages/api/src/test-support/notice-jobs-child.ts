/**
 * A second (or third) server process's notice work, for `notices/notice-jobs-processes.test.ts`:
 * the built JHT notice jobs run once against a SQLite file, and the run printed as JSON.
 *
 *   node dist/test-support/notice-jobs-child.js FILE NOW_ISO
 */
import { openDatabase } from '../db/database.js';
import { runJhtNoticeJobs } from '../notices/jht-notice-jobs.js';

const [file, now] = process.argv.slice(2);
if (!file || !now) {
  process.stderr.write('usage: notice-jobs-child FILE NOW_ISO\n');
  process.exit(2);
}
const opened = openDatabase(file);
try {
  const run = await runJhtNoticeJobs(opened.db, new Date(now));
  process.stdout.write(JSON.stringify(run));
} finally {
  opened.close();
}
