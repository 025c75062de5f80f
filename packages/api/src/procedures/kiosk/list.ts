import { z } from 'zod';
import { listKiosks } from '../../repositories/kiosk-repository.js';
import { staffProcedure } from '../../trpc.js';

/** The kiosks of the officer's branch (admins see every branch). */
export const list = staffProcedure(['branch_officer', 'supervisor', 'admin'])
  .input(z.void())
  .output(
    z.object({
      kiosks: z.array(
        z.object({
          id: z.string(),
          branchCode: z.string(),
          label: z.string(),
          createdAt: z.string(),
          lastSeenAt: z.string().nullable(),
          revokedAt: z.string().nullable(),
        }),
      ),
    }),
  )
  .query(({ ctx }) => ({
    kiosks: listKiosks(ctx.db, ctx.staff.role === 'admin' ? null : (ctx.staff.branchCode ?? '')),
  }));
