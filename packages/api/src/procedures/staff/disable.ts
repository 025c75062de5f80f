import { z } from 'zod';
import { appError } from '../../errors.js';
import { disableStaffUser, revokeStaffTokens } from '../../repositories/staff-repository.js';
import { staffProcedure } from '../../trpc.js';
import { auditStaffAdmin, findTargetStaff, staffUsernameInput } from './target-staff.js';

export const staffDisableInput = z.object({ username: staffUsernameInput });
export const staffDisableOutput = z.object({
  username: z.string(),
  disabledAt: z.string(),
  alreadyDisabled: z.boolean(),
  revokedTokens: z.number().int(),
});

/** Disables a staff user and revokes their tokens at once. Admins cannot disable themselves. */
export const staffDisable = staffProcedure(['admin'])
  .input(staffDisableInput)
  .output(staffDisableOutput)
  .mutation(({ ctx, input }) => {
    const now = ctx.clock.now();
    return ctx.db.transaction((tx) => {
      const target = findTargetStaff(tx, input.username, now);
      if (target.staffId === ctx.staff.staffId) {
        throw appError('CONFLICT', 'You cannot disable your own account; ask another admin.');
      }
      disableStaffUser(tx, target.staffId, now);
      const revokedTokens = revokeStaffTokens(tx, target.staffId, now);
      const alreadyDisabled = target.disabledAt !== null;
      auditStaffAdmin(tx, ctx.staff, 'staff.disabled', target, { alreadyDisabled, revokedTokens }, now);
      return {
        username: target.username,
        disabledAt: target.disabledAt ?? now.toISOString(),
        alreadyDisabled,
        revokedTokens,
      };
    });
  });
