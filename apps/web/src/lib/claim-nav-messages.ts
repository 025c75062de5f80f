import type { Catalogues } from '@pulih/ui/messages';

// The links to the JHT claim pages, shown on every account page. Apart from claim-messages.ts,
// which is large and loads only with those pages (a module the first page imports is in its bundle).
// Read through `claimNavText` (nav-text.ts).
const id = {
  navClaim: 'Klaim JHT',
  navNotices: 'Pemberitahuan',
};

export type ClaimNavMessages = Readonly<Record<keyof typeof id, string>>;

export const claimNavMessages: Catalogues<ClaimNavMessages> = {
  id,
  en: { navClaim: 'JHT claim', navNotices: 'Notifications' },
};
