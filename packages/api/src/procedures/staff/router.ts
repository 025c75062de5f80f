import { router } from '../../trpc.js';
import { staffAdd } from './add.js';
import { staffDisable } from './disable.js';
import { staffList } from './list.js';
import { staffLogin } from './login.js';
import { memberShow } from './member-show.js';
import { staffRevokeTokens } from './revoke-tokens.js';
import { staffSetRole } from './set-role.js';

export const staffRouter = router({
  login: staffLogin,
  add: staffAdd,
  list: staffList,
  disable: staffDisable,
  setRole: staffSetRole,
  revokeTokens: staffRevokeTokens,
  member: router({ show: memberShow }),
});
