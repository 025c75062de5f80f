import { type ClaimNavMessages, claimNavMessages } from './claim-nav-messages';
import { locale } from './locale.svelte';
import { type PrivacyNavMessages, privacyNavMessages } from './privacy-nav-messages';

// The links to the claim, notice and "Data saya" pages on every account page, in the portal's
// current language (their catalogues are small and in the first download; the pages' own are not).

export const claimNavText = {
  get t(): ClaimNavMessages {
    return claimNavMessages[locale.current];
  },
};

export const privacyNavText = {
  get t(): PrivacyNavMessages {
    return privacyNavMessages[locale.current];
  },
};
