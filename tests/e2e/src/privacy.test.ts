import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PERSONAL_DATA_CATEGORIES } from '@pulih/domain';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { useDemoBrowser } from './demo-browser.js';
import { checkPage } from './page-checks.js';
import { submitLogin } from './portal-login.js';

// "Data saya": Siti downloads everything held about her as JSON and as PDF and finds every
// category in it, then asks for a correction of her birth date with a KK scan.
const demo = useDemoBrowser();

const siti = { email: 'siti.rahayu@example.com', password: 'Pulih-Demo-2026' };
const files = mkdtempSync(join(tmpdir(), 'pulih-e2e-privacy-'));
const kkScan = join(files, 'kk.pdf');
writeFileSync(kkScan, '%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n');

async function logInAsSiti(): Promise<Page> {
  const page = await demo.browser.newPage({ viewport: { width: 360, height: 740 } });
  await page.goto(`${demo.server.url}/`);
  await submitLogin(page, siti.email, siti.password);
  await page.waitForSelector('[data-testid="full-name"]');
  return page;
}

/** Clicks a download button and returns the bytes the browser saved. */
async function download(page: Page, testid: string): Promise<{ name: string; content: Buffer }> {
  const [file] = await Promise.all([page.waitForEvent('download'), page.click(`[data-testid="${testid}"]`)]);
  const path = await file.path();
  return { name: file.suggestedFilename(), content: readFileSync(path) };
}

describe('Data saya in the browser', () => {
  it('downloads the member’s data as JSON with every category, and as a PDF with her name', async () => {
    const page = await logInAsSiti();
    await page.goto(`${demo.server.url}/akun/data-saya`);
    await page.waitForSelector('[data-testid="my-data-show"]');
    await checkPage(page, 'my data');
    await page.click('[data-testid="my-data-show"]');
    await page.waitForSelector('[data-testid="my-data-name"]');
    expect(await page.textContent('[data-testid="my-data-name"]')).toBe('SITI RAHAYU');
    for (const category of PERSONAL_DATA_CATEGORIES) {
      expect(await page.isVisible(`[data-testid="category-${category}"]`), category).toBe(true);
    }
    await checkPage(page, 'my data: shown');

    const json = await download(page, 'my-data-json');
    expect(json.name).toMatch(/^data-saya-\d{4}-\d{2}-\d{2}\.json$/);
    const data = JSON.parse(json.content.toString('utf8')) as Record<string, unknown>;
    for (const category of PERSONAL_DATA_CATEGORIES) expect(data, category).toHaveProperty(category);
    expect(data.identity).toMatchObject({ fullName: 'SITI RAHAYU', nik: '3273015708900001' });
    expect(json.content.toString('utf8')).not.toContain('SUMARNI');

    const pdf = await download(page, 'my-data-pdf');
    expect(pdf.name).toMatch(/\.pdf$/);
    expect(pdf.content.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(pdf.content.toString('latin1')).toContain('SITI RAHAYU');
    await page.close();
  });

  it('sends a correction request with a KK scan and lists it as waiting for a decision', async () => {
    const page = await logInAsSiti();
    await page.goto(`${demo.server.url}/akun/data-saya`);
    await page.waitForSelector('[data-testid="correction-form"]');
    await page.selectOption('[data-testid="correction-field"]', 'birth_date');
    await page.fill('#correction-value', '1990-08-18');
    await page.check('input[type="radio"][value="kk"]');
    await page.setInputFiles('[data-testid="correction-file"]', kkScan);
    await page.click('[data-testid="correction-submit"]');
    await page.waitForSelector('[data-testid="correction-sent"]');
    expect(await page.textContent('[data-testid="correction-sent"]')).toMatch(/KOR-[0-9A-Z]{4}-[0-9A-Z]{4}/);
    expect(await page.textContent('[data-testid="my-corrections"]')).toContain('1990-08-18');
    await checkPage(page, 'my data: correction sent');
    // The same item again: the page says it is already waiting.
    await page.fill('#correction-value', '1990-08-19');
    await page.setInputFiles('[data-testid="correction-file"]', kkScan);
    await page.click('[data-testid="correction-submit"]');
    await page.waitForSelector('[data-testid="correction-error"]');
    expect(await page.textContent('[data-testid="correction-error"]')).toMatch(/masih menunggu keputusan/);
    await checkPage(page, 'my data: correction refused');
    await page.close();
  });
});
