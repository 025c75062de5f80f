import { router } from '../../trpc.js';
import { book } from './book.js';
import { cancel } from './cancel.js';
import { checkIn } from './check-in.js';
import { list } from './list.js';
import { mine } from './mine.js';
import { options } from './options.js';

/** Branch visits: booked by members for in-person claims, checked in by the branch. */
export const appointmentsRouter = router({ options, book, mine, cancel, list, checkIn });
