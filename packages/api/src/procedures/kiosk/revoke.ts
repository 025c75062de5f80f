import { z } from 'zod';
import { appendAudit } from '../../audit/audit-log.js';
import { appError } from '../../errors.js';
import { revokeKiosk } from '../../repositories/kiosk-repository.js';
import { staffProcedure } from '../../trpc.js';

/** Unpairs a kiosk at once (stolen, replaced, moved). */
export const revoke = staffProcedure(['branch_officer', 'supervisor', 'admin'])
  .input(z.object({ kioskId: z.string().trim().min(1).max(64) }))
  .output(z.object({ ok: z.literal(true) }))
  .mutation(({ ctx, input }) => {
    const now = ctx.clock.now();
    const scope = ctx.staff.role === 'admin' ? null : (ctx.staff.branchCode ?? '');
    if (!revokeKiosk(ctx.db, input.kioskId, scope, now))
      throw appError('INVALID_INPUT', 'No paired kiosk of your branch has that id.');
    appendAudit(
      ctx.db,
      {
        actorKind: 'staff',
        actorId: String(ctx.staff.staffId),
        action: 'kiosk.revoked',
        memberId: null,
        channel: 'cli',
        detail: { kioskId: input.kioskId },
      },
      now,
    );
    return { ok: true as const };
  });
