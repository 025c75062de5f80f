import { messages } from './messages';

/**
 * The kiosk's message catalogues, by module, for the checks that read them all (the browser
 * tests' language checks), as the member portal's catalogues.ts. The kiosk has one.
 */
export const catalogues = { messages } as const;
