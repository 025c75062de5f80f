import { defaultIdleTimeoutMs } from './idle-reset.svelte';

/** Tests may shorten the idle wipe, never below this: a member still needs time to read. */
export const minIdleTimeoutMs = 2_000;

/**
 * The idle timeout from the kiosk page's query string (`?idle=3000`), clamped to at least
 * `minIdleTimeoutMs`; the 60-second default when absent or unreadable.
 */
export function idleTimeoutFromQuery(search: string): number {
  const raw = new URLSearchParams(search).get('idle');
  if (raw === null || !/^\d+$/.test(raw.trim())) return defaultIdleTimeoutMs;
  const ms = Number(raw.trim());
  return Number.isSafeInteger(ms) ? Math.max(minIdleTimeoutMs, ms) : defaultIdleTimeoutMs;
}

/** How long a queue ticket stays on screen before the kiosk wipes itself. */
export const ticketDisplayMs = 20_000;

/** The member portal's "Data saya" page, where members see, download and correct their data. */
export const myDataPath = '/akun/data-saya';

/**
 * The member portal's address as the kiosk shows it to members. One server serves the portal at
 * `/` and the kiosk at `/kiosk`, so by default it is the kiosk page's own origin (the server's
 * public URL). A kiosk that reaches the server by another address (e.g. on the branch network)
 * names the members' one in its start address: `?portal=https://…` (http or https only, without
 * user info; anything else is ignored).
 */
export function portalUrlFrom(search: string, origin: string): string {
  const raw = new URLSearchParams(search).get('portal');
  if (raw !== null) {
    try {
      const url = new URL(raw.trim());
      if ((url.protocol === 'https:' || url.protocol === 'http:') && url.username === '' && url.password === '') {
        return `${url.origin}${url.pathname.replace(/\/+$/, '')}`;
      }
    } catch {
      // Not a URL: the kiosk's own origin below.
    }
  }
  return origin.replace(/\/+$/, '');
}
