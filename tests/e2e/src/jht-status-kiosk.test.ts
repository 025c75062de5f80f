import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { useDemoBrowser } from './demo-browser.js';
import { codeIn, latestMessage } from './dev-mailbox.js';
import { checkPage } from './page-checks.js';
import { submitLogin } from './portal-login.js';
import { loginBranchOfficer, mutate, tapDigits } from './staff-api.js';

// The JHT balance and membership status: the portal's profile (status with its reason) and
// balance chart, and the kiosk's "Cek saldo & status" with its wipe. A server of its own: the
// kiosk flow is limited per NIK, per KPJ and per kiosk.
const demo = useDemoBrowser();

const siti = { nik: '3273015708900001', kpj: '20022222222', phoneE164: '+6281234567890', name: 'SITI RAHAYU' };
const dewi = { nik: '3578044211790003', kpj: '19044444444', phoneE164: '+6281398765432', name: 'DEWI LESTARI' };

const amountOf = (text: string | null): number => Number((text ?? '').replace(/\D/g, ''));

/** One kiosk browser: its pages share the httpOnly device cookie set by the pairing. */
let kiosk: BrowserContext;

async function pairKiosk(): Promise<void> {
  const officer = await loginBranchOfficer(demo.server.url);
  const reply = await mutate(demo.server.url, 'kiosk.pair', { label: 'Kios Saldo Uji' }, officer);
  const { pairingCode } = reply.data as { pairingCode: string };
  const page = await kiosk.newPage();
  await page.goto(`${demo.server.url}/kiosk/`);
  await page.fill('#pairing-code', pairingCode);
  await page.click('[data-testid="pairing-submit"]');
  await page.waitForSelector('[data-testid="service-balance-status"]');
  await page.close();
}

async function openKiosk(query = ''): Promise<Page> {
  const page = await kiosk.newPage();
  await page.setViewportSize({ width: 1080, height: 1920 });
  await page.goto(`${demo.server.url}/kiosk/${query}`);
  await page.waitForSelector('[data-testid="start-screen"]');
  return page;
}

/**
 * NIK, KPJ, the SMS code from the dev mailbox: up to the screen with the balance. `check` checks
 * each screen on the way (not with a shortened idle timeout: the checks take longer than it).
 */
async function checkBalanceAtKiosk(page: Page, member: typeof siti, { check = false } = {}): Promise<void> {
  await page.click('[data-testid="service-balance-status"]');
  await page.waitForSelector('#kiosk-nik');
  expect(await page.getAttribute('#kiosk-nik', 'inputmode')).toBe('none');
  await tapDigits(page, member.nik);
  if (check) await checkPage(page, 'kiosk balance: NIK');
  await page.click('[data-testid="balance-nik-next"]');
  await page.waitForSelector('#kiosk-kpj');
  await tapDigits(page, member.kpj);
  if (check) await checkPage(page, 'kiosk balance: KPJ');
  await page.click('[data-testid="balance-send"]');
  await expect.poll(() => page.textContent('[data-testid="balance-sent"]')).toContain('Jika NIK dan nomor KPJ cocok');
  if (check) await checkPage(page, 'kiosk balance: code sent');
  const sms = await latestMessage(demo.server.url, member.phoneE164, 'kiosk_balance_code');
  expect(sms.channel).toBe('sms');
  await tapDigits(page, codeIn(sms));
  await page.click('[data-testid="balance-code-submit"]');
  await page.waitForSelector('[data-testid="balance-total"]');
}

async function logIn(page: Page, email: string): Promise<void> {
  await page.goto(`${demo.server.url}/`);
  await submitLogin(page, email);
  await page.waitForSelector('[data-testid="membership-status"]');
}

beforeAll(async () => {
  kiosk = await demo.browser.newContext();
  await pairKiosk();
}, 100_000);

afterAll(async () => {
  await kiosk?.close();
});

