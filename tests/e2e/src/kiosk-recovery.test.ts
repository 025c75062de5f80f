import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from './browser.js';
import { codeIn, latestMessage } from './dev-mailbox.js';
import { checkPage } from './page-checks.js';
import { type DemoServer, startDemoServer } from './server-process.js';
import { loginBranchOfficer, mutate as mutateAt, type TrpcReply, tapDigits } from './staff-api.js';

// The branch kiosk end to end: pairing by an officer, "lupa email/akun" on the on-screen
// keypad, queue tickets, and the wipe. A server of its own: recovery is limited per KPJ and per kiosk.
let server: DemoServer;
let browser: Browser;
/** One kiosk browser: its pages share the httpOnly device cookie set by the pairing. */
let kiosk: BrowserContext;
let officerToken = '';

const portrait = { width: 1080, height: 1920 };
const landscape = { width: 1280, height: 800 };
const kioskLabel = 'Kios Lobi Uji';

const dewi = {
  kpj: '19044444444',
  phone: '0813-9876-5432',
  phoneE164: '+6281398765432',
  email: 'dewi.lestari@example.com',
};

/** A tRPC mutation straight to the API of this file's server. */
const mutate = (path: string, input: unknown, token?: string): Promise<TrpcReply> =>
  mutateAt(server.url, path, input, token);

async function query(path: string, token: string): Promise<unknown> {
  const response = await fetch(`${server.url}/trpc/${path}`, { headers: { authorization: `Bearer ${token}` } });
  const json = (await response.json()) as { result?: { data?: unknown } };
  if (!response.ok) throw new Error(`${path} answered ${response.status}`);
  return json.result?.data;
}

async function newPairingCode(label: string): Promise<string> {
  const reply = await mutate('kiosk.pair', { label }, officerToken);
  const data = reply.data as { pairingCode?: string } | undefined;
  if (!data?.pairingCode) throw new Error(`kiosk.pair failed: ${JSON.stringify(reply)}`);
  expect(data.pairingCode).toMatch(/^[A-Z2-9]{4}-[A-Z2-9]{4}$/);
  return data.pairingCode;
}

async function openKiosk(viewport: { width: number; height: number }, query = ''): Promise<Page> {
  const page = await kiosk.newPage();
  await page.setViewportSize(viewport);
  await page.goto(`${server.url}/kiosk/${query}`);
  return page;
}

/** Everything a script on the kiosk page could still read after a wipe (run in the page; no DOM types here). */
async function readableStorage(page: Page): Promise<string> {
  return page.evaluate<string>(`(() => {
    const dump = (storage) => Object.keys(storage).map((key) => key + '=' + storage.getItem(key));
    return JSON.stringify({ local: dump(localStorage), session: dump(sessionStorage), cookie: document.cookie });
  })()`);
}

beforeAll(async () => {
  [server, browser] = await Promise.all([startDemoServer(), launchChromium()]);
  kiosk = await browser.newContext();
  officerToken = await loginBranchOfficer(server.url);
}, 100_000);

afterAll(async () => {
  await kiosk?.close();
  await browser?.close();
  await server?.stop();
});

describe('kiosk pairing', () => {
  it('shows the staff pairing screen while unpaired, and the branch label once an officer pairs it', async () => {
    const page = await openKiosk(landscape);
    await page.waitForSelector('[data-testid="pairing-screen"]');
    expect(await page.textContent('#pairing-title')).toBe(
      'Kios belum terhubung ke kantor cabang. Petugas: masukkan kode pemasangan',
    );
    // No member services on an unpaired kiosk.
    expect(await page.$('[data-testid="service-forgot-account"]')).toBeNull();
    expect(await page.$('[data-testid="kiosk-branch"]')).toBeNull();
    // The API agrees: an unpaired browser cannot take queue tickets.
    expect((await mutate('kiosk.issueTicket', { intent: 'other' })).appCode).toBe('UNAUTHENTICATED');

    await page.fill('#pairing-code', 'ZZZZ-ZZZZ');
    await page.click('[data-testid="pairing-submit"]');
    await expect.poll(() => page.textContent('#pairing-code-error')).toContain('Kode salah');
    await checkPage(page, 'kiosk pairing: wrong code');

    const code = await newPairingCode(kioskLabel);
    await page.fill('#pairing-code', code.toLowerCase());
    await page.click('[data-testid="pairing-submit"]');
    await expect.poll(() => page.textContent('[data-testid="kiosk-branch"]')).toBe(`Kantor cabang: ${kioskLabel}`);
    await page.waitForSelector('[data-testid="service-forgot-account"]');
    expect(await page.textContent('[data-testid="service-balance-status"]')).toContain('Cek saldo & status');

    // The device credential is an httpOnly cookie: the kiosk's scripts cannot read it.
    const cookies = await kiosk.cookies(server.url);
    expect(cookies.find((cookie) => cookie.name === 'pulih_kiosk')?.httpOnly).toBe(true);
    expect(await page.evaluate<string>('document.cookie')).not.toContain('pulih_kiosk');

    // Still paired after a reload.
    await page.reload();
    await expect.poll(() => page.textContent('[data-testid="kiosk-branch"]')).toBe(`Kantor cabang: ${kioskLabel}`);
    await page.close();
  });
});

