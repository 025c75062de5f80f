import { execFile } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { DEMO_STAFF_TOTP_SECRETS, totpCode } from '@pulih/api/testing';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { useDemoBrowser } from './demo-browser.js';
import { messagesTo } from './dev-mailbox.js';
import { checkPage } from './page-checks.js';
import { submitLogin } from './portal-login.js';

// The JHT claim on the web: Agus (resigned in August 2026, balance under the online limit) goes
// through the wizard with real files, then a branch officer moves the claim to "paid" with the
// real `pulih` CLI, and the member follows it on the tracking page and in his mail.
const demo = useDemoBrowser();

const agus = { email: 'agus.setiawan@example.com', password: 'Pulih-Demo-2026', kpj: '19099999999' };
const pulihBin = fileURLToPath(new URL('../../../apps/cli/bin/pulih.js', import.meta.url));
const files = mkdtempSync(join(tmpdir(), 'pulih-e2e-claim-'));

/** A small but real PDF (header, catalog, trailer), as a phone's scanner app would save. */
function writeFile(name: string, content: string | Buffer): string {
  const path = join(files, name);
  writeFileSync(path, content);
  return path;
}
const scanPdf = writeFile(
  'scan.pdf',
  '%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n2 0 obj << /Type /Pages /Kids [] /Count 0 >> endobj\n' +
    'trailer << /Root 1 0 R >>\n%%EOF\n',
);
// A photographed page is larger than the 64 KB the server takes in a batched call: it must go alone.
const bankBookPdf = writeFile(
  'buku-tabungan.pdf',
  Buffer.concat([Buffer.from('%PDF-1.4\n'), Buffer.alloc(200 * 1024, 0x41), Buffer.from('\n%%EOF\n')]),
);
const webPageNamedPdf = writeFile('paklaring.pdf', '<!doctype html><html><body>not a scan</body></html>');
const hugePdf = writeFile('huge.pdf', Buffer.concat([Buffer.from('%PDF-1.4\n'), Buffer.alloc(6 * 1024 * 1024, 32)]));

interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
}

/** The real `pulih` binary against this file's server, as a branch officer runs it. */
function pulih(args: string[], env: Record<string, string>): Promise<CliRun> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      [pulihBin, ...args],
      { env: { PATH: process.env.PATH ?? '', PULIH_API_URL: demo.server.url, ...env } },
      (error, stdout, stderr) => resolve({ code: error ? Number(error.code ?? 1) : 0, stdout, stderr }),
    );
  });
}

/** `pulih login` as demo.branch (password + TOTP); a code is accepted once, so a used one waits for the next window. */
async function loginBranchOfficer(): Promise<Record<string, string>> {
  const env = { PULIH_CONFIG_DIR: mkdtempSync(join(tmpdir(), 'pulih-e2e-cli-')) };
  for (let attempt = 0; attempt < 3; attempt += 1) {
    const login = await pulih(['login', '-u', 'demo.branch'], {
      ...env,
      PULIH_STAFF_PASSWORD: 'Pulih-Staf-2026',
      PULIH_STAFF_TOTP: totpCode(DEMO_STAFF_TOTP_SECRETS['demo.branch'], new Date()),
    });
    if (login.code === 0) return env;
    await new Promise((resolve) => setTimeout(resolve, 30_000 - (Date.now() % 30_000) + 200));
  }
  throw new Error('pulih login as demo.branch kept failing');
}

/** Agus logs in on a phone-sized screen: the portal is made for phones first. */
async function logInAsAgus(): Promise<Page> {
  const page = await demo.browser.newPage({ viewport: { width: 360, height: 740 } });
  await page.goto(`${demo.server.url}/`);
  await submitLogin(page, agus.email, agus.password);
  await page.waitForSelector('[data-testid="full-name"]');
  return page;
}

