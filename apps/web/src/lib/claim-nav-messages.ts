import type { Catalogues } from '@pulih/ui/messages';
import { locale } from './locale.svelte';

// The links to the JHT claim pages, shown on every account page. Apart from claim-messages.ts,
// which is large and loads only with those pages (a module the first page imports is in its bundle).
const id = {
  navClaim: 'Klaim JHT',
  navNotices: 'Pemberitahuan',
};

export type ClaimNavMessages = Readonly<Record<keyof typeof id, string>>;

export const claimNavMessages: Catalogues<ClaimNavMessages> = {
  id,
  en: { navClaim: 'JHT claim', navNotices: 'Notifications' },
};

/** The links' labels in the portal's current language. */
export const claimNavText = {
  get t(): ClaimNavMessages {
    return claimNavMessages[locale.current];
  },
};
