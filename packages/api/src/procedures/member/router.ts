import { router } from '../../trpc.js';
import { profile } from './profile.js';

export const memberRouter = router({ profile });
