import { router } from '../../trpc.js';
import { auditLogList } from './log.js';
import { auditVerify } from './verify.js';

/** The audit log for staff: verify the hash chain, list entries. */
export const auditRouter = router({
  verify: auditVerify,
  log: auditLogList,
});
