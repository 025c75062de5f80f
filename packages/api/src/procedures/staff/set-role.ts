import { z } from 'zod';
import { staffRoles } from '../../db/schema.js';
import { appError } from '../../errors.js';
import { setStaffRole } from '../../repositories/staff-repository.js';
import { staffProcedure } from '../../trpc.js';
import { auditStaffAdmin, findTargetStaff, staffUsernameInput } from './target-staff.js';

export const staffSetRoleInput = z.object({ username: staffUsernameInput, role: z.enum(staffRoles) });
export const staffSetRoleOutput = z.object({
  username: z.string(),
  role: z.enum(staffRoles),
  previousRole: z.enum(staffRoles),
});

/**
 * Changes a staff user's role; it applies to their live tokens at once (roles are read per
 * request). Admins cannot change their own role, so the last admin cannot demote themselves.
 */
export const staffSetRole = staffProcedure(['admin'])
  .input(staffSetRoleInput)
  .output(staffSetRoleOutput)
  .mutation(({ ctx, input }) => {
    const now = ctx.clock.now();
    return ctx.db.transaction((tx) => {
      const target = findTargetStaff(tx, input.username, now);
      if (target.staffId === ctx.staff.staffId) {
        throw appError('CONFLICT', 'You cannot change your own role; ask another admin.');
      }
      setStaffRole(tx, target.staffId, input.role);
      auditStaffAdmin(tx, ctx.staff, 'staff.role_changed', target, { from: target.role, to: input.role }, now);
      return { username: target.username, role: input.role, previousRole: target.role };
    });
  });
