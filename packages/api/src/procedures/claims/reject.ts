import { claimAction } from './claim-action.js';

/** Rejects a claim with a reason the member is told. */
export const reject = claimAction('reject');
