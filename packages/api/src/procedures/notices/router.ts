import { router } from '../../trpc.js';
import { preferences } from './preferences.js';
import { setPreferences } from './set-preferences.js';

/** The member's choice of JHT notices (contributions, status, claims) and channels. */
export const noticesRouter = router({ preferences, setPreferences });
