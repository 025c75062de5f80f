import { z } from 'zod';
import { appError } from '../../errors.js';
import { appointmentsAt, findBranch } from '../../repositories/claim-repository.js';
import { getMemberRecord } from '../../repositories/member-repository.js';
import { staffProcedure } from '../../trpc.js';
import { appointmentOutput } from './appointment-output.js';

/**
 * The day's visits at the officer's own branch (a supervisor may name another): who comes when,
 * so that the counter can call them. Names only; their data is opened in a case.
 */
export const list = staffProcedure(['branch_officer', 'supervisor'])
  .input(z.object({ day: z.iso.date().optional(), branchCode: z.string().trim().min(1).max(16).optional() }))
  .output(z.object({ appointments: z.array(appointmentOutput.extend({ memberName: z.string() })) }))
  .query(({ ctx, input }) => {
    const branchCode =
      ctx.staff.role === 'supervisor' ? (input.branchCode ?? ctx.staff.branchCode) : ctx.staff.branchCode;
    if (!branchCode) throw appError('INVALID_INPUT', 'Name the branch (--branch).');
    const branch = findBranch(ctx.db, branchCode);
    if (!branch) throw appError('BRANCH_NOT_FOUND');
    const day = input.day ?? ctx.clock.now().toISOString().slice(0, 10);
    return {
      appointments: appointmentsAt(ctx.db, branch.code, day).map((a) => ({
        ...a,
        branchName: branch.name,
        memberName: getMemberRecord(ctx.db, a.memberId)?.fullName ?? '',
      })),
    };
  });
