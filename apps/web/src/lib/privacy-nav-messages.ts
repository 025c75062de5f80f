import type { Catalogues } from '@pulih/ui/messages';

// The link to "Data saya" on every account page. Apart from privacy-messages.ts, which loads only
// with that page (a module the first page imports is in its bundle), as claim-nav-messages.ts.
// Read through `privacyNavText` (nav-text.ts).
const id = { navMyData: 'Data saya' };

export type PrivacyNavMessages = Readonly<Record<keyof typeof id, string>>;

export const privacyNavMessages: Catalogues<PrivacyNavMessages> = { id, en: { navMyData: 'My data' } };