describe('membership status and the balance chart on the portal', () => {
  it('shows the membership status with its reason in Bahasa Indonesia, and in English on request', async () => {
    const context = await demo.browser.newContext();
    const page = await context.newPage();
    await logIn(page, 'dewi.lestari@example.com');
    expect(await page.textContent('[data-testid="membership-status"]')).toContain('Tidak aktif');
    expect(await page.textContent('[data-testid="membership-reason"]')).toBe(
      'Pemberi kerja tidak membayar iuran selama 3 bulan berturut-turut.',
    );
    await checkPage(page, 'profile: membership not active');
    await page.click('.language-switch button[lang="en"]');
    await expect
      .poll(() => page.textContent('[data-testid="membership-reason"]'))
      .toBe('The employer has not paid contributions for 3 consecutive months.');
    await context.close();
  });

  it('draws the total balance per year as an accessible chart with the figures in a table', async () => {
    const context = await demo.browser.newContext();
    const page = await context.newPage();
    await logIn(page, 'siti.rahayu@example.com');
    expect(await page.textContent('[data-testid="membership-reason"]')).toBe('Iuran masuk setiap bulan.');
    await page.click('[data-testid="balance-link"]');
    await page.waitForSelector('[data-testid="balance-chart"]');
    const total = amountOf(await page.textContent('[data-testid="balance-total"]'));

    // Siti's first contribution was paid in 2012: one bar per year to this one.
    const years = new Date().getFullYear() - 2012 + 1;
    expect(await page.locator('[data-testid="balance-chart-svg"] rect.bar').count()).toBe(years);
    const svg = page.locator('[data-testid="balance-chart-svg"]');
    expect(await svg.getAttribute('role')).toBe('img');
    expect(await page.textContent(`#${await svg.getAttribute('aria-labelledby')}`)).toBe('Saldo dari tahun ke tahun');
    const summary = await page.textContent(`#${await svg.getAttribute('aria-describedby')}`);
    expect(summary).toContain('naik dari');
    expect(summary).toContain('2012');

    // The text alternative: the closing balance of every year, the last one the total of today.
    await page.click('[data-testid="balance-chart"] summary');
    const rows = page.locator('[data-testid="balance-chart-table"] tbody tr');
    expect(await rows.count()).toBe(years);
    expect(amountOf(await rows.last().locator('td').textContent())).toBe(total);
    await checkPage(page, 'JHT balance: chart and its table');
    await context.close();
  });
});

describe('"Cek saldo & status" at the kiosk', () => {
  it('shows Siti her balance per KPJ and in total, her status with its reason and no claim, and wipes on "Selesai"', async () => {
    const page = await openKiosk();
    expect(await page.textContent('[data-testid="service-balance-status"]')).not.toContain('Segera hadir');
    await checkPage(page, 'kiosk start');
    await checkBalanceAtKiosk(page, siti, { check: true });

    expect(await page.textContent('[data-testid="balance-name"]')).toBe(siti.name);
    const total = amountOf(await page.textContent('[data-testid="balance-total"]'));
    expect(total).toBeGreaterThan(0);
    const cards = page.locator('[data-testid="balance-kpj"]');
    expect(await cards.count()).toBe(2);
    const perKpj = await cards.evaluateAll((items) => items.map((item) => item.textContent ?? ''));
    expect(perKpj.reduce((sum, text) => sum + amountOf(text.replace(/KPJ \d+/, '')), 0)).toBe(total);
    expect(await page.textContent('[data-testid="membership-status"]')).toContain('Aktif');
    expect(await page.textContent('[data-testid="membership-reason"]')).toBe('Iuran masuk setiap bulan.');
    expect(await page.textContent('[data-testid="claims-none"]')).toBe('Tidak ada klaim JHT yang sedang diproses.');
    await checkPage(page, 'kiosk balance: shown');

    await page.click('[data-testid="balance-done"]');
    await page.waitForSelector('[data-testid="start-screen"]');
    const body = (await page.textContent('body')) ?? '';
    for (const shown of [siti.name, siti.kpj, siti.nik, 'Iuran masuk setiap bulan.']) expect(body).not.toContain(shown);

    // A fresh start: the keypad field is empty again.
    await page.click('[data-testid="service-balance-status"]');
    expect(await page.inputValue('#kiosk-nik')).toBe('');
    await page.close();
  });

  it('wipes the balance screen after the (shortened) idle timeout, leaving nothing of the member', async () => {
    const page = await openKiosk('?idle=3000');
    await checkBalanceAtKiosk(page, dewi);
    expect(await page.textContent('[data-testid="membership-status"]')).toContain('Non-aktif');
    expect(await page.textContent('[data-testid="membership-reason"]')).toBe(
      'Pemberi kerja tidak membayar iuran selama 3 bulan berturut-turut.',
    );

    // Untouched, the countdown shows and then the start screen is back.
    await page.waitForSelector('[data-testid="idle-countdown"]', { timeout: 5_000 });
    await page.waitForSelector('[data-testid="start-screen"]', { timeout: 8_000 });
    expect(await page.$('[data-testid="balance-total"]')).toBeNull();
    const body = (await page.textContent('body')) ?? '';
    for (const shown of [dewi.name, dewi.kpj, 'Pemberi kerja tidak membayar']) expect(body).not.toContain(shown);
    const stored = await page.evaluate<string>(
      '(() => JSON.stringify([{ ...localStorage }, { ...sessionStorage }, document.cookie]))()',
    );
    for (const memberData of [dewi.nik, dewi.kpj, dewi.name, 'dewi']) expect(stored).not.toContain(memberData);
    await page.close();
  });
});
