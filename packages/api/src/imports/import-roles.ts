import type { StaffRole } from '../db/schema.js';

/**
 * Who may load registry files: a members import creates members and moves KPJ numbers, a
 * contributions import changes balances. Branch officers and agents may not.
 */
export const IMPORT_ROLES = ['admin', 'supervisor'] as const satisfies readonly StaffRole[];

export const hasImportRole = (role: StaffRole): boolean => (IMPORT_ROLES as readonly StaffRole[]).includes(role);
