import { accountRouter } from './procedures/account/router.js';
import { appointmentsRouter } from './procedures/appointments/router.js';
import { auditRouter } from './procedures/audit/router.js';
import { authRouter } from './procedures/auth/router.js';
import { caseRouter } from './procedures/case/router.js';
import { claimsRouter } from './procedures/claims/router.js';
import { correctionsRouter } from './procedures/corrections/router.js';
import { duplicatesRouter } from './procedures/duplicates/router.js';
import { health } from './procedures/health.js';
import { importsRouter } from './procedures/imports/router.js';
import { jhtRouter } from './procedures/jht/router.js';
import { kioskRouter } from './procedures/kiosk/router.js';
import { memberRouter } from './procedures/member/router.js';
import { noticesRouter } from './procedures/notices/router.js';
import { privacyRouter } from './procedures/privacy/router.js';
import { queueRouter } from './procedures/queue/router.js';
import { recoveryRouter } from './procedures/recovery/router.js';
import { staffRouter } from './procedures/staff/router.js';
import { ticketsRouter } from './procedures/tickets/router.js';
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
  kiosk: kioskRouter,
  queue: queueRouter,
  tickets: ticketsRouter,
  duplicates: duplicatesRouter,
  jht: jhtRouter,
  imports: importsRouter,
  claims: claimsRouter,
  appointments: appointmentsRouter,
  notices: noticesRouter,
  privacy: privacyRouter,
  corrections: correctionsRouter,
});

export type AppRouter = typeof appRouter;
