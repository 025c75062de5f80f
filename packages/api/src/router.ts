import { login } from './procedures/auth/login.js';
import { logout } from './procedures/auth/logout.js';
import { health } from './procedures/health.js';
import { profile } from './procedures/member/profile.js';
import { staffLogin } from './procedures/staff/login.js';
import { memberShow } from './procedures/staff/member-show.js';
import { router } from './trpc.js';

export const appRouter = router({
  health,
  auth: router({ login, logout }),
  member: router({ profile }),
  staff: router({
    login: staffLogin,
    member: router({ show: memberShow }),
  }),
});

export type AppRouter = typeof appRouter;
