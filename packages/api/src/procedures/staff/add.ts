import { z } from 'zod';
import { staffRoles } from '../../db/schema.js';
import { appError } from '../../errors.js';
import { insertStaffUser } from '../../repositories/staff-repository.js';
import { hashPassword } from '../../security/password.js';
import { staffProcedure } from '../../trpc.js';
import { auditStaffAdmin } from './target-staff.js';

export const MIN_STAFF_PASSWORD_LENGTH = 12;

export const staffAddInput = z.object({
  username: z
    .string()
    .trim()
    .toLowerCase()
    .regex(/^[a-z0-9][a-z0-9._-]{2,63}$/, 'username: 3–64 of a-z, 0-9, dot, dash, underscore'),
  fullName: z.string().trim().min(1).max(120),
  role: z.enum(staffRoles),
  password: z.string().min(1).max(128),
});
export const staffAddOutput = z.object({
  staffId: z.number().int(),
  username: z.string(),
  fullName: z.string(),
  role: z.enum(staffRoles),
  totpEnrolled: z.literal(false),
});

/** Adds a staff user; they enroll TOTP at their first login. */
export const staffAdd = staffProcedure(['admin'])
  .input(staffAddInput)
  .output(staffAddOutput)
  .mutation(async ({ ctx, input }) => {
    const { username, fullName, role, password } = input;
    if ([...password].length < MIN_STAFF_PASSWORD_LENGTH) {
      throw appError('INVALID_INPUT', `A staff password needs at least ${MIN_STAFF_PASSWORD_LENGTH} characters.`);
    }
    const passwordHash = await hashPassword(password);
    const now = ctx.clock.now();
    const staffId = ctx.db.transaction((tx) => {
      const id = insertStaffUser(tx, { username, fullName, role, passwordHash }, now);
      if (id !== null) auditStaffAdmin(tx, ctx.staff, 'staff.added', { staffId: id, username }, { role }, now);
      return id;
    });
    if (staffId === null) throw appError('CONFLICT', `A staff user is already called "${username}".`);
    return { staffId, username, fullName, role, totpEnrolled: false as const };
  });