describe('JHT claim on the web', () => {
  it('Agus claims his JHT online with his documents, and follows it to "paid" after the branch processes it', async () => {
    const page = await logInAsAgus();
    await page.click('[data-testid="claim-link"]');
    await page.waitForSelector('[data-testid="claim-reason-form"]');

    // 1. The reason, 2. eligibility: online, no tax under Rp50 million, the documents listed.
    await page.click('[data-testid="claim-assess-submit"]');
    await expect.poll(() => page.textContent('#claim-reason-missing')).toContain('Pilih salah satu alasan');
    await checkPage(page, 'JHT claim, reason: none chosen');
    await page.check('[data-testid="claim-reason-resignation"]');
    await page.click('[data-testid="claim-assess-submit"]');
    const eligibility = page.locator('[data-testid="claim-eligibility"]');
    await eligibility.waitFor();
    expect(await eligibility.getAttribute('data-eligible')).toBe('true');
    expect(await eligibility.getAttribute('data-channel')).toBe('online');
    expect(await page.textContent('[data-testid="claim-verdict"]')).toContain('Anda dapat mengajukan klaim ini');
    expect(await page.textContent('[data-testid="claim-tax"]')).toMatch(/Rp\s?0$/);
    const kinds = await page
      .locator('[data-testid="claim-documents-needed"] li')
      .evaluateAll((items) => items.map((item) => item.getAttribute('data-kind')));
    expect(kinds).toEqual(['ktp', 'kpj_card', 'paklaring', 'bank_book']);
    await checkPage(page, 'JHT claim, eligibility: online');

    // 3. Documents: the portal refuses a web page named .pdf and a file above 5 MB before sending.
    await page.click('[data-testid="claim-to-documents"]');
    await page.waitForSelector('[data-testid="claim-documents-form"]');
    await page.click('[data-testid="claim-to-bank"]');
    await expect.poll(() => page.textContent('#claim-documents-error')).toContain('Unggah dulu semua dokumen');
    await page.setInputFiles('[data-testid="document-input-paklaring"]', webPageNamedPdf);
    await expect.poll(() => page.textContent('#document-paklaring-error')).toContain('Hanya file PDF, JPEG atau PNG');
    await page.setInputFiles('[data-testid="document-input-paklaring"]', hugePdf);
    await expect.poll(() => page.textContent('#document-paklaring-error')).toContain('lebih besar dari 5 MB');
    await checkPage(page, 'JHT claim, documents: missing, file refused');
    for (const kind of kinds) {
      await page.setInputFiles(`[data-testid="document-input-${kind}"]`, kind === 'bank_book' ? bankBookPdf : scanPdf);
      await page.waitForSelector(`[data-testid="document-${kind}"][data-uploaded="true"]`);
    }
    expect(await page.textContent('[data-testid="document-status-paklaring"]')).toContain('Terunggah: scan.pdf');
    expect(await page.textContent('[data-testid="document-status-bank_book"]')).toContain('buku-tabungan.pdf (200 KB)');
    // A file can be replaced: the new one is stored in its place.
    await page.setInputFiles('[data-testid="document-input-ktp"]', pdfNamed('ktp-baru.pdf'));
    await expect.poll(() => page.textContent('[data-testid="document-status-ktp"]')).toContain('ktp-baru.pdf');
    await checkPage(page, 'JHT claim, documents: all uploaded');

    // 4. The bank account must be his own: someone else's is refused at submission, next to the field.
    await page.click('[data-testid="claim-to-bank"]');
    await page.waitForSelector('[data-testid="claim-bank-form"]');
    expect(await page.inputValue('[data-testid="claim-holder-name"]')).toBe('AGUS SETIAWAN');
    await checkPage(page, 'JHT claim, bank account');
    await page.selectOption('[data-testid="claim-bank"]', '002');
    await page.fill('[data-testid="claim-account-number"]', '0123-01-000456-50-7');
    await page.fill('[data-testid="claim-holder-name"]', 'Budi Santoso');
    await page.click('[data-testid="claim-to-review"]');
    await page.waitForSelector('[data-testid="claim-review-form"]');
    expect(await page.textContent('[data-testid="claim-review-bank"]')).toContain('BRI, rekening berakhiran 6507');
    await page.click('[data-testid="claim-submit"]');
    await expect.poll(() => page.textContent('#claim-declaration-error')).toContain('Centang pernyataan');
    await checkPage(page, 'JHT claim, review: declaration not ticked');
    await page.check('[data-testid="claim-declaration"]');
    await page.click('[data-testid="claim-submit"]');
    await expect.poll(() => page.textContent('#claim-holder-name-error')).toContain('tidak sama dengan nama Anda');
    expect(await page.$eval(':focus', (focused) => focused.id)).toBe('claim-holder-name');
    await checkPage(page, "JHT claim, bank account: not in the claimant's name");
    await page.fill('[data-testid="claim-holder-name"]', 'Agus Setiawan');

    // 5. Review and submit: the claim number.
    await page.click('[data-testid="claim-to-review"]');
    await page.check('[data-testid="claim-declaration"]');
    await page.click('[data-testid="claim-submit"]');
    const claimId = (await page.locator('[data-testid="claim-number"]').textContent()) ?? '';
    expect(claimId).toMatch(/^KLM-[0-9A-Z]{4}-[0-9A-Z]{4}$/);
    const tracked = page.locator(`[data-testid="claim"][data-claim-id="${claimId}"]`);
    expect(await tracked.getAttribute('data-state')).toBe('submitted');
    expect(await tracked.locator('[data-testid="claim-state"]').textContent()).toContain('Diajukan');
    await checkPage(page, 'JHT claim: submitted');

    // The branch checks, approves and pays it with the CLI.
    const officer = await loginBranchOfficer();
    const reference = 'BRI-TRF-20261124-0042';
    for (const args of [
      ['claims', 'verify', claimId],
      ['claims', 'approve', claimId],
      ['claims', 'pay', claimId, '--reference', reference],
    ]) {
      const run = await pulih(args, officer);
      expect(run.code, `${args.join(' ')}: ${run.stderr}`).toBe(0);
    }

    // The member sees it paid with the reference, every step dated, and was mailed at each change.
    await page.reload();
    const paid = page.locator(`[data-testid="claim"][data-claim-id="${claimId}"]`);
    await paid.waitFor();
    expect(await paid.getAttribute('data-state')).toBe('paid');
    expect(await paid.locator('[data-testid="claim-state"]').textContent()).toContain('Dibayarkan');
    expect(await paid.locator('[data-testid="claim-payment-reference"]').textContent()).toContain(reference);
    expect(await paid.locator('.timeline li.reached').count()).toBe(4);
    await checkPage(page, 'JHT claim: paid');
    await expect
      .poll(async () => (await messagesTo(demo.server.url, agus.email, 'claim_state_changed')).map((m) => m.subject))
      .toEqual([
        `Klaim JHT ${claimId}: dibayarkan`,
        `Klaim JHT ${claimId}: disetujui`,
        `Klaim JHT ${claimId}: sedang diverifikasi`,
        `Klaim JHT ${claimId}: diajukan`,
      ]);
    await page.close();
  });

  it('Dewi, above the online limit, books a branch visit for her claim instead, and can cancel it', async () => {
    const page = await demo.browser.newPage({ viewport: { width: 360, height: 740 } });
    await page.goto(`${demo.server.url}/`);
    await submitLogin(page, 'dewi.lestari@example.com', agus.password);
    await page.waitForSelector('[data-testid="full-name"]');
    await page.click('[data-testid="claim-link"]');
    await page.check('[data-testid="claim-reason-partial_10"]');
    await page.click('[data-testid="claim-assess-submit"]');
    const eligibility = page.locator('[data-testid="claim-eligibility"]');
    await eligibility.waitFor();
    expect(await eligibility.getAttribute('data-channel')).toBe('branch');
    expect(await eligibility.getAttribute('data-eligible')).toBe('true');
    expect(await page.locator('[data-testid="claim-to-documents"]').count()).toBe(0);
    await checkPage(page, 'JHT claim, eligibility: at a branch');

    // Booking needs a time: the form says so at the field.
    await page.selectOption('[data-testid="appointment-branch"]', 'JKT-SUDIRMAN');
    const day = await page.locator('[data-testid="appointment-day"] option').nth(1).getAttribute('value');
    await page.selectOption('[data-testid="appointment-day"]', day ?? '');
    await page.waitForSelector('[data-testid="appointment-slot"]');
    await page.click('[data-testid="appointment-submit"]');
    await expect.poll(() => page.textContent('#appointment-slot-error')).toContain('Pilih jam kedatangan');
    await checkPage(page, 'JHT claim, branch visit: no time chosen');
    await page.check('[data-testid="appointment-slot"][value="08:00"]');
    await page.click('[data-testid="appointment-submit"]');
    const booked = await page.locator('[data-testid="appointment-booked"]').textContent();
    expect(booked).toMatch(/pukul 08:00\. Nomor jadwal: JDW-/);
    await checkPage(page, 'JHT claim, branch visit: booked');

    // Her visits are listed on the page, and she can cancel one.
    const visit = page.locator('[data-testid="appointment"][data-state="booked"]');
    expect(await visit.count()).toBe(1);
    await visit.locator('[data-testid="appointment-cancel"]').click();
    await page.waitForSelector('[data-testid="appointment"][data-state="cancelled"]');
    expect(await page.locator('[data-testid="appointment-cancel"]').count()).toBe(0);
    await checkPage(page, 'JHT claim, branch visit: cancelled');
    await page.close();
  });

  it('keeps the notice choices the member saves', async () => {
    const page = await logInAsAgus();
    await page.goto(`${demo.server.url}/akun/notifikasi`);
    await page.waitForSelector('[data-testid="notices-form"]');
    const creditedSms = '[data-testid="notice-contribution_credited-sms"]';
    const statusSms = '[data-testid="notice-status_changed-sms"]';
    // The defaults: each credited month by email only, the rest by email and SMS.
    expect(await page.isChecked(creditedSms)).toBe(false);
    expect(await page.isChecked(statusSms)).toBe(true);
    await checkPage(page, 'notifications');
    await page.check(creditedSms);
    await page.uncheck(statusSms);
    await page.click('[data-testid="notices-save"]');
    await expect.poll(() => page.textContent('[data-testid="notices-saved"]')).toContain('sudah disimpan');
    await checkPage(page, 'notifications: saved');

    await page.reload();
    await page.waitForSelector('[data-testid="notices-form"]');
    expect(await page.isChecked(creditedSms)).toBe(true);
    expect(await page.isChecked(statusSms)).toBe(false);
    expect(await page.isChecked('[data-testid="notice-status_changed-email"]')).toBe(true);
    expect(await page.isChecked('[data-testid="notice-claim_state-sms"]')).toBe(true);
    await page.close();
  });
});

/** The scan again under another name, as a file payload for the file input. */
function pdfNamed(name: string) {
  return {
    name,
    mimeType: 'application/pdf',
    buffer: Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n'),
  };
}
