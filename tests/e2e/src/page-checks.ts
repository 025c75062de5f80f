import type { Page } from 'playwright-core';
import { expectNoSeriousViolations } from './accessibility.js';
import { expectOtherLanguage, switchBack } from './languages.js';

/**
 * The checks every page of a flow gets where the flow stands on it: axe in the page's language,
 * a switch to the other language with its texts checked against the catalogues, axe again, and
 * back to the first language, so the flow goes on as it was. `label` names the page and its state.
 */
export async function checkPage(page: Page, label: string): Promise<void> {
  const lang = (await page.evaluate<string>('document.documentElement.lang')) === 'en' ? 'en' : 'id';
  await expectNoSeriousViolations(page, label);
  await expectOtherLanguage(page, label);
  await expectNoSeriousViolations(page, label);
  await switchBack(page, lang);
}
