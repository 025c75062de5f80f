import { router } from '../../trpc.js';
import { closeAccountByStaff } from './close-account.js';
import { dismiss } from './dismiss.js';
import { list } from './list.js';
import { merge } from './merge.js';
import { scanStatus } from './scan-status.js';
import { show } from './show.js';
import { startScan } from './start-scan.js';
import { unmerge } from './unmerge.js';

/** Duplicate persons (supervisors): registry scans and their review items. */
export const duplicatesRouter = router({
  startScan,
  scanStatus,
  list,
  show,
  merge,
  dismiss,
  unmerge,
  closeAccount: closeAccountByStaff,
});
