import { locale } from './locale.svelte';
import { type PrivacyMessages, privacyMessages } from './privacy-messages';

/** The "Data saya" page's strings in the portal's current language. */
export const privacyText = {
  get t(): PrivacyMessages {
    return privacyMessages[locale.current];
  },
};
