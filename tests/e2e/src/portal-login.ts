import type { Page } from 'playwright-core';

/** The password of every demo member account (README, "Demo accounts"). */
export const DEMO_MEMBER_PASSWORD = 'Pulih-Demo-2026';

/**
 * Types an identifier (email or KPJ) and a password into the portal's login form, which `page`
 * shows, and submits it; what comes next (the profile, an error) is the caller's to wait for.
 */
export async function submitLogin(page: Page, identifier: string, password = DEMO_MEMBER_PASSWORD): Promise<void> {
  await page.fill('#identifier', identifier);
  await page.fill('#password', password);
  await page.click('[data-testid="login-submit"]');
}
