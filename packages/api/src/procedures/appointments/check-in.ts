import { z } from 'zod';
import { appendAudit } from '../../audit/audit-log.js';
import { appError } from '../../errors.js';
import { findAppointment, setAppointmentState } from '../../repositories/claim-repository.js';
import { staffProcedure } from '../../trpc.js';
import { appointmentIdInput } from './appointment-output.js';

/** The member has arrived at the branch for their visit (their own branch's officer, or a supervisor). */
export const checkIn = staffProcedure(['branch_officer', 'supervisor'])
  .input(z.object({ appointmentId: appointmentIdInput }))
  .output(z.object({ id: z.string(), state: z.literal('checked_in'), day: z.string(), slot: z.string() }))
  .mutation(({ ctx, input }) => {
    const now = ctx.clock.now();
    return ctx.db.transaction((tx) => {
      const appointment = findAppointment(tx, input.appointmentId);
      if (!appointment) throw appError('APPOINTMENT_NOT_FOUND');
      if (ctx.staff.role !== 'supervisor' && appointment.branchCode !== ctx.staff.branchCode) {
        throw appError('APPOINTMENT_NOT_FOUND');
      }
      const moved = setAppointmentState(tx, appointment.id, 'booked', {
        state: 'checked_in',
        checkedInAt: now.toISOString(),
        checkedInByStaffId: ctx.staff.staffId,
      });
      if (!moved) throw appError('CONFLICT', `The appointment is ${appointment.state}, not booked.`);
      appendAudit(
        tx,
        {
          actorKind: 'staff',
          actorId: String(ctx.staff.staffId),
          action: 'appointment.checked_in',
          memberId: appointment.memberId,
          channel: 'cli',
          detail: { appointmentId: appointment.id },
        },
        now,
      );
      return { id: appointment.id, state: 'checked_in' as const, day: appointment.day, slot: appointment.slot };
    });
  });
