import type { AppRouter } from '@pulih/api';
import type { inferRouterInputs, inferRouterOutputs } from '@trpc/server';

export type ApiInputs = inferRouterInputs<AppRouter>;
export type ApiOutputs = inferRouterOutputs<AppRouter>;
export type StaffRole = ApiInputs['staff']['add']['role'];

/** The staff roles, for `--role` choices; the check below fails to compile when the API gains one. */
export const staffRoleNames = [
  'call_center_agent',
  'customer_service_agent',
  'branch_officer',
  'supervisor',
  'admin',
] as const satisfies readonly StaffRole[];

type UnlistedRole = Exclude<StaffRole, (typeof staffRoleNames)[number]>;
export const everyRoleIsListed: [UnlistedRole] extends [never] ? true : never = true;
