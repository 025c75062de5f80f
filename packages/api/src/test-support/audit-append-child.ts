/**
 * A server process's audit entries, for `audit/audit-processes.test.ts`: appends COUNT entries to
 * the chain of a SQLite file as the procedures do, alternately on their own (a disclosure or a
 * refusal that changes nothing else) and inside the transaction of a change, yielding to the
 * event loop between entries as requests would.
 *
 *   node dist/test-support/audit-append-child.js FILE COUNT LABEL
 */
import { setImmediate as yieldToEventLoop } from 'node:timers/promises';
import { appendAudit } from '../audit/audit-log.js';
import { openDatabase } from '../db/database.js';

const [file, countText, label] = process.argv.slice(2);
const count = Number(countText);
if (!file || !Number.isInteger(count) || !label) {
  process.stderr.write('usage: audit-append-child FILE COUNT LABEL\n');
  process.exit(2);
}
const opened = openDatabase(file);
try {
  for (let n = 1; n <= count; n++) {
    const entry = {
      actorKind: 'system',
      actorId: label,
      action: 'test.appended',
      memberId: null,
      channel: 'system',
      detail: { n },
    } as const;
    if (n % 2 === 0) appendAudit(opened.db, entry, new Date());
    else opened.db.transaction((tx) => appendAudit(tx, entry, new Date()));
    await yieldToEventLoop();
  }
  process.stdout.write(JSON.stringify({ appended: count }));
} finally {
  opened.close();
}