describe('lupa email / akun at the kiosk', () => {
  it('shows Dewi her email after the SMS code typed on the keypad, and wipes on "Selesai"', async () => {
    const page = await openKiosk(portrait);
    await page.click('[data-testid="service-forgot-account"]');
    await page.waitForSelector('#kiosk-identifier');
    // The field never opens the OS keyboard.
    expect(await page.getAttribute('#kiosk-identifier', 'inputmode')).toBe('none');

    await tapDigits(page, dewi.kpj);
    await checkPage(page, 'kiosk forgot account: NIK or KPJ');
    await page.click('[data-testid="keypad-7"]'); // a twelfth digit by mistake…
    await page.click('[data-testid="keypad-backspace"]'); // …taken back
    expect(await page.inputValue('#kiosk-identifier')).toBe(dewi.kpj);
    await page.click('[data-testid="identifier-next"]');

    await page.waitForSelector('#kiosk-phone');
    expect(await page.getAttribute('#kiosk-phone', 'inputmode')).toBe('none');
    await page.click('[data-testid="keypad-9"]');
    await page.click('[data-testid="keypad-clear"]');
    expect(await page.inputValue('#kiosk-phone')).toBe('');
    await tapDigits(page, dewi.phone);
    expect(await page.inputValue('#kiosk-phone')).toBe(dewi.phone);
    await checkPage(page, 'kiosk forgot account: phone');
    await page.click('[data-testid="recover-submit"]');

    await expect
      .poll(() => page.textContent('[data-testid="recover-sent"]'))
      .toContain('Jika data tersebut cocok dengan catatan kami');
    // Nothing about the registered contacts before the code.
    expect((await page.textContent('main')) ?? '').not.toContain(dewi.email);

    const sms = await latestMessage(server.url, dewi.phoneE164, 'recovery_code');
    expect(sms.channel).toBe('sms');
    await page.waitForSelector('#kiosk-code');
    await checkPage(page, 'kiosk forgot account: code sent');
    await tapDigits(page, codeIn(sms));
    await page.click('[data-testid="recover-code-submit"]');
    await expect.poll(() => page.textContent('[data-testid="recovered-email"]')).toBe(dewi.email);

    // The optional new password (a plain text field is fine for this step).
    await page.click('[data-testid="recover-reset-offer"]');
    await page.fill('#kiosk-new-password', 'Pendek');
    await page.click('[data-testid="recover-reset-submit"]');
    await expect.poll(() => page.textContent('[data-testid="recover-reset-error"]')).toContain('tidak dapat dipakai');
    await checkPage(page, 'kiosk forgot account: email shown, password refused');
    await page.fill('#kiosk-new-password', 'Kopi-Toraja-Pagi-Hari-2026');
    await page.click('[data-testid="recover-reset-submit"]');
    await expect.poll(() => page.textContent('[data-testid="recover-reset-done"]')).toContain('berhasil diubah');
    await checkPage(page, 'kiosk forgot account: password changed');

    await page.click('[data-testid="recover-done"]');
    await page.waitForSelector('[data-testid="start-screen"]');
    const shown = (await page.textContent('body')) ?? '';
    expect(shown).not.toContain(dewi.email);
    expect(shown).not.toContain(dewi.kpj);

    const stored = await readableStorage(page);
    for (const memberData of [dewi.kpj, dewi.phone, '081398765432', '6281398765432', dewi.email, 'dewi']) {
      expect(stored).not.toContain(memberData);
    }
    expect(await page.evaluate<string>('document.cookie')).toBe('');

    // A fresh start: the keypad field is empty again.
    await page.click('[data-testid="service-forgot-account"]');
    expect(await page.inputValue('#kiosk-identifier')).toBe('');
    await page.close();
  });

  it('takes a lost_phone queue ticket from "Nomor HP hilang?" with what to bring', async () => {
    const page = await openKiosk(landscape);
    await page.click('[data-testid="service-forgot-account"]');
    await tapDigits(page, dewi.kpj);
    await page.click('[data-testid="lost-phone"]');
    // Each intent has its own letter: K for a contact change, H for "HP hilang".
    await expect.poll(() => page.textContent('[data-testid="ticket-number"]')).toMatch(/^H-\d{3}$/);
    const number = (await page.textContent('[data-testid="ticket-number"]')) ?? '';
    const queue = (await query('queue.list', officerToken)) as { tickets: { number: string; intent: string }[] };
    expect(queue.tickets).toContainEqual(expect.objectContaining({ number, intent: 'lost_phone' }));
    const ticket = (await page.textContent('[data-testid="queue-ticket"]')) ?? '';
    expect(ticket).toContain('Silakan menunggu panggilan petugas');
    expect(ticket).toContain('KTP');
    expect(ticket).toContain('KPJ');
    expect(ticket).not.toContain(dewi.kpj);
    await checkPage(page, 'kiosk queue ticket: lost phone');

    await page.click('[data-testid="ticket-done"]');
    await page.waitForSelector('[data-testid="start-screen"]');
    await page.close();
  });
});

