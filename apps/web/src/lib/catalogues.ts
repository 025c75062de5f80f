import { claimMessages } from './claim-messages';
import { claimNavMessages } from './claim-nav-messages';
import { messages } from './messages';
import { privacyMessages } from './privacy-messages';
import { privacyNavMessages } from './privacy-nav-messages';

/**
 * Every message catalogue of the member portal, by module, for the checks that read them all (no
 * unused key; the browser tests' "no Indonesian left in English"). The app itself imports each
 * catalogue where it is needed, so that the claim and "Data saya" strings load with their pages.
 */
export const catalogues = { messages, claimMessages, claimNavMessages, privacyMessages, privacyNavMessages } as const;
