import { findKioskByToken, type KioskIdentity } from '../../repositories/kiosk-repository.js';
import { enforceLimit } from '../../security/limits.js';
import type { Context } from '../../trpc.js';

/** Recovery starts allowed per kiosk and hour: each kiosk is limited on its own. */
const KIOSK_RECOVERY_LIMIT = [{ max: 30, windowSeconds: 3600 }] as const;

/**
 * Where a recovery request comes from: a paired kiosk (its cookie) or the web. A kiosk's own
 * limit is counted here, so one busy or abused kiosk cannot exhaust another's.
 */
export function recoveryChannel(
  ctx: Context,
  countAttempt: boolean,
): { channel: 'web' | 'kiosk'; kiosk: KioskIdentity | null } {
  const token = ctx.request.kioskToken;
  const kiosk = token ? findKioskByToken(ctx.db, token, ctx.clock.now()) : null;
  if (kiosk && countAttempt) {
    enforceLimit(ctx.db, ctx.config.secret, 'kiosk-recovery', kiosk.kioskId, KIOSK_RECOVERY_LIMIT, ctx.clock.now());
  }
  return { channel: kiosk ? 'kiosk' : 'web', kiosk };
}
