import { existsSync } from 'node:fs';
import { type Browser, chromium } from 'playwright-core';

/**
 * Debian's Chromium (set by `pnpm test`, or PULIH_CHROMIUM); Playwright's download does not work here.
 * Playwright gives every launch a fresh, empty profile directory.
 */
export async function launchChromium(): Promise<Browser> {
  const executablePath = process.env.PULIH_CHROMIUM ?? '/usr/bin/chromium';
  if (!existsSync(executablePath)) {
    throw new Error(
      'Browser tests need Chromium: run `apt-get install chromium` or set PULIH_CHROMIUM to a Chrome/Chromium binary.',
    );
  }
  return chromium.launch({
    executablePath,
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--no-first-run',
      '--disable-sync',
    ],
  });
}
