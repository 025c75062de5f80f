import { describe, expect, it } from 'vitest';
import { useDemoBrowser } from './demo-browser.js';
import { checkPage } from './page-checks.js';
import { submitLogin } from './portal-login.js';

const demo = useDemoBrowser();

describe('member portal in a real Chromium', () => {
  it('logs a demo member in with the KPJ number and shows the registered email and phone', async () => {
    const page = await demo.browser.newPage();
    await page.goto(`${demo.server.url}/`);
    await page.waitForSelector('#identifier');
    // The window's title names the page, in the page's language.
    expect(await page.title()).toBe('Masuk ke akun Anda — Pulih');
    await checkPage(page, 'login');
    await submitLogin(page, '19011111111');
    await expect.poll(() => page.textContent('[data-testid="registered-email"]')).toContain('siti.rahayu@example.com');
    expect(await page.textContent('[data-testid="registered-phone"]')).toContain('0812-3456-7890');
    expect(await page.title()).toBe('Profil saya — Pulih');
    await checkPage(page, 'profile');
    await page.screenshot({ path: `${process.env.PULIH_SCREENSHOT_DIR ?? '/tmp'}/pulih-profile.png`, fullPage: true });
    await page.click('[data-testid="balance-link"]');
    await expect.poll(() => page.title()).toBe('Saldo JHT — Pulih');
    await page.close();
  });

  it('offers every account page from every account page, the profile included, with the page shown marked as current', async () => {
    const page = await demo.browser.newPage();
    await page.goto(`${demo.server.url}/`);
    await submitLogin(page, 'siti.rahayu@example.com');
    await page.waitForSelector('[data-testid="registered-email"]');
    const accountPages = [
      '/',
      '/akun/saldo-jht',
      '/akun/klaim-jht',
      '/akun/notifikasi',
      '/akun/keamanan',
      '/akun/data-saya',
      '/akun/riwayat-akses',
    ];
    const navigation = () =>
      page.$$eval('nav[aria-label="Navigasi akun"] a', (links) =>
        links.map((a) => ({ href: a.getAttribute('href'), current: a.getAttribute('aria-current') })),
      );
    for (const path of accountPages) {
      // Reached by the navigation itself, as a member would.
      if (path !== '/') {
        await page.click(`nav[aria-label="Navigasi akun"] a[href="${path}"]`);
        await expect.poll(() => new URL(page.url()).pathname).toBe(path);
      }
      await expect
        .poll(navigation)
        .toEqual(accountPages.map((href) => ({ href, current: href === path ? 'page' : null })));
    }
    await page.close();
  });

  it('logs in with the email, and after logout the profile is gone', async () => {
    const page = await demo.browser.newPage();
    await page.goto(`${demo.server.url}/`);
    await submitLogin(page, 'budi.santoso@example.com');
    await expect.poll(() => page.textContent('[data-testid="registered-email"]')).toContain('budi.santoso@example.com');
    await page.click('[data-testid="logout"]');
    await page.waitForSelector('#identifier');
    await page.reload();
    await page.waitForSelector('#identifier');
    expect(await page.$('[data-testid="registered-email"]')).toBeNull();
    await page.close();
  });

  it('shows the same message and lock-out hint in Bahasa Indonesia for a wrong password and an unknown account', async () => {
    const page = await demo.browser.newPage();
    const messageFor = async (identifier: string) => {
      await page.goto(`${demo.server.url}/`);
      await submitLogin(page, identifier, 'bukan-kata-sandinya');
      await page.waitForSelector('[data-testid="login-error"]');
      // With the hint that a member sure of the password may be locked out, and how to get in now.
      return `${await page.textContent('[data-testid="login-error"]')} | ${await page.textContent('[data-testid="login-locked-hint"]')}`;
    };
    const wrongPassword = await messageFor('siti.rahayu@example.com');
    const unknown = await messageFor('tidak.ada@example.com');
    expect(wrongPassword).toBe(unknown);
    expect(wrongPassword).toContain('dikunci sementara');
    expect(await page.getAttribute('[data-testid="login-locked-hint"] a', 'href')).toBe('/lupa-password');
    expect(await page.$('[data-testid="registered-email"]')).toBeNull();
    await checkPage(page, 'login refused');
    await page.close();
  });
});

describe('branch kiosk in a real Chromium', () => {
  it('opens its start screen in Bahasa Indonesia and reaches the API', async () => {
    const page = await demo.browser.newPage();
    await page.goto(`${demo.server.url}/kiosk`);
    await expect.poll(() => page.textContent('[data-testid="kiosk-status"]')).toContain('Terhubung');
    expect(await page.getAttribute('html', 'lang')).toBe('id');
    await page.close();
  });
});

describe('dev mailbox', () => {
  it('is served in demo mode', async () => {
    const page = await demo.browser.newPage();
    const response = await page.goto(`${demo.server.url}/dev/mailbox`);
    expect(response?.status()).toBe(200);
    expect(await page.textContent('h1')).toContain('Dev mailbox');
    await page.close();
  });
});
