import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { useDemoBrowser } from './demo-browser.js';
import { codeIn, latestMessage, messagesTo } from './dev-mailbox.js';
import { checkPage } from './page-checks.js';
import { submitLogin } from './portal-login.js';

// A server of its own: the other files change Dewi's password, and recovery is limited per KPJ.
const demo = useDemoBrowser();

const dewi = {
  kpj: '19044444444',
  phone: '0813-9876-5432',
  phoneE164: '+6281398765432',
  email: 'dewi.lestari@example.com',
};
const newPassword = 'Sawah-Hijau-Di-Ubud-2026';

/** Fills in "lupa email/akun" and resolves with the neutral reply the page shows; `check` checks the filled form. */
async function startRecovery(page: Page, identifier: string, phone: string, { check = false } = {}): Promise<string> {
  await page.goto(`${demo.server.url}/`);
  await page.click('[data-testid="forgot-account-link"]');
  await page.waitForSelector('#recover-identifier');
  expect(await page.getAttribute('#recover-identifier', 'inputmode')).toBe('numeric');
  expect(await page.getAttribute('#recover-phone', 'type')).toBe('tel');
  expect(await page.getAttribute('#recover-phone', 'autocomplete')).toBe('tel');
  await page.fill('#recover-identifier', identifier);
  await page.fill('#recover-phone', phone);
  if (check) await checkPage(page, 'forgot email/account');
  await page.click('[data-testid="recover-submit"]');
  await page.waitForSelector('#recover-code');
  return (await page.textContent('[data-testid="recover-sent"]')) ?? '';
}

async function tryLogin(page: Page, identifier: string, password: string): Promise<'profile' | string> {
  await submitLogin(page, identifier, password);
  return Promise.race([
    page.waitForSelector('[data-testid="full-name"]').then(() => 'profile' as const),
    page.waitForSelector('[data-testid="login-error"] p').then(async (alert) => (await alert.textContent()) ?? ''),
  ]);
}

describe('lupa email/akun', () => {
  let neutralReply = '';

  it('shows Dewi her email after the SMS code, lets her set a new password and log in with it', async () => {
    const page = await demo.browser.newPage();
    neutralReply = await startRecovery(page, dewi.kpj, dewi.phone, { check: true });
    expect(neutralReply).toContain('Jika data tersebut cocok dengan catatan kami');
    // Nothing about the registered phone is shown, not even masked.
    const shown = (await page.textContent('main')) ?? '';
    expect(shown).not.toContain('5432');
    expect(shown).not.toContain(dewi.email);
    // The "lost that phone too" ways are always on the page.
    expect(await page.textContent('[data-testid="no-phone-steps"]')).toContain('175');
    await checkPage(page, 'forgot email/account: code sent');

    const sms = await latestMessage(demo.server.url, dewi.phoneE164, 'recovery_code');
    expect(sms.channel).toBe('sms');
    await page.fill('#recover-code', codeIn(sms));
    await page.click('[data-testid="recover-code-submit"]');
    await expect.poll(() => page.textContent('[data-testid="recovered-email"]')).toBe(dewi.email);
    expect(await page.$eval(':focus', (focused) => focused.id)).toBe('recover-found-title');
    await checkPage(page, 'forgot email/account: the email shown');

    await page.fill('#recover-new-password', newPassword);
    await page.click('[data-testid="recover-reset-submit"]');
    await expect.poll(() => page.textContent('[data-testid="login-notice"]')).toContain('Kata sandi berhasil diubah');
    expect(await tryLogin(page, dewi.kpj, 'Pulih-Demo-2026')).toContain('salah');
    expect(await tryLogin(page, dewi.email, newPassword)).toBe('profile');
    await page.close();
  });

  it('gives exactly the same reply for the right KPJ with a wrong phone, and sends no SMS', async () => {
    const page = await demo.browser.newPage();
    const wrongPhone = '0812-7777-0001';
    const smsToDewiBefore = (await messagesTo(demo.server.url, dewi.phoneE164)).length;
    const reply = await startRecovery(page, dewi.kpj, wrongPhone);
    expect(reply).toBe(neutralReply);
    expect((await page.textContent('main')) ?? '').not.toContain('5432');

    // Give a (wrongly) queued message time to show up before saying there is none.
    await new Promise((resolve) => setTimeout(resolve, 1_500));
    expect(await messagesTo(demo.server.url, '+6281277770001')).toEqual([]);
    expect(await messagesTo(demo.server.url, dewi.phoneE164)).toHaveLength(smsToDewiBefore);

    // A code guessed for the non-match is refused like any wrong code.
    await page.fill('#recover-code', '123456');
    await page.click('[data-testid="recover-code-submit"]');
    await expect.poll(() => page.textContent('[data-testid="recover-code-error"]')).toContain('Kode');
    expect(await page.$('[data-testid="recovered-email"]')).toBeNull();
    await checkPage(page, 'forgot email/account: wrong code');

    // "Kirim ulang" asks again with the same details (the third attempt today for this KPJ) and
    // gets the same reply; a fourth attempt is over the day's limit and says when to try again.
    await page.click('[data-testid="recover-resend"]');
    await expect.poll(() => page.inputValue('#recover-code')).toBe('');
    expect(await page.textContent('[data-testid="recover-sent"]')).toBe(neutralReply);
    expect(await page.textContent('[data-testid="recover-start-error"]')).toBe('');
    await page.click('[data-testid="recover-resend"]');
    await expect
      .poll(() => page.textContent('[data-testid="recover-start-error"]'))
      .toMatch(/Terlalu banyak percobaan\. Coba lagi dalam \d+ menit\./);
    await checkPage(page, 'forgot email/account: over the limit');
    expect(await messagesTo(demo.server.url, '+6281277770001')).toEqual([]);
    await page.close();
  });

  it('lists the disclosure in Dewi’s access history', async () => {
    const page = await demo.browser.newPage();
    await page.goto(`${demo.server.url}/akun/riwayat-akses`);
    // Signed out, the page asks to log in first, then shows the history.
    await submitLogin(page, dewi.kpj, newPassword);
    await page.waitForSelector('[data-testid="access-entry"]');
    expect(await page.textContent('h1')).toBe('Riwayat akses data');

    const disclosure = page.locator('[data-testid="access-entry"][data-action="contact.disclosed"]');
    await expect.poll(() => disclosure.count()).toBe(1);
    const text = (await disclosure.textContent()) ?? '';
    expect(text).toContain('Email atau nomor HP Anda ditampilkan');
    expect(text).toContain('lengkap');
    expect(text).toContain('Web');
    expect(text).toMatch(/\d{4} pukul \d{2}\.\d{2} WIB/);
    const kinds = await page.$$eval('[data-testid="access-entry"]', (entries) =>
      entries.map((entry) => entry.getAttribute('data-action')),
    );
    expect(kinds).toEqual(
      expect.arrayContaining(['recovery.code_sent', 'recovery.no_match', 'password_reset.completed']),
    );
    // Newest first: the reset came after the disclosure.
    expect(kinds.indexOf('password_reset.completed')).toBeLessThan(kinds.indexOf('contact.disclosed'));
    await checkPage(page, 'access history');

    // The profile and the security page link here.
    await page.click('a[href="/"]');
    await page.waitForSelector('[data-testid="access-history-link"]');
    await page.click('[data-testid="security-link"]');
    await page.click('[data-testid="access-history-link"]');
    await page.waitForSelector('[data-testid="access-entry"]');
    await page.close();
  });
});
