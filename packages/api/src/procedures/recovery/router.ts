import { router } from '../../trpc.js';
import { start } from './start.js';
import { verifyCode } from './verify-code.js';

/** Recovery when the member cannot sign in: "lupa email/akun" (web and kiosk). */
export const recoveryRouter = router({ start, verifyCode });
