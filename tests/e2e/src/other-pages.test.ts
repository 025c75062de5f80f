import { describe, expect, it } from 'vitest';
import { expectNoSeriousViolations } from './accessibility.js';
import { useDemoBrowser } from './demo-browser.js';
import { checkPage } from './page-checks.js';

// The pages and states no flow stops on, with the same checks as the flows' pages: axe in both
// languages and the catalogue texts in both.
const demo = useDemoBrowser();

describe('pages outside the flows', () => {
  it('the portal’s "page not found" and an incomplete "bukan saya" link', async () => {
    const page = await demo.browser.newPage();
    await page.goto(`${demo.server.url}/tidak-ada`);
    await page.waitForSelector('#not-found-title');
    await checkPage(page, 'page not found');
    await page.goto(`${demo.server.url}/bukan-saya`);
    await page.waitForSelector('#not-me-title');
    expect(await page.$('[data-testid="not-me-confirm"]')).toBeNull();
    await checkPage(page, '"bukan saya" without its token');
    await page.close();
  });

  it('the kiosk’s idle warning, in English', async () => {
    const page = await demo.browser.newPage();
    // An unpaired kiosk: a visitor's change of language is enough to start the idle count.
    await page.goto(`${demo.server.url}/kiosk/?idle=4000`);
    await page.waitForSelector('[data-testid="pairing-screen"]');
    await page.click('.language-switch button[lang="en"]');
    await page.waitForSelector('[data-testid="idle-countdown"]', { timeout: 5_000 });
    expect(await page.textContent('#idle-title')).toBe('Still there?');
    await expectNoSeriousViolations(page, 'kiosk idle warning');
    await page.waitForSelector('[data-testid="idle-countdown"]', { state: 'detached', timeout: 5_000 });
    expect(await page.getAttribute('html', 'lang')).toBe('id');
    await page.close();
  });
});
