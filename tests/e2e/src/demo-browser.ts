import type { Browser } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { launchChromium } from './browser.js';
import { type DemoServer, startDemoServer } from './server-process.js';

export interface DemoBrowser {
  /** The demo server of this test file (its own data directory and port). */
  server: DemoServer;
  /** A fresh headless Chromium for this test file. */
  browser: Browser;
}

/**
 * One demo server and one Chromium per test file, started before its tests and stopped after;
 * the fields are filled in by `beforeAll`.
 */
export function useDemoBrowser(): DemoBrowser {
  const demo = {} as DemoBrowser;
  beforeAll(async () => {
    [demo.server, demo.browser] = await Promise.all([startDemoServer(), launchChromium()]);
  }, 60_000);
  afterAll(async () => {
    await demo.browser?.close();
    await demo.server?.stop();
  });
  return demo;
}
