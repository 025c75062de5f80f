import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { useDemoBrowser } from './demo-browser.js';
import { codeIn, latestMessage, linkIn, messagesTo } from './dev-mailbox.js';
import { checkPage } from './page-checks.js';
import { submitLogin } from './portal-login.js';

const demo = useDemoBrowser();

const newPassword = 'Sawah-Hijau-Di-Pagi-Hari';

interface Registration {
  nik: string;
  kpj: string;
  fullName: string;
  birthDate: string;
  email: string;
  phone: string;
}

/** Fills /daftar and submits; resolves on the verification page. `check` checks the filled form first. */
async function register(page: Page, data: Registration, { check = false } = {}): Promise<void> {
  await page.goto(`${demo.server.url}/daftar`);
  await page.fill('#nik', data.nik);
  await page.fill('#kpj', data.kpj);
  await page.fill('#full-name', data.fullName);
  await page.fill('#birth-date', data.birthDate);
  await page.fill('#email', data.email);
  await page.fill('#phone', data.phone);
  await page.fill('#new-password', newPassword);
  if (check) await checkPage(page, 'registration form');
  await page.click('[data-testid="register-submit"]');
  await page.waitForURL('**/verifikasi-email');
  await page.waitForSelector('[data-testid="registration-sent"]');
}

const rina: Registration = {
  nik: '3201014506920001',
  kpj: '19055555555',
  fullName: 'RINA WULANDARI',
  birthDate: '1992-06-05',
  email: 'rina.wulandari@example.com',
  phone: '0813-5555-0001',
};

describe('activation of a member without an online account', () => {
  let pageTextAfterNewRegistration = '';

  it('registers Rina, asks for the code, says to wait before resending, then activates and logs in', async () => {
    const page = await demo.browser.newPage();
    await register(page, rina, { check: true });
    pageTextAfterNewRegistration = (await page.textContent('main')) ?? '';
    expect(await page.inputValue('#verify-email')).toBe(rina.email);
    const first = await latestMessage(demo.server.url, rina.email, 'registration_code');

    // One resend goes out (with the same neutral text for any address); a second within the
    // 60-second cooldown is refused with how long to wait, and sends nothing.
    await page.click('[data-testid="resend-code"]');
    await page.waitForSelector('[data-testid="resend-sent"]');
    const sent = await latestMessage(demo.server.url, rina.email, 'registration_code', { newerThan: first });
    await page.click('[data-testid="resend-code"]');
    await expect
      .poll(() => page.textContent('[data-testid="resend-error"]'))
      .toMatch(/Coba lagi dalam \d+ (detik|menit)/);
    expect(await page.$('[data-testid="resend-sent"]')).toBeNull();
    expect(await messagesTo(demo.server.url, rina.email)).toHaveLength(2);

    // The form checks the code's format before sending.
    await page.fill('#verify-code', '12');
    await page.click('[data-testid="verify-submit"]');
    expect(await page.textContent('#verify-code-error')).toContain('6 angka');
    await checkPage(page, 'email verification: resend refused, code too short');

    await page.fill('#verify-code', codeIn(sent));
    await page.click('[data-testid="verify-submit"]');
    await expect.poll(() => page.textContent('[data-testid="login-notice"]')).toContain('Akun aktif — silakan masuk');
    await checkPage(page, 'login after activation');

    await submitLogin(page, rina.kpj, newPassword);
    await expect.poll(() => page.textContent('[data-testid="full-name"]')).toContain('RINA WULANDARI');
    expect(await page.textContent('[data-testid="registered-email"]')).toContain(rina.email);
    expect(new URL(page.url()).pathname).toBe('/');
    await page.close();
  });

  it("shows the same page for an existing account's data, and tells the submitted address instead", async () => {
    const page = await demo.browser.newPage();
    const submitted = 'siti.lain@example.com';
    await register(page, {
      nik: '3273015708900001',
      kpj: '19011111111',
      fullName: 'SITI RAHAYU',
      birthDate: '1990-08-17',
      email: submitted,
      phone: '0812-3456-7890',
    });
    expect(await page.textContent('main')).toBe(pageTextAfterNewRegistration);
    const notice = await latestMessage(demo.server.url, submitted);
    expect(notice.template).toBe('registration_exists');
    await page.close();
  });
});

const agus: Registration = {
  nik: '3578011207880004',
  kpj: '19066666666',
  fullName: 'AGUS PRASETYO',
  birthDate: '1988-07-12',
  email: 'agus.prasetyo.baru@example.com',
  phone: '0856-4321-0004',
};

describe('activation by the emailed link', () => {
  it('registers Agus and activates the account by opening the link, with no code typed; he then logs in', async () => {
    const page = await demo.browser.newPage();
    await register(page, agus);
    await page.close();

    // The link opens in a new tab, as from a mail app: no state from the registration page.
    const message = await latestMessage(demo.server.url, agus.email, 'registration_code');
    const link = linkIn(message, '/verifikasi-email');
    expect(new URL(link).origin).toBe(demo.server.url);
    expect(new URL(link).searchParams.get('token')).toBeTruthy();
    const fromMail = await demo.browser.newPage();
    await fromMail.goto(link);
    await expect
      .poll(() => fromMail.textContent('[data-testid="login-notice"]'))
      .toContain('Akun aktif — silakan masuk');
    expect(await fromMail.$('#verify-code')).toBeNull();
    // The used token leaves the address bar.
    expect(new URL(fromMail.url()).search).toBe('');
    await checkPage(fromMail, 'login after activation by link');

    await submitLogin(fromMail, agus.kpj, newPassword);
    await expect.poll(() => fromMail.textContent('[data-testid="full-name"]')).toContain('AGUS PRASETYO');
    expect(await fromMail.textContent('[data-testid="registered-email"]')).toBe(agus.email);
    expect((await fromMail.textContent('dd:has([data-testid="registered-email"]) .badge'))?.trim()).toBe(
      'Terverifikasi',
    );
    expect(await fromMail.textContent('[data-testid="registered-phone"]')).toBe(agus.phone);
    expect(new URL(fromMail.url()).pathname).toBe('/');
    await fromMail.close();
  });
});
