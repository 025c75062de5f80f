import { describe, expect, it } from 'vitest';
import { useDemoBrowser } from './demo-browser.js';
import { checkPage } from './page-checks.js';
import { submitLogin } from './portal-login.js';

const demo = useDemoBrowser();

const amountOf = (text: string | null): number => Number((text ?? '').replace(/\D/g, ''));

describe('JHT balance and "penggabungan saldo"', () => {
  it('Siti sees both KPJ balances and merges the old one into her active KPJ; the total stays', async () => {
    const page = await demo.browser.newPage();
    await page.goto(`${demo.server.url}/`);
    await submitLogin(page, 'siti.rahayu@example.com');
    await page.click('[data-testid="balance-link"]');
    await page.waitForSelector('[data-testid="merge-form"]');
    expect(await page.locator('[data-testid="kpj-card"]').count()).toBe(2);
    const total = amountOf(await page.textContent('[data-testid="balance-total"]'));
    expect(total).toBeGreaterThan(0);
    await checkPage(page, 'JHT balance: two KPJ to merge');

    await page.click('[data-testid="merge-submit"]');
    await expect.poll(() => page.textContent('[data-testid="merge-done"]')).toContain('20022222222');
    expect(amountOf(await page.textContent('[data-testid="balance-total"]'))).toBe(total);
    const old = page.locator('[data-testid="kpj-card"][data-kpj="19011111111"]');
    expect(await old.locator('[data-testid="kpj-merged"]').textContent()).toContain('Digabung ke 20022222222');
    expect(amountOf(await old.locator('[data-testid="kpj-balance"]').textContent())).toBe(0);
    const active = page.locator('[data-testid="kpj-card"][data-kpj="20022222222"]');
    expect(amountOf(await active.locator('[data-testid="kpj-balance"]').textContent())).toBe(total);
    expect(await page.locator('[data-testid="merge-form"]').count()).toBe(0);
    await checkPage(page, 'JHT balance: merged');
    await page.close();
  });
});
