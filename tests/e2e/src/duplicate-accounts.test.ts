import { describe, expect, it } from 'vitest';
import { useDemoBrowser } from './demo-browser.js';
import { codeIn, latestMessage } from './dev-mailbox.js';
import { checkPage } from './page-checks.js';
import { submitLogin } from './portal-login.js';

const demo = useDemoBrowser();
const demoPassword = 'Pulih-Demo-2026';

describe('duplicate accounts ("akun ganda")', () => {
  it('Rudi sees his second account, proves it is his with the code sent to it, and closes it', async () => {
    const page = await demo.browser.newPage();
    await page.goto(`${demo.server.url}/`);
    await submitLogin(page, 'rudi.hartono@example.com', demoPassword);
    await page.waitForSelector('[data-testid="full-name"]');
    await checkPage(page, 'profile: more than one account');

    // The profile tells him; the page lists both accounts, the other one masked and not yet proven.
    await page.click('[data-testid="duplicates-link"]');
    await page.waitForSelector('[data-testid="linked-account"]');
    const other = page.locator('[data-testid="linked-account"][data-current="false"]');
    expect(await other.locator('h2').textContent()).toBe('r***a@example.com');
    expect(await other.getAttribute('data-proven')).toBe('false');

    // Closing before proving is refused, and nothing is closed.
    await page.click('[data-testid="close-duplicates-submit"]');
    await expect.poll(() => page.textContent('[data-testid="duplicates-close-error"]')).toContain('Buktikan dulu');
    await checkPage(page, 'duplicate accounts: closing refused');

    await other.locator('[data-testid="send-code"]').click();
    await other.locator('[data-testid="prove-code-form"]').waitFor();
    await checkPage(page, 'duplicate accounts: code sent');
    const message = await latestMessage(demo.server.url, 'rudi.h.lama@example.com', 'account_control_code');
    await other.locator('input[autocomplete="one-time-code"]').fill(codeIn(message));
    await other.locator('[data-testid="prove-code-submit"]').click();
    await expect
      .poll(() => page.getAttribute('[data-testid="linked-account"][data-current="false"]', 'data-proven'))
      .toBe('true');

    await page.click('[data-testid="close-duplicates-submit"]');
    await expect.poll(() => page.textContent('[data-testid="duplicates-closed"]')).toContain('1 akun ditutup');
    await page.waitForSelector('[data-testid="duplicates-none"]');
    await checkPage(page, 'duplicate accounts: closed');

    // The closed account no longer logs in, and says why.
    await page.click('a[href="/"]');
    await page.click('[data-testid="logout"]');
    await page.waitForSelector('#identifier');
    await submitLogin(page, 'rudi.h.lama@example.com', demoPassword);
    await expect.poll(() => page.textContent('[data-testid="login-error"]')).toContain('ditutup sebagai akun ganda');
    await checkPage(page, 'login refused: account closed');
    const closedNotice = await latestMessage(demo.server.url, 'rudi.h.lama@example.com', 'account_closed_notice');
    expect(closedNotice.subject).toContain('ditutup');
    await page.close();
  });
});
