import { DEMO_STAFF_TOTP_SECRETS, totpCode } from '@pulih/api/testing';
import type { Page } from 'playwright-core';

// What the kiosk tests share: the API called straight as the officer's CLI would, the branch
// officer's login, and the on-screen keypad.

export interface TrpcReply {
  status: number;
  data: unknown;
  appCode: string | null;
}

/** A tRPC mutation straight to the API, as the officer's CLI would send it. */
export async function mutate(serverUrl: string, path: string, input: unknown, token?: string): Promise<TrpcReply> {
  const response = await fetch(`${serverUrl}/trpc/${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify(input),
  });
  const json = (await response.json()) as { result?: { data?: unknown }; error?: { data?: { appCode?: string } } };
  return { status: response.status, data: json.result?.data, appCode: json.error?.data?.appCode ?? null };
}

/**
 * The branch officer logs in with password and authenticator code (the server runs on the real
 * clock). A code is accepted once: when it was already used, wait for the next 30-second window.
 */
export async function loginBranchOfficer(serverUrl: string): Promise<string> {
  for (let attempt = 0; attempt < 3; attempt += 1) {
    const reply = await mutate(serverUrl, 'staff.login', {
      username: 'demo.branch',
      password: 'Pulih-Staf-2026',
      totpCode: totpCode(DEMO_STAFF_TOTP_SECRETS['demo.branch'], new Date()),
    });
    const data = reply.data as { status?: string; token?: string } | undefined;
    if (reply.status === 200 && data?.status === 'ok' && data.token) return data.token;
    if (reply.appCode !== 'INVALID_CREDENTIALS') throw new Error(`staff login failed: ${JSON.stringify(reply)}`);
    await new Promise((resolve) => setTimeout(resolve, 30_000 - (Date.now() % 30_000) + 200));
  }
  throw new Error('staff login kept failing');
}

/** Types digits the way a member does: one touch on the on-screen keypad per digit (anything else is skipped). */
export async function tapDigits(page: Page, digits: string): Promise<void> {
  for (const digit of digits.replace(/\D/g, '')) await page.click(`[data-testid="keypad-${digit}"]`);
}
