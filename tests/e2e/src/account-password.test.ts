import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { useDemoBrowser } from './demo-browser.js';
import { codeIn, latestMessage, linkIn } from './dev-mailbox.js';
import { checkPage } from './page-checks.js';
import { submitLogin } from './portal-login.js';

const demo = useDemoBrowser();

const demoPassword = 'Pulih-Demo-2026';

/** Logs in on `/` and resolves with what the page says: the profile's name, or the login error. */
async function tryLogin(page: Page, identifier: string, password: string): Promise<'profile' | string> {
  await page.goto(`${demo.server.url}/`);
  await submitLogin(page, identifier, password);
  const outcome = await Promise.race([
    page.waitForSelector('[data-testid="full-name"]').then(() => 'profile' as const),
    page.waitForSelector('[data-testid="login-error"] p').then(async (alert) => (await alert.textContent()) ?? ''),
  ]);
  return outcome;
}

async function requestReset(page: Page, identifier: string): Promise<string> {
  await page.goto(`${demo.server.url}/lupa-password`);
  await page.fill('#forgot-identifier', identifier);
  await page.click('[data-testid="forgot-submit"]');
  return (await page.waitForSelector('[data-testid="forgot-sent"]').then((sent) => sent.textContent())) ?? '';
}

describe('forgot password', () => {
  it('gives the same reply for a known and an unknown account', async () => {
    const page = await demo.browser.newPage();
    const unknown = await requestReset(page, 'tidak.ada.siapa.pun@example.com');
    const known = await requestReset(page, '19011111111');
    expect(known).toBe(unknown);
    await checkPage(page, 'forgot password: link and code sent');
    await page.close();
  });

  it('resets the password through the emailed link; the old password stops working', async () => {
    const page = await demo.browser.newPage();
    const email = 'budi.santoso@example.com';
    await requestReset(page, email);
    const message = await latestMessage(demo.server.url, email, 'password_reset');
    await page.goto(linkIn(message, '/reset-password'));
    expect(await page.$('#reset-code')).toBeNull();

    // A rejected password lists the broken rules from error.data.reasons.
    await page.fill('#reset-new-password', 'pendek');
    await page.click('[data-testid="reset-submit"]');
    await expect.poll(() => page.textContent('[data-testid="reset-error"]')).toContain('minimal 12 karakter');
    await checkPage(page, 'reset password by link: password refused');

    await page.fill('#reset-new-password', 'Jembatan-Merah-Surabaya-77');
    await page.click('[data-testid="reset-submit"]');
    await expect.poll(() => page.textContent('[data-testid="login-notice"]')).toContain('Kata sandi berhasil diubah');
    expect(new URL(page.url()).search).toBe('');

    expect(await tryLogin(page, email, demoPassword)).toContain('salah');
    expect(await tryLogin(page, email, 'Jembatan-Merah-Surabaya-77')).toBe('profile');
    await page.close();
  });

  it('resets the password with the emailed code; the old password stops working', async () => {
    const page = await demo.browser.newPage();
    const email = 'dewi.lestari@example.com';
    await requestReset(page, email);
    const message = await latestMessage(demo.server.url, email, 'password_reset');
    await page.click('[data-testid="have-code-link"]');
    await page.waitForSelector('#reset-code');
    await page.fill('#reset-identifier', email);
    await page.fill('#reset-code', codeIn(message));
    await checkPage(page, 'reset password with the code');
    await page.fill('#reset-new-password', 'Kebun-Teh-Puncak-Berkabut');
    await page.click('[data-testid="reset-submit"]');
    await expect.poll(() => page.textContent('[data-testid="login-notice"]')).toContain('Kata sandi berhasil diubah');
    await checkPage(page, 'login after a password reset');

    expect(await tryLogin(page, email, demoPassword)).toContain('salah');
    expect(await tryLogin(page, email, 'Kebun-Teh-Puncak-Berkabut')).toBe('profile');
    await page.close();
  });
});

describe('change password', () => {
  it('changes the password on /akun/keamanan; the old one stops working and other sessions end', async () => {
    const context = await demo.browser.newContext();
    const other = await demo.browser.newContext();
    const page = await context.newPage();
    const otherPage = await other.newPage();
    const kpj = '19011111111';
    expect(await tryLogin(otherPage, kpj, demoPassword)).toBe('profile');
    expect(await tryLogin(page, kpj, demoPassword)).toBe('profile');

    await page.click('[data-testid="security-link"]');
    await page.waitForSelector('[data-testid="password-change"]');
    await expect.poll(async () => (await page.$$('[data-testid="session"]')).length).toBe(2);

    await page.fill('#current-password', 'bukan-kata-sandinya');
    await page.fill('#change-new-password', 'Angklung-Bandung-Berbunyi');
    await page.click('[data-testid="change-password-submit"]');
    await expect.poll(() => page.textContent('[data-testid="change-password-error"]')).toContain('salah');
    await checkPage(page, 'account security: two sessions, current password wrong');

    await page.fill('#current-password', demoPassword);
    await page.fill('#change-new-password', 'Angklung-Bandung-Berbunyi');
    await page.click('[data-testid="change-password-submit"]');
    await page.waitForSelector('[data-testid="password-changed"]');
    await expect.poll(async () => (await page.$$('[data-testid="session"]')).length).toBe(1);
    await checkPage(page, 'account security: password changed');

    await otherPage.reload();
    await otherPage.waitForSelector('#identifier');
    expect(await tryLogin(otherPage, kpj, demoPassword)).toContain('salah');
    expect(await tryLogin(otherPage, kpj, 'Angklung-Bandung-Berbunyi')).toBe('profile');
    await context.close();
    await other.close();
  });
});
