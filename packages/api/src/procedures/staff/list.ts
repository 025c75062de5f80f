import { z } from 'zod';
import { staffRoles } from '../../db/schema.js';
import { listStaffUsers } from '../../repositories/staff-repository.js';
import { staffProcedure } from '../../trpc.js';

export const staffSummaryOutput = z.object({
  staffId: z.number().int(),
  username: z.string(),
  fullName: z.string(),
  role: z.enum(staffRoles),
  totpEnrolled: z.boolean(),
  disabledAt: z.string().nullable(),
  createdAt: z.string(),
  activeTokens: z.number().int(),
});
export const staffListOutput = z.array(staffSummaryOutput);

/** Every staff user, without password hashes or TOTP secrets. */
export const staffList = staffProcedure(['admin'])
  .output(staffListOutput)
  .query(({ ctx }) => listStaffUsers(ctx.db, ctx.clock.now()));
