import { accountRouter } from './procedures/account/router.js';
import { auditRouter } from './procedures/audit/router.js';
import { authRouter } from './procedures/auth/router.js';
import { caseRouter } from './procedures/case/router.js';
import { health } from './procedures/health.js';
import { memberRouter } from './procedures/member/router.js';
import { recoveryRouter } from './procedures/recovery/router.js';
import { staffRouter } from './procedures/staff/router.js';
import { router } from './trpc.js';

/** Each area's procedures live in their own folder, with one file per procedure. */
export const appRouter = router({
  health,
  auth: authRouter,
  account: accountRouter,
  member: memberRouter,
  recovery: recoveryRouter,
  staff: staffRouter,
  audit: auditRouter,
  case: caseRouter,
});

export type AppRouter = typeof appRouter;
