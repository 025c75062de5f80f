import { beforeAll, describe, expect, it } from 'vitest';
import { type StaffRole, staffRoles, staffUsers } from './db/schema.js';
import { DEMO_MEMBER_PASSWORD } from './demo/demo-accounts.js';
import { createStaffToken } from './repositories/session-repository.js';
import { appRouter } from './router.js';
import { createTestServer, type TestServer } from './test-support/test-server.js';
import type { ProcedureMeta } from './trpc.js';

interface ProcedureDef {
  readonly _def: { readonly type: 'query' | 'mutation' | 'subscription'; readonly meta?: ProcedureMeta };
}

/** Every procedure of the router, however it grows: tRPC keeps a flat map by dotted path. */
const procedures = Object.entries(appRouter._def.procedures as unknown as Record<string, ProcedureDef>).map(
  ([path, procedure]) => ({ path, type: procedure._def.type, staffRoles: procedure._def.meta?.staffRoles }),
);
const staffOnly = procedures.filter((p) => p.staffRoles !== undefined);
const others = procedures.filter((p) => p.staffRoles === undefined && p.type !== 'subscription');

let server: TestServer;
const tokens = {} as Record<StaffRole, string>;
let memberCookie: string;

beforeAll(async () => {
  server = await createTestServer();
  // One staff user per role, straight into the database: the matrix tests authorization, not login.
  const now = server.clock.now();
  for (const role of staffRoles) {
    const { id } = server.db
      .insert(staffUsers)
      .values({
        username: `rbac.${role}`,
        fullName: `RBAC ${role}`,
        role,
        // Branch procedures act on the caller's own branch: every test user works at one.
        branchCode: 'RBAC-BRANCH',
        passwordHash: 'not-used',
        totpEnrolledAt: now.toISOString(),
        createdAt: now.toISOString(),
      })
      .returning({ id: staffUsers.id })
      .get();
    tokens[role] = createStaffToken(server.db, id, now).token;
  }
  memberCookie = await server.loginMember('siti.rahayu@example.com', DEMO_MEMBER_PASSWORD);
});

/**
 * Calls with no input: a permitted caller then gets past authorization and stops at input
 * validation (so mutations change nothing), while a refused caller is stopped before it.
 */
const callAs = (path: string, type: string, auth: { bearer?: string; cookie?: string }) =>
  server.call(path, undefined, { method: type === 'query' ? 'GET' : 'POST', ...auth });

describe('role × procedure matrix', () => {
  it('finds the staff procedures it is meant to check', () => {
    expect(staffOnly.map((p) => p.path)).toEqual(
      expect.arrayContaining([
        'staff.member.show',
        'staff.add',
        'staff.list',
        'staff.disable',
        'staff.setRole',
        'staff.revokeTokens',
        'audit.verify',
        'audit.log',
        'case.openCallCenter',
        'case.openBranch',
        'case.show',
        'case.sendReset',
        'case.printRecoveryCode',
      ]),
    );
    expect(procedures.some((p) => p.path === 'member.profile')).toBe(true);
  });

  describe.each(staffOnly)('$path ($type) for $staffRoles', ({ path, type, staffRoles: allowed = [] }) => {
    it.each(staffRoles)('as %s: allowed roles pass authorization, the others get 403', async (role) => {
      const reply = await callAs(path, type, { bearer: tokens[role] });
      if (allowed.includes(role)) {
        expect(reply.status, reply.text).not.toBe(401);
        expect(reply.status, reply.text).not.toBe(403);
      } else {
        expect(reply.status, reply.text).toBe(403);
        expect(reply.json.error?.data.appCode).toBe('FORBIDDEN');
      }
    });

    it('refuses a caller without a staff token, and a logged-in member, with 401', async () => {
      for (const auth of [{}, { cookie: memberCookie }, { bearer: 'forged-token' }]) {
        const reply = await callAs(path, type, auth);
        expect(reply.status, JSON.stringify(auth)).toBe(401);
        expect(reply.json.error?.data.appCode).toBe('UNAUTHENTICATED');
      }
    });
  });

  it('does not take a staff token as member authentication', async () => {
    const reply = await server.call('member.profile', undefined, { method: 'GET', bearer: tokens.admin });
    expect(reply.status).toBe(401);
  });

  it.each(others)('$path: a staff token gets no further than no credentials at all', async ({ path, type }) => {
    const anonymous = await callAs(path, type, {});
    const asStaff = await callAs(path, type, { bearer: tokens.admin });
    if (anonymous.status === 401) expect(asStaff.status, asStaff.text).toBe(401);
  });
});
