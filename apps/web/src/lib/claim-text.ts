import { type ClaimMessages, claimMessages } from './claim-messages';
import { locale } from './locale.svelte';

/** The claim pages' messages in the portal's current language; reading `claimText.t` in markup follows the switch. */
export const claimText = {
  get t(): ClaimMessages {
    return claimMessages[locale.current];
  },
};
