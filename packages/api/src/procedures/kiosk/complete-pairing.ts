import { z } from 'zod';
import { appendAudit } from '../../audit/audit-log.js';
import { appError } from '../../errors.js';
import { createKiosk } from '../../repositories/kiosk-repository.js';
import { consumeToken } from '../../repositories/verification-code-repository.js';
import { enforceLimit } from '../../security/limits.js';
import { publicProcedure } from '../../trpc.js';
import { normalizePairingCode } from './pairing-code.js';

/** A kiosk stays paired for a year unless revoked. */
const KIOSK_CREDENTIAL_SECONDS = 365 * 24 * 3600;

/**
 * On the kiosk's staff screen: the pairing code turns this browser into a kiosk of the branch.
 * Its credential is an httpOnly cookie, untouched by the kiosk's wipe.
 */
export const completePairing = publicProcedure
  .input(z.object({ pairingCode: z.string().trim().min(4).max(20) }))
  .output(z.object({ branchCode: z.string(), label: z.string() }))
  .mutation(({ ctx, input }) => {
    const now = ctx.clock.now();
    enforceLimit(ctx.db, ctx.config.secret, 'kiosk-pairing', ctx.request.ip, [{ max: 10, windowSeconds: 3600 }], now);
    const paired = ctx.db.transaction(
      (tx) => {
        const check = consumeToken(tx, ['kiosk_pairing'], normalizePairingCode(input.pairingCode), now);
        if (!check.ok) return null;
        const branchCode = String(check.payload.branchCode ?? '');
        const label = String(check.payload.label ?? 'Kiosk');
        const staffId = Number(check.payload.staffId);
        const { kioskId, token } = createKiosk(tx, { branchCode, label, pairedByStaffId: staffId }, now);
        appendAudit(
          tx,
          {
            actorKind: 'staff',
            actorId: String(staffId),
            action: 'kiosk.paired',
            memberId: null,
            channel: 'kiosk',
            detail: { kioskId, branchCode, label },
          },
          now,
        );
        return { token, branchCode, label };
      },
      { behavior: 'immediate' },
    );
    if (!paired) throw appError('CODE_INVALID');
    ctx.request.setKioskCookie(paired.token, KIOSK_CREDENTIAL_SECONDS);
    return { branchCode: paired.branchCode, label: paired.label };
  });
