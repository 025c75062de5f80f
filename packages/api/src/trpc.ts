import { initTRPC } from '@trpc/server';
import type { Clock } from './clock.js';
import type { Db } from './db/database.js';
import type { StaffRole } from './db/schema.js';
import type { ServerConfig } from './env.js';
import { AppError, appCodeOf, appError, publicMessageOf } from './errors.js';
import { findKioskByToken } from './repositories/kiosk-repository.js';
import type { MemberViewKind, StoredMemberView } from './repositories/member-view-repository.js';
import { findMemberSession, findMemberSessionWithView, findStaffByToken } from './repositories/session-repository.js';

export interface RequestMeta {
  readonly ip: string;
  readonly userAgent: string;
  /** The raw session cookie, when the request carries one. */
  readonly sessionToken: string | null;
  readonly bearerToken: string | null;
  readonly setSessionCookie: (token: string, maxAgeSeconds: number) => void;
  readonly clearSessionCookie: () => void;
  /** The paired kiosk's device credential, when the request comes from a kiosk. */
  readonly kioskToken: string | null;
  readonly setKioskCookie: (token: string, maxAgeSeconds: number) => void;
  /**
   * The tRPC handler splices a reply of JSON text (`JsonText`, a stored view) into its response
   * as it is; anything else (tRPC's stock adapter) needs values.
   */
  readonly servesJsonText: boolean;
}

export type Context = {
  readonly db: Db;
  readonly config: ServerConfig;
  readonly clock: Clock;
  readonly request: RequestMeta;
};

/** Procedure metadata: which staff roles may call it (read by the role × procedure matrix test). */
export interface ProcedureMeta {
  readonly staffRoles?: readonly StaffRole[];
  /** A member procedure whose reply is kept as a stored view (`member-views/`) of this kind. */
  readonly memberView?: MemberViewKind;
}

const t = initTRPC
  .context<Context>()
  .meta<ProcedureMeta>()
  .create({
    // Never send stack traces or internal messages to a client.
    isDev: false,
    errorFormatter({ shape, error }) {
      const appCode = appCodeOf(error);
      const message = error instanceof AppError ? error.message : publicMessageOf(appCode);
      const details = error instanceof AppError ? error.details : {};
      return {
        message,
        code: shape.code,
        data: { code: shape.data.code, httpStatus: shape.data.httpStatus, appCode, ...details },
      };
    },
  });

export const router = t.router;
export const createCallerFactory = t.createCallerFactory;

export const publicProcedure = t.procedure;

/** A member with a live session; the context gains `member` (tRPC merges it into the context). */
export const memberProcedure = t.procedure.use(({ ctx, meta, next }) => {
  const token = ctx.request.sessionToken;
  if (!token) throw appError('UNAUTHENTICATED');
  const kind = meta?.memberView;
  if (kind === undefined) {
    const session = findMemberSession(ctx.db, token, ctx.clock.now());
    if (!session) throw appError('UNAUTHENTICATED');
    return next({ ctx: { member: session, storedView: null as StoredMemberView | null } });
  }
  // The session and the member's stored view in one statement (`member-views/member-views.ts`).
  const found = findMemberSessionWithView(ctx.db, token, ctx.clock.now(), kind);
  if (!found) throw appError('UNAUTHENTICATED');
  return next({ ctx: { member: found.session, storedView: found.view } });
});

/** Staff with a valid token and one of the given roles; everything else is denied. */
export const staffProcedure = (roles: readonly StaffRole[]) =>
  t.procedure.meta({ staffRoles: roles }).use(({ ctx, next }) => {
    const token = ctx.request.bearerToken;
    const staff = token ? findStaffByToken(ctx.db, token, ctx.clock.now()) : null;
    if (!staff) throw appError('UNAUTHENTICATED');
    if (!roles.includes(staff.role)) throw appError('FORBIDDEN');
    return next({ ctx: { staff } });
  });

/** A request from a kiosk paired to a branch; the context gains `kiosk`. */
export const kioskProcedure = t.procedure.use(({ ctx, next }) => {
  const token = ctx.request.kioskToken;
  const kiosk = token ? findKioskByToken(ctx.db, token, ctx.clock.now()) : null;
  if (!kiosk) throw appError('UNAUTHENTICATED', 'This kiosk is not paired; ask a branch officer.');
  return next({ ctx: { kiosk } });
});

export const allStaffRoles: readonly StaffRole[] = [
  'call_center_agent',
  'customer_service_agent',
  'branch_officer',
  'supervisor',
  'admin',
];
