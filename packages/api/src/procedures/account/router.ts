import { router } from '../../trpc.js';

/** Member self-service on their online account (activation, verification, contacts, password). */
export const accountRouter = router({});