describe('ganti email / nomor HP at the kiosk', () => {
  it('explains the in-person check and issues a change_contact ticket for the counter', async () => {
    const page = await openKiosk(portrait);
    // A visitor who switched to English gets Bahasa Indonesia back after the wipe.
    await page.click('.language-switch button[lang="en"]');
    await expect.poll(() => page.getAttribute('html', 'lang')).toBe('en');

    await page.click('[data-testid="service-change-contact"]');
    expect(await page.textContent('[data-testid="change-contact-explain"]')).toContain('in-person check');
    await checkPage(page, 'kiosk change contact (English first)');
    await page.click('[data-testid="take-ticket"]');
    await expect.poll(() => page.textContent('[data-testid="ticket-number"]')).toMatch(/^K-\d{3}$/);
    const number = (await page.textContent('[data-testid="ticket-number"]')) ?? '';

    // The counter sees the ticket with the member's intent only.
    const queue = (await query('queue.list', officerToken)) as { tickets: { number: string; intent: string }[] };
    expect(queue.tickets).toContainEqual(expect.objectContaining({ number, intent: 'change_contact' }));

    await page.click('[data-testid="ticket-done"]');
    await page.waitForSelector('[data-testid="start-screen"]');
    expect(await page.getAttribute('html', 'lang')).toBe('id');
    expect(await page.textContent('[data-testid="service-change-contact"]')).toContain('Ganti email / nomor HP');
    await page.close();
  });
});

describe('"Data pribadi saya" at the kiosk', () => {
  it('says where to see, download and correct one’s data and that the officer helps, in both languages, asking for nothing', async () => {
    const page = await openKiosk(portrait);
    const calls: string[] = [];
    page.on('request', (request) => {
      const path = new URL(request.url()).pathname;
      if (path.startsWith('/trpc/')) calls.push(path.slice('/trpc/'.length));
    });
    await page.click('[data-testid="service-my-data"]');
    await page.waitForSelector('[data-testid="my-data-info"]');
    expect(await page.$eval(':focus', (focused) => focused.id)).toBe('my-data-title');
    expect(await page.textContent('#my-data-title')).toBe('Data pribadi saya');
    // Where: the portal's "Data saya" page, at the server's public address.
    expect(await page.textContent('[data-testid="my-data-portal-url"]')).toBe(`${server.url}/akun/data-saya`);
    expect(await page.textContent('[data-testid="my-data-see"]')).toContain('mengunduhnya sebagai PDF atau JSON');
    expect(await page.textContent('[data-testid="my-data-correct"]')).toContain('Meminta perbaikan');
    expect(await page.textContent('[data-testid="my-data-help"]')).toContain('Petugas di loket');
    // Nothing of a member: no field to type into, no call for member data.
    expect(await page.locator('input').count()).toBe(0);
    await checkPage(page, 'kiosk my personal data');
    expect(calls.filter((call) => !/^(health|kiosk\.status)\b/.test(call))).toEqual([]);

    await page.click('.language-switch button[lang="en"]');
    await expect.poll(() => page.textContent('#my-data-title')).toBe('My personal data');
    expect(await page.textContent('[data-testid="my-data-correct"]')).toContain('Ask for a correction');
    expect(await page.textContent('[data-testid="my-data-help"]')).toContain('officer at the branch counter');

    await page.click('[data-testid="my-data-done"]');
    await page.waitForSelector('[data-testid="start-screen"]');
    expect(await page.getAttribute('html', 'lang')).toBe('id');
    await page.close();
  });

  it('shows the members’ address of the portal when the kiosk’s start address names one, and leaves by itself when idle', async () => {
    const page = await openKiosk(landscape, '?idle=2000&portal=https://layanan.pulih.example/');
    await page.click('[data-testid="service-my-data"]');
    expect(await page.textContent('[data-testid="my-data-portal-url"]')).toBe(
      'https://layanan.pulih.example/akun/data-saya',
    );
    await page.waitForSelector('[data-testid="start-screen"]', { timeout: 5_000 });
    expect(await page.$('[data-testid="my-data-info"]')).toBeNull();
    await page.close();
  });
});

describe('idle wipe', () => {
  it('goes back to the start screen after the (shortened) idle timeout, with the typed digits gone', async () => {
    const page = await openKiosk(landscape, '?idle=3000');
    await page.click('[data-testid="service-forgot-account"]');
    await tapDigits(page, '1904');
    expect(await page.inputValue('#kiosk-identifier')).toBe('1904');

    // The countdown shows before the wipe, then the start screen is back.
    await page.waitForSelector('[data-testid="idle-countdown"]', { timeout: 5_000 });
    await page.waitForSelector('[data-testid="start-screen"]', { timeout: 8_000 });
    expect(await page.$('#kiosk-identifier')).toBeNull();
    expect((await page.textContent('body')) ?? '').not.toContain('1904');

    await page.click('[data-testid="service-forgot-account"]');
    expect(await page.inputValue('#kiosk-identifier')).toBe('');
    await page.close();
  });
});
