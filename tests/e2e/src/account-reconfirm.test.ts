import { describe, expect, it } from 'vitest';
import { useDemoBrowser } from './demo-browser.js';
import { checkPage } from './page-checks.js';
import { submitLogin } from './portal-login.js';

// A server of its own: the other files change Budi (new email, frozen, new password).
const demo = useDemoBrowser();

describe('confirming that the contacts are still in use', () => {
  it('asks Budi, whose contacts were confirmed 2 years ago; "Ya, masih benar" ends the question for good', async () => {
    const page = await demo.browser.newPage();
    await page.goto(`${demo.server.url}/`);
    await submitLogin(page, 'budi.santoso@example.com');
    const prompt = await page.waitForSelector('[data-testid="reconfirm-prompt"]');
    expect(await prompt.$eval('h2', (title) => title.textContent)).toBe('Apakah email dan nomor HP ini masih aktif?');
    const shown = (await prompt.textContent()) ?? '';
    expect(shown).toContain('budi.santoso@example.com');
    expect(shown).toContain('0857-1234-5678');
    const confirmedAt = '.row:has(dt:text-is("Kontak terakhir dikonfirmasi")) dd';
    const thisYear = String(new Date().getFullYear());
    expect(await page.textContent(confirmedAt)).not.toContain(thisYear);
    await checkPage(page, 'profile: are the contacts still in use?');

    await page.click('[data-testid="reconfirm-yes"]');
    await page.waitForSelector('[data-testid="reconfirm-prompt"]', { state: 'detached' });
    // The thank-you takes the prompt's place, and the keyboard focus with it.
    const thanks = await page.waitForSelector('[data-testid="reconfirm-thanks"]');
    expect(await thanks.getAttribute('role')).toBe('status');
    expect(await thanks.textContent()).toContain('Terima kasih, data kontak Anda sudah dikonfirmasi.');
    expect(await page.$eval(':focus', (focused) => focused.getAttribute('data-testid'))).toBe('reconfirm-thanks');
    expect(await page.textContent('[data-testid="full-name"]')).toContain('BUDI SANTOSO');
    expect(await page.textContent(confirmedAt)).toContain(thisYear);
    await checkPage(page, 'profile: contacts confirmed');

    // The answer is kept by the server: a reload (a new profile request) does not ask again.
    await page.reload();
    await page.waitForSelector('[data-testid="full-name"]');
    expect(await page.$('[data-testid="reconfirm-prompt"]')).toBeNull();
    await page.close();
  });
});
