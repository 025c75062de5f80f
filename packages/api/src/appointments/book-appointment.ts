import { checkAppointmentRequest } from '@pulih/domain';
import { appendAudit } from '../audit/audit-log.js';
import { newReference } from '../claims/claim-reference.js';
import type { Db } from '../db/database.js';
import { appError } from '../errors.js';
import { sendJhtNotice } from '../notices/jht-notices.js';
import { findAccountByMemberId, requireMemberRecord } from '../repositories/account-repository.js';
import {
  type AppointmentRow,
  appointmentsOfMember,
  bookedSlotCounts,
  findBranch,
  insertAppointment,
} from '../repositories/claim-repository.js';

/**
 * Books a branch visit (claims above the online limit, heirs' claims). One open booking per
 * member and purpose; the slot's places are counted inside an immediate transaction, so two
 * members cannot take the last place at once. The member gets the booking by email and SMS.
 */
export function bookAppointment(
  db: Db,
  request: { memberId: number; branchCode: string; day: string; slot: string; purpose: string },
  now: Date,
): AppointmentRow {
  const today = now.toISOString().slice(0, 10);
  return db.transaction(
    (tx) => {
      const branch = findBranch(tx, request.branchCode);
      if (!branch) throw appError('BRANCH_NOT_FOUND');
      const checked = checkAppointmentRequest(request, today, bookedSlotCounts(tx, branch.code, request.day));
      if (!checked.ok) throw appError('SLOT_UNAVAILABLE', undefined, { reasons: [checked.error] });
      const open = appointmentsOfMember(tx, request.memberId).find(
        (a) => a.state === 'booked' && a.purpose === request.purpose && a.day >= today,
      );
      if (open) {
        throw appError('CONFLICT', `You already have a visit booked on ${open.day} at ${open.slot} (${open.id}).`);
      }
      const appointment: AppointmentRow = {
        id: newReference('JDW'),
        memberId: request.memberId,
        branchCode: branch.code,
        day: request.day,
        slot: request.slot,
        purpose: request.purpose,
        state: 'booked',
        createdAt: now.toISOString(),
        checkedInAt: null,
        checkedInByStaffId: null,
      };
      insertAppointment(tx, appointment);
      appendAudit(
        tx,
        {
          actorKind: 'member',
          actorId: String(request.memberId),
          action: 'appointment.booked',
          memberId: request.memberId,
          channel: 'web',
          detail: { appointmentId: appointment.id, branch: branch.code, day: request.day, slot: request.slot },
        },
        now,
      );
      const member = requireMemberRecord(tx, request.memberId);
      sendJhtNotice(
        tx,
        member,
        {
          topic: 'claim_state',
          subject: `appointment:${appointment.id}`,
          template: 'appointment_booked',
          data: { reference: appointment.id, branchName: branch.name, day: appointment.day, slot: appointment.slot },
        },
        findAccountByMemberId(tx, request.memberId)?.locale ?? 'id',
        now,
      );
      return appointment;
    },
    { behavior: 'immediate' },
  );
}
