import { z } from 'zod';
import { bookAppointment } from '../../appointments/book-appointment.js';
import { findBranch } from '../../repositories/claim-repository.js';
import { memberProcedure } from '../../trpc.js';
import { claimReasonInput } from '../claims/claim-output.js';
import { appointmentOutput } from './appointment-output.js';

/** The member books a branch visit for a claim that is made in person. */
export const book = memberProcedure
  .input(
    z.object({
      branchCode: z.string().trim().min(1).max(16),
      day: z.iso.date(),
      slot: z.string().regex(/^\d{2}:\d{2}$/),
      reason: claimReasonInput,
    }),
  )
  .output(appointmentOutput)
  .mutation(({ ctx, input }) => {
    const appointment = bookAppointment(
      ctx.db,
      {
        memberId: ctx.member.memberId,
        branchCode: input.branchCode,
        day: input.day,
        slot: input.slot,
        purpose: `jht_claim:${input.reason}`,
      },
      ctx.clock.now(),
    );
    return { ...appointment, branchName: findBranch(ctx.db, appointment.branchCode)?.name ?? appointment.branchCode };
  });
