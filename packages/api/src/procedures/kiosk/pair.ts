import { z } from 'zod';
import { appendAudit } from '../../audit/audit-log.js';
import { appError } from '../../errors.js';
import { issueVerification } from '../../repositories/verification-code-repository.js';
import { staffProcedure } from '../../trpc.js';
import { BRANCH_ROLES } from '../case/open-case.js';
import { newPairingCode, normalizePairingCode } from './pairing-code.js';

export const PAIRING_CODE_MINUTES = 10;

/** A branch officer starts pairing a kiosk of their branch: a one-time code to type on it. */
export const pair = staffProcedure(BRANCH_ROLES)
  .input(z.object({ label: z.string().trim().min(1).max(60) }))
  .output(z.object({ pairingCode: z.string(), branchCode: z.string(), expiresAt: z.string() }))
  .mutation(({ ctx, input }) => {
    const branchCode = ctx.staff.branchCode;
    if (!branchCode) throw appError('FORBIDDEN', 'Only staff of a branch office can pair its kiosks.');
    const now = ctx.clock.now();
    const pairingCode = newPairingCode();
    ctx.db.transaction((tx) => {
      issueVerification(
        tx,
        ctx.config.secret,
        {
          purpose: 'kiosk_pairing',
          accountId: null,
          memberId: null,
          destination: `kiosk-pairing:${ctx.staff.staffId}`,
          payload: { branchCode, label: input.label, staffId: ctx.staff.staffId },
          validityMinutes: PAIRING_CODE_MINUTES,
          withCode: false,
          withToken: true,
          token: normalizePairingCode(pairingCode),
        },
        now,
      );
      appendAudit(
        tx,
        {
          actorKind: 'staff',
          actorId: String(ctx.staff.staffId),
          action: 'kiosk.pairing_started',
          memberId: null,
          channel: 'cli',
          detail: { branchCode, label: input.label },
        },
        now,
      );
    });
    return {
      pairingCode,
      branchCode,
      expiresAt: new Date(now.getTime() + PAIRING_CODE_MINUTES * 60_000).toISOString(),
    };
  });
