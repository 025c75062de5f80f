import { router } from '../../trpc.js';
import { forgotPassword } from './forgot-password.js';
import { login } from './login.js';
import { logout } from './logout.js';
import { resetPassword } from './reset-password.js';

export const authRouter = router({ login, logout, forgotPassword, resetPassword });
