import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { members, outbox, privacyIncidentNotices, staffUsers } from '../../db/schema.js';
import { loginStaffWithTotp } from '../../test-support/staff-login.js';
import { createTestServer, dataOf, type TestServer } from '../../test-support/test-server.js';

interface Affected {
  memberId: number;
  fullName: string;
  reads: number;
  actions: string[];
  channels: string[];
}

const staffIdOf = (server: TestServer, username: string): number =>
  server.db.select({ id: staffUsers.id }).from(staffUsers).where(eq(staffUsers.username, username)).get()?.id ?? 0;

const memberIdOf = (server: TestServer, fullName: string): number =>
  server.db.select({ id: members.id }).from(members).where(eq(members.fullName, fullName)).get()?.id ?? 0;

const show = (server: TestServer, bearer: string, key: string) =>
  server.call('staff.member.show', { key }, { method: 'GET', bearer }).then(dataOf);

/**
 * A simulated incident: before the window a supervisor looks up Agus; in it, the same supervisor
 * looks up Siti (twice) and Budi, and a branch officer looks up Dewi.
 */
async function simulatedIncident() {
  const server = await createTestServer();
  const supervisor = await loginStaffWithTotp(server, 'demo.supervisor');
  const branch = await loginStaffWithTotp(server, 'demo.branch');
  await show(server, supervisor, '19099999999');
  server.clock.advance(3_600_000);
  const since = server.clock.now().toISOString();
  await show(server, supervisor, '19011111111');
  await show(server, supervisor, '20022222222');
  await show(server, supervisor, '19033333333');
  await show(server, branch, '19044444444');
  server.clock.advance(60_000);
  return { server, supervisor, since, supervisorId: staffIdOf(server, 'demo.supervisor') };
}

describe('breach response: who was read, an incident, its notices and the report', () => {
  it('lists exactly the members one staff user read in the window', async () => {
    const { server, supervisor, since, supervisorId } = await simulatedIncident();
    const reply = dataOf<{ members: Affected[] }>(
      await server.call('privacy.affected', { since, staffId: supervisorId }, { method: 'GET', bearer: supervisor }),
    );
    expect(reply.members.map((m) => m.fullName)).toEqual(['SITI RAHAYU', 'BUDI SANTOSO']);
    expect(reply.members[0]).toMatchObject({ reads: 2, actions: ['member.viewed'], channels: ['cli'] });
    // Without the staff filter the branch officer's read of Dewi counts too; Agus stays outside the window.
    const everyone = dataOf<{ members: Affected[] }>(
      await server.call('privacy.affected', { since }, { method: 'GET', bearer: supervisor }),
    );
    expect(everyone.members.map((m) => m.fullName).sort()).toEqual(['BUDI SANTOSO', 'DEWI LESTARI', 'SITI RAHAYU']);
    const kioskOnly = dataOf<{ members: Affected[] }>(
      await server.call('privacy.affected', { since, channel: 'kiosk' }, { method: 'GET', bearer: supervisor }),
    );
    expect(kioskOnly.members).toEqual([]);
  });

  it('queues one breach notice per affected member on both channels, once, and writes the report', async () => {
    const { server, supervisor, since, supervisorId } = await simulatedIncident();
    const incident = dataOf<{ id: string; filters: { until: string } }>(
      await server.call(
        'privacy.openIncident',
        { since, staffId: supervisorId, description: 'Token staf supervisor bocor melalui laptop yang dicuri' },
        { bearer: supervisor },
      ),
    );
    expect(incident.id).toMatch(/^INS-/);
    expect(incident.filters.until).toBe(server.clock.now().toISOString());
    // Without the measures taken, nothing is sent.
    const noMeasures = await server.call('privacy.notify', { incidentId: incident.id }, { bearer: supervisor });
    expect(noMeasures.json.error?.data.appCode).toBe('INVALID_INPUT');

    const measures = 'Token dicabut, kata sandi dan TOTP supervisor diganti.';
    const first = dataOf<{ queuedNow: number; report: Record<string, unknown> & { membersAffected: number } }>(
      await server.call('privacy.notify', { incidentId: incident.id, measures }, { bearer: supervisor }),
    );
    expect(first.queuedNow).toBe(2);
    const notices = server.db.select().from(outbox).where(eq(outbox.template, 'breach_notice')).all();
    expect(notices.map((n) => n.recipient).sort()).toEqual(
      ['+6281234567890', '+6285712345678', 'budi.santoso@example.com', 'siti.rahayu@example.com'].sort(),
    );
    const email = notices.find((n) => n.recipient === 'siti.rahayu@example.com');
    expect(email?.body).toContain(incident.id);
    expect(email?.body).toContain('Identitas, nomor KPJ dan kontak terdaftar');
    expect(email?.body).toContain(measures);
    expect(server.db.select().from(privacyIncidentNotices).all()).toHaveLength(2);

    const second = dataOf<{ queuedNow: number; alreadyNotified: number }>(
      await server.call('privacy.notify', { incidentId: incident.id }, { bearer: supervisor }),
    );
    expect(second).toMatchObject({ queuedNow: 0, alreadyNotified: 2 });
    expect(server.db.select().from(outbox).where(eq(outbox.template, 'breach_notice')).all()).toHaveLength(4);

    expect(first.report).toMatchObject({
      membersAffected: 2,
      dataCategories: [expect.objectContaining({ action: 'member.viewed', reads: 3, members: 2 })],
      channels: [{ channel: 'cli', reads: 3 }],
      staff: [expect.objectContaining({ username: 'demo.supervisor', reads: 3 })],
      notices: expect.objectContaining({ membersNotified: 2, messagesQueued: 4, messagesSent: 0 }),
      deadline: expect.objectContaining({ hours: 72, allQueuedInTime: true }),
      incident: expect.objectContaining({ measures, openedBy: 'demo.supervisor' }),
    });
    // Once the outbox delivers, the report shows when each notice went out.
    server.db
      .update(outbox)
      .set({ sentAt: server.clock.now().toISOString() })
      .where(eq(outbox.template, 'breach_notice'))
      .run();
    const report = dataOf<{ notices: { messagesSent: number; lastSentAt: string } }>(
      await server.call('privacy.report', { incidentId: incident.id }, { method: 'GET', bearer: supervisor }),
    );
    expect(report.notices.messagesSent).toBe(4);
    expect(report.notices.lastSentAt).toBe(server.clock.now().toISOString());
  });

  it('counts a member’s own data export as a disclosure, on the web channel', async () => {
    const { server, supervisor, since } = await simulatedIncident();
    const cookie = await server.loginMember('dewi.lestari@example.com', 'Pulih-Demo-2026');
    dataOf(await server.call('privacy.myData', undefined, { method: 'GET', cookie }));
    server.clock.advance(1_000);
    const web = dataOf<{ members: Affected[] }>(
      await server.call('privacy.affected', { since, channel: 'web' }, { method: 'GET', bearer: supervisor }),
    );
    expect(web.members).toEqual([
      expect.objectContaining({ memberId: memberIdOf(server, 'DEWI LESTARI'), actions: ['privacy.data_exported'] }),
    ]);
  });

  it('is for supervisors and admins only', async () => {
    const { server, since } = await simulatedIncident();
    const branch = await loginStaffWithTotp(server, 'demo.branch');
    const reply = await server.call('privacy.affected', { since }, { method: 'GET', bearer: branch });
    expect(reply.status).toBe(403);
  });
});
