import { claimAction } from './claim-action.js';

/** Records the bank transfer of an approved claim: the balance goes down by the claim. */
export const pay = claimAction('pay');
