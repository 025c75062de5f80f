import { claimAction } from './claim-action.js';

/** Approves a verified claim (a supervisor above the online limit). */
export const approve = claimAction('approve');
