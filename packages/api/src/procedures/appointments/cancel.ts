import { z } from 'zod';
import { appendAudit } from '../../audit/audit-log.js';
import { appError } from '../../errors.js';
import { findAppointment, setAppointmentState } from '../../repositories/claim-repository.js';
import { memberProcedure } from '../../trpc.js';
import { appointmentIdInput } from './appointment-output.js';

/** The member cancels a visit they booked, freeing the place. */
export const cancel = memberProcedure
  .input(z.object({ appointmentId: appointmentIdInput }))
  .output(z.object({ cancelled: z.literal(true) }))
  .mutation(({ ctx, input }) => {
    const now = ctx.clock.now();
    return ctx.db.transaction((tx) => {
      const appointment = findAppointment(tx, input.appointmentId);
      if (!appointment || appointment.memberId !== ctx.member.memberId) throw appError('APPOINTMENT_NOT_FOUND');
      if (!setAppointmentState(tx, appointment.id, 'booked', { state: 'cancelled' })) {
        throw appError('CONFLICT', 'Only a booked visit can be cancelled.');
      }
      appendAudit(
        tx,
        {
          actorKind: 'member',
          actorId: String(ctx.member.memberId),
          action: 'appointment.cancelled',
          memberId: ctx.member.memberId,
          channel: 'web',
          detail: { appointmentId: appointment.id },
        },
        now,
      );
      return { cancelled: true as const };
    });
  });
