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
