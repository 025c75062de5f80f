import { router } from '../../trpc.js';
import { close } from './close.js';
import { list } from './list.js';
import { reply } from './reply.js';
import { show } from './show.js';
import { verify } from './verify.js';

/** Customer-service email: the ticket queue fed by the inbound SMTP listener. */
export const ticketsRouter = router({ list, show, verify, reply, close });
