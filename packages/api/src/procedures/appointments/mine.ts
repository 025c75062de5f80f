import { z } from 'zod';
import { appointmentsOfMember, listBranches } from '../../repositories/claim-repository.js';
import { memberProcedure } from '../../trpc.js';
import { appointmentOutput } from './appointment-output.js';

/** The member's branch visits, latest first. */
export const mine = memberProcedure.output(z.object({ appointments: z.array(appointmentOutput) })).query(({ ctx }) => {
  const names = new Map(listBranches(ctx.db).map((b) => [b.code, b.name]));
  return {
    appointments: appointmentsOfMember(ctx.db, ctx.member.memberId).map((a) => ({
      ...a,
      branchName: names.get(a.branchCode) ?? a.branchCode,
    })),
  };
});
