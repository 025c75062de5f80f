import { z } from 'zod';
import { revokeStaffTokens } from '../../repositories/staff-repository.js';
import { staffProcedure } from '../../trpc.js';
import { auditStaffAdmin, findTargetStaff, staffUsernameInput } from './target-staff.js';

export const staffRevokeTokensInput = z.object({ username: staffUsernameInput });
export const staffRevokeTokensOutput = z.object({ username: z.string(), revokedTokens: z.number().int() });

/** Ends every live session of a staff user (a lost laptop, a shared screen); they can log in again. */
export const staffRevokeTokens = staffProcedure(['admin'])
  .input(staffRevokeTokensInput)
  .output(staffRevokeTokensOutput)
  .mutation(({ ctx, input }) => {
    const now = ctx.clock.now();
    return ctx.db.transaction((tx) => {
      const target = findTargetStaff(tx, input.username, now);
      const revokedTokens = revokeStaffTokens(tx, target.staffId, now);
      auditStaffAdmin(tx, ctx.staff, 'staff.tokens_revoked', target, { revokedTokens }, now);
      return { username: target.username, revokedTokens };
    });
  });
