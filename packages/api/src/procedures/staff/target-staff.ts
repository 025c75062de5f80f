import { z } from 'zod';
import { appendAudit } from '../../audit/audit-log.js';
import type { Db } from '../../db/database.js';
import { appError } from '../../errors.js';
import type { StaffIdentity } from '../../repositories/session-repository.js';
import { findStaffSummary, type StaffSummary } from '../../repositories/staff-repository.js';

export const staffUsernameInput = z.string().trim().toLowerCase().min(1).max(64);

/** The staff user an admin procedure acts on. */
export function findTargetStaff(db: Db, username: string, now: Date): StaffSummary {
  const target = findStaffSummary(db, username, now);
  if (!target) throw appError('STAFF_NOT_FOUND', `No staff user is called "${username}".`);
  return target;
}

/** Audits an administrator's change to a staff user; the actor is the acting admin. */
export function auditStaffAdmin(
  db: Db,
  admin: StaffIdentity,
  action: string,
  target: { readonly staffId: number; readonly username: string },
  detail: Readonly<Record<string, string | number | boolean | null>>,
  now: Date,
): void {
  appendAudit(
    db,
    {
      actorKind: 'staff',
      actorId: String(admin.staffId),
      action,
      memberId: null,
      channel: 'cli',
      detail: { ...detail, targetStaffId: target.staffId, targetUsername: target.username },
    },
    now,
  );
}
