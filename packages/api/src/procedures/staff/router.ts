import { router } from '../../trpc.js';
import { staffLogin } from './login.js';
import { memberShow } from './member-show.js';

export const staffRouter = router({
  login: staffLogin,
  member: router({ show: memberShow }),
});
