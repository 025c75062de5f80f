import { router } from '../../trpc.js';

/** The audit log for staff: verify the hash chain, list entries. */
export const auditRouter = router({});
