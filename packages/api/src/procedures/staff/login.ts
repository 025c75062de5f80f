import { z } from 'zod';
import { appendAudit } from '../../audit/audit-log.js';
import { staffRoles } from '../../db/schema.js';
import { appError } from '../../errors.js';
import { findStaffForLogin } from '../../repositories/member-repository.js';
import { createStaffToken } from '../../repositories/session-repository.js';
import { verifyPassword } from '../../security/password.js';
import { publicProcedure } from '../../trpc.js';

export const staffLoginInput = z.object({
  username: z.string().trim().min(1).max(64),
  password: z.string().min(1).max(128),
});
export const staffLoginOutput = z.object({
  token: z.string(),
  expiresAt: z.string(),
  username: z.string(),
  fullName: z.string(),
  role: z.enum(staffRoles),
});

export const staffLogin = publicProcedure
  .input(staffLoginInput)
  .output(staffLoginOutput)
  .mutation(async ({ ctx, input }) => {
    const staff = findStaffForLogin(ctx.db, input.username);
    const passwordMatches = await verifyPassword(staff?.passwordHash ?? null, input.password);
    const now = ctx.clock.now();
    if (!staff || !passwordMatches || staff.disabledAt !== null) {
      appendAudit(
        ctx.db,
        {
          actorKind: 'anonymous',
          actorId: null,
          action: 'staff.login.failed',
          memberId: null,
          channel: 'cli',
          detail: { username: input.username, ip: ctx.request.ip },
        },
        now,
      );
      throw appError('INVALID_CREDENTIALS', 'The username or password is wrong.');
    }
    const issued = ctx.db.transaction((tx) => {
      const result = createStaffToken(tx, staff.staffId, now);
      appendAudit(
        tx,
        {
          actorKind: 'staff',
          actorId: String(staff.staffId),
          action: 'staff.login.succeeded',
          memberId: null,
          channel: 'cli',
          detail: { ip: ctx.request.ip },
        },
        now,
      );
      return result;
    });
    return { ...issued, username: input.username, fullName: staff.fullName, role: staff.role };
  });
