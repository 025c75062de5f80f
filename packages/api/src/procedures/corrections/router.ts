import { router } from '../../trpc.js';
import { approve } from './approve.js';
import { evidence } from './evidence.js';
import { list } from './list.js';
import { mine } from './mine.js';
import { reject } from './reject.js';
import { request } from './request.js';
import { show } from './show.js';

/** Corrections of a member's identity data: the member's request, the staff queue and decision. */
export const correctionsRouter = router({ request, mine, list, show, evidence, approve, reject });
