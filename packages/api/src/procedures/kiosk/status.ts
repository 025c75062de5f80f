import { z } from 'zod';
import { findKioskByToken } from '../../repositories/kiosk-repository.js';
import { publicProcedure } from '../../trpc.js';

/** Whether this browser is a paired kiosk, and of which branch. */
export const status = publicProcedure
  .input(z.void())
  .output(z.object({ paired: z.boolean(), branchCode: z.string().nullable(), label: z.string().nullable() }))
  .query(({ ctx }) => {
    const token = ctx.request.kioskToken;
    const kiosk = token ? findKioskByToken(ctx.db, token, ctx.clock.now()) : null;
    return { paired: kiosk !== null, branchCode: kiosk?.branchCode ?? null, label: kiosk?.label ?? null };
  });
