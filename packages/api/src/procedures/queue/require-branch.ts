import { appError } from '../../errors.js';
import type { StaffIdentity } from '../../repositories/session-repository.js';

/** Queue commands act on the officer's own branch. */
export function requireBranch(staff: StaffIdentity): string {
  if (!staff.branchCode) throw appError('FORBIDDEN', 'Only staff of a branch office have a queue.');
  return staff.branchCode;
}
