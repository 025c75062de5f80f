import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { auditLog, members } from '../../db/schema.js';
import { DEMO_MEMBER_PASSWORD } from '../../demo/demo-accounts.js';
import { SESSION_ABSOLUTE_MS, SESSION_IDLE_MS } from '../../repositories/session-repository.js';
import { createTestServer } from '../../test-support/test-server.js';

const SITI_NIK = '3273015708900001';

describe('member.profile', () => {
  it('shows the logged-in member their registered email and phone in full', async () => {
    const server = await createTestServer();
    const cookie = await server.loginMember('siti.rahayu@example.com', DEMO_MEMBER_PASSWORD);
    const reply = await server.call('member.profile', undefined, { method: 'GET', cookie });
    expect(reply.status).toBe(200);
    expect(reply.json.result?.data).toEqual({
      fullName: 'SITI RAHAYU',
      kpjNumbers: ['19011111111', '20022222222'],
      nikMasked: '3273********0001',
      email: 'siti.rahayu@example.com',
      emailVerified: true,
      phone: '0812-3456-7890',
      phoneVerified: true,
      contactsConfirmedAt: expect.any(String),
      contactsNeedReconfirmation: false,
      membershipStatus: 'aktif',
      membership: { status: 'aktif', reason: 'contributing', since: '2018-08-01' },
    });
  });

  it('gives the membership status from the contribution rules, with its reason and since when', async () => {
    const server = await createTestServer();
    // Dewi's employer last paid for June 2026: July, August and September unpaid make her non-aktif from 1 October.
    const cookie = await server.loginMember('dewi.lestari@example.com', DEMO_MEMBER_PASSWORD);
    const reply = await server.call('member.profile', undefined, { method: 'GET', cookie });
    expect(reply.json.result?.data).toMatchObject({
      membershipStatus: 'non_aktif',
      membership: { status: 'non_aktif', reason: 'no_contribution_3_months', since: '2026-10-01' },
    });
  });

  it('does not take the status from the stored registry field', async () => {
    const server = await createTestServer();
    server.db
      .update(members)
      .set({ status: 'non_aktif', statusReason: 'stale' })
      .where(eq(members.nik, SITI_NIK))
      .run();
    const cookie = await server.loginMember('siti.rahayu@example.com', DEMO_MEMBER_PASSWORD);
    const reply = await server.call('member.profile', undefined, { method: 'GET', cookie });
    expect(reply.json.result?.data).toMatchObject({
      membershipStatus: 'aktif',
      membership: { reason: 'contributing' },
    });
  });

  it('reports an unverified email as unverified', async () => {
    const server = await createTestServer();
    const cookie = await server.loginMember('19033333333', DEMO_MEMBER_PASSWORD);
    const reply = await server.call('member.profile', undefined, { method: 'GET', cookie });
    expect(reply.json.result?.data).toMatchObject({ email: 'budi.santoso@example.com', emailVerified: false });
  });

  it('does not audit a member viewing their own profile as a disclosure', async () => {
    const server = await createTestServer();
    const cookie = await server.loginMember('siti.rahayu@example.com', DEMO_MEMBER_PASSWORD);
    await server.call('member.profile', undefined, { method: 'GET', cookie });
    expect(
      server.db
        .select()
        .from(auditLog)
        .all()
        .map((e) => e.action),
    ).toEqual(['login.succeeded']);
  });

  it('refuses a request without a session', async () => {
    const server = await createTestServer();
    const reply = await server.call('member.profile', undefined, { method: 'GET' });
    expect(reply.status).toBe(401);
    expect(reply.json.error?.data.appCode).toBe('UNAUTHENTICATED');
  });

  it('refuses a forged session cookie', async () => {
    const server = await createTestServer();
    const reply = await server.call('member.profile', undefined, { method: 'GET', cookie: 'pulih_session=forged' });
    expect(reply.status).toBe(401);
  });

  it('ends a session idle for 30 minutes', async () => {
    const server = await createTestServer();
    const cookie = await server.loginMember('siti.rahayu@example.com', DEMO_MEMBER_PASSWORD);
    server.clock.advance(SESSION_IDLE_MS - 60_000);
    expect((await server.call('member.profile', undefined, { method: 'GET', cookie })).status).toBe(200);
    server.clock.advance(SESSION_IDLE_MS);
    expect((await server.call('member.profile', undefined, { method: 'GET', cookie })).status).toBe(401);
  });

  it('ends an active session after 12 hours however busy it is', async () => {
    const server = await createTestServer();
    const cookie = await server.loginMember('siti.rahayu@example.com', DEMO_MEMBER_PASSWORD);
    for (let elapsed = 0; elapsed < SESSION_ABSOLUTE_MS - 20 * 60_000; elapsed += 20 * 60_000) {
      server.clock.advance(20 * 60_000);
      expect((await server.call('member.profile', undefined, { method: 'GET', cookie })).status).toBe(200);
    }
    server.clock.advance(25 * 60_000);
    expect((await server.call('member.profile', undefined, { method: 'GET', cookie })).status).toBe(401);
  });
});
