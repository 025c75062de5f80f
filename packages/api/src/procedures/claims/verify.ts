import { claimAction } from './claim-action.js';

/** An officer starts checking a submitted claim's documents. */
export const verify = claimAction('verify');
