import { router } from '../../trpc.js';
import { done } from './done.js';
import { list } from './list.js';
import { next } from './next.js';

/** The branch counter's queue of kiosk tickets. */
export const queueRouter = router({ list, next, done });
