import { router } from '../../trpc.js';
import { accessHistory } from './access-history.js';
import { profile } from './profile.js';

export const memberRouter = router({ profile, accessHistory });
