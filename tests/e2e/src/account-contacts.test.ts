import { describe, expect, it } from 'vitest';
import { useDemoBrowser } from './demo-browser.js';
import { codeIn, latestMessage, linkIn } from './dev-mailbox.js';
import { checkPage } from './page-checks.js';
import { submitLogin } from './portal-login.js';

const demo = useDemoBrowser();

const demoPassword = 'Pulih-Demo-2026';

/**
 * The API's reply to a contact change when the session's password entry is older than ten
 * minutes. A fresh login counts as recent and the server's clock cannot be moved from here, so
 * the first request gets this reply from the test; the re-authentication and the retry then go
 * to the real API.
 */
const reauthRequiredReply = JSON.stringify([
  {
    error: {
      message: 'Enter your password again to continue.',
      code: -32003,
      data: { code: 'FORBIDDEN', httpStatus: 403, appCode: 'REAUTH_REQUIRED' },
    },
  },
]);

describe('changing the email', () => {
  it('asks for the password again, sends a code to the new address, and the old address can freeze the account', async () => {
    const oldEmail = 'budi.santoso@example.com';
    const newEmail = 'budi.baru@example.com';
    const page = await demo.browser.newPage();
    await page.goto(`${demo.server.url}/akun/keamanan`);
    await submitLogin(page, oldEmail, demoPassword);
    await page.waitForSelector('[data-testid="email-change"]');
    expect(new URL(page.url()).pathname).toBe('/akun/keamanan');
    await checkPage(page, 'account security');

    let isReauthReplySent = false;
    await page.route('**/trpc/account.requestContactChange**', async (route) => {
      if (isReauthReplySent) return route.continue();
      isReauthReplySent = true;
      await route.fulfill({ status: 403, contentType: 'application/json', body: reauthRequiredReply });
    });

    await page.fill('#email-new', newEmail);
    await page.click('[data-testid="email-request"]');
    await page.waitForSelector('[data-testid="reauth-form"]');
    await page.fill('#email-reauth-password', 'bukan-kata-sandinya');
    await page.click('[data-testid="reauth-submit"]');
    await expect.poll(() => page.textContent('#email-reauth-error')).toContain('salah');
    await checkPage(page, 'account security: password asked again, wrong');
    await page.fill('#email-reauth-password', demoPassword);
    await page.click('[data-testid="reauth-submit"]');

    await expect.poll(() => page.textContent('[data-testid="email-code-sent"]')).toContain(newEmail);
    await checkPage(page, 'account security: code sent to the new email');
    const code = codeIn(await latestMessage(demo.server.url, newEmail, 'contact_change_code'));
    await page.fill('#email-code', code);
    await page.click('[data-testid="email-confirm"]');
    await page.waitForSelector('[data-testid="email-changed"]');
    await expect.poll(() => page.textContent('[data-testid="email-change"] .intro')).toContain(newEmail);
    await checkPage(page, 'account security: email changed');

    // The old address is told, with a link for "this was not me".
    const notice = await latestMessage(demo.server.url, oldEmail, 'contact_changed_notice');
    const notMe = await demo.browser.newPage();
    await notMe.goto(linkIn(notice, '/bukan-saya'));
    await notMe.waitForSelector('[data-testid="not-me-confirm"]');
    await checkPage(notMe, '"bukan saya"');
    await notMe.click('[data-testid="not-me-confirm"]');
    await notMe.waitForSelector('[data-testid="frozen-title"]');
    await checkPage(notMe, '"bukan saya": account frozen');
    const recovery = await notMe.textContent('[data-testid="recovery-steps"]');
    expect(recovery).toContain('175');
    expect(recovery).toContain('KTP');

    // A frozen account cannot log in, whichever address is used, and says why.
    await notMe.goto(`${demo.server.url}/`);
    await submitLogin(notMe, newEmail, demoPassword);
    await expect.poll(() => notMe.textContent('[data-testid="login-error"]')).toContain('dibekukan');
    await checkPage(notMe, 'login refused: account frozen');
    await page.close();
    await notMe.close();
  });
});

describe('changing the phone', () => {
  it('sends an SMS code to the new number, shows it verified on the profile, and tells the old number', async () => {
    // Siti: this file's email test changes (and freezes) Budi, not her.
    const oldPhone = '+6281234567890';
    const newPhone = { typed: '0812 9999 0001', e164: '+6281299990001', shown: '0812-9999-0001' };
    const page = await demo.browser.newPage();
    await page.goto(`${demo.server.url}/akun/keamanan`);
    await submitLogin(page, 'siti.rahayu@example.com', demoPassword);
    await page.waitForSelector('[data-testid="phone-change"]');
    expect(await page.textContent('[data-testid="phone-change"] .intro')).toContain('0812-3456-7890');

    // A fresh login is a recent password entry: the code is sent without asking for it again.
    await page.fill('#phone-new', newPhone.typed);
    await page.click('[data-testid="phone-request"]');
    await page.waitForSelector('[data-testid="phone-code-sent"]');
    expect(await page.$('[data-testid="reauth-form"]')).toBeNull();
    await checkPage(page, 'account security: code sent to the new phone');
    const codeMessage = await latestMessage(demo.server.url, newPhone.e164, 'contact_change_code');
    expect(codeMessage.channel).toBe('sms');
    await page.fill('#phone-code', codeIn(codeMessage));
    await page.click('[data-testid="phone-confirm"]');
    await page.waitForSelector('[data-testid="phone-changed"]');
    await expect.poll(() => page.textContent('[data-testid="phone-change"] .intro')).toContain(newPhone.shown);

    await page.click('main a[href="/"]');
    await expect.poll(() => page.textContent('[data-testid="registered-phone"]')).toBe(newPhone.shown);
    expect((await page.textContent('dd:has([data-testid="registered-phone"]) .badge'))?.trim()).toBe('Terverifikasi');

    // The old number hears of it by SMS, showing the new number only masked.
    const notice = await latestMessage(demo.server.url, oldPhone, 'contact_changed_notice');
    expect(notice.channel).toBe('sms');
    expect(notice.body).toContain('0812-****-**01');
    expect(notice.body).not.toContain(newPhone.shown);
    await page.close();
  });
});
