import { describe, expect, it } from 'vitest';
import { auditLog } from '../../db/schema.js';
import { DEMO_MEMBER_PASSWORD } from '../../demo/demo-accounts.js';
import { codeIn, latestMessage } from '../../test-support/outbox.js';
import { loginStaffWithTotp } from '../../test-support/staff-login.js';
import { createTestServer, dataOf, type TestServer } from '../../test-support/test-server.js';

const siti = {
  kpj: '19011111111',
  nik: '3273015708900001',
  fullName: 'Siti Rahayu',
  birthDate: '1990-08-17',
  motherName: 'sumarni',
};

interface CaseView {
  member: { email: string | null; phone: string | null; disclosure: string };
  allowed: { sendReset: boolean; resetDelivery: string | null; printCode: boolean; changeContact: boolean };
  reasons: string[];
}

async function openCallCenterCase(server: TestServer, facts = siti) {
  const token = await loginStaffWithTotp(server, 'demo.agent');
  const reply = await server.call('case.openCallCenter', facts, { bearer: token });
  return { token, reply, opened: reply.status === 200 ? dataOf<{ caseId: string; outcome: string }>(reply) : null };
}

async function openBranchCase(server: TestServer) {
  const token = await loginStaffWithTotp(server, 'demo.branch');
  const reply = await server.call(
    'case.openBranch',
    {
      kpj: siti.kpj,
      nik: siti.nik,
      documents: ['ktp', 'kpj_card'],
      photoMatches: true,
      reason: 'datang ke kantor cabang, lupa email',
    },
    { bearer: token },
  );
  return { token, opened: dataOf<{ caseId: string; outcome: string }>(reply) };
}

describe('call center 175 cases', () => {
  it('passes a caller who knows all five facts and shows the agent masked contacts only', async () => {
    const server = await createTestServer();
    const { token, opened } = await openCallCenterCase(server);
    expect(opened?.outcome).toBe('passed');
    const view = dataOf<CaseView>(
      await server.call('case.show', { caseId: opened?.caseId }, { method: 'GET', bearer: token }),
    );
    expect(view.member).toMatchObject({ email: 's***u@example.com', phone: '0812-****-**90', disclosure: 'masked' });
    expect(view.allowed).toMatchObject({
      sendReset: true,
      resetDelivery: 'registered_phone',
      printCode: false,
      changeContact: false,
    });
  });

  it('fails a wrong answer without saying which, and records no fact in the case', async () => {
    const server = await createTestServer();
    const wrongMother = await openCallCenterCase(server, { ...siti, motherName: 'PAINEM' });
    const wrongBirth = await openCallCenterCase(server, { ...siti, birthDate: '1990-08-18' });
    expect(wrongMother.opened?.outcome).toBe('failed');
    expect(wrongBirth.opened?.outcome).toBe('failed');
    const strip = (text: string) => text.replace(/"caseId":"[^"]+"/, '');
    expect(strip(wrongMother.reply.text)).toBe(strip(wrongBirth.reply.text));
    const audits = server.db
      .select()
      .from(auditLog)
      .all()
      .filter((e) => e.action === 'case.opened.failed');
    expect(audits.map((e) => e.detail).join('')).not.toMatch(/mother|birth|PAINEM/i);
    const shown = await server.call(
      'case.show',
      { caseId: wrongMother.opened?.caseId },
      { method: 'GET', bearer: wrongMother.token },
    );
    expect(shown.json.error?.data.appCode).toBe('CASE_NOT_FOUND');
  });

  it('closes verification for the member for the day after three failures', async () => {
    const server = await createTestServer();
    for (let i = 0; i < 3; i++) await openCallCenterCase(server, { ...siti, motherName: `SALAH ${i}` });
    const fourth = await openCallCenterCase(server);
    expect(fourth.reply.status).toBe(429);
    expect(fourth.reply.json.error?.message).toContain('closed for today');
    server.clock.advance(24 * 60 * 60_000 + 60_000);
    expect((await openCallCenterCase(server)).opened?.outcome).toBe('passed');
  });

  it('adds up failures across the web and the call center, closes the path and tells the member', async () => {
    const server = await createTestServer();
    for (const phone of ['0812-0000-0001', '0812-0000-0002']) {
      await server.call('recovery.start', { identifier: '19011111111', phone, locale: 'id' });
    }
    expect(latestMessage(server.db, 'siti.rahayu@example.com', 'verification_closed_notice')).toBeNull();
    await openCallCenterCase(server, { ...siti, motherName: 'PAINEM' });
    expect(latestMessage(server.db, 'siti.rahayu@example.com', 'verification_closed_notice')).not.toBeNull();
    expect(latestMessage(server.db, '+6281234567890', 'verification_closed_notice')).not.toBeNull();
    const closed = await openCallCenterCase(server);
    expect(closed.reply.status).toBe(429);
  });

  it('sends the reset to the registered phone, never elsewhere, and the member sets the password', async () => {
    const server = await createTestServer();
    const { token, opened } = await openCallCenterCase(server);
    const sent = await server.call(
      'case.sendReset',
      { caseId: opened?.caseId, reason: 'penelepon lupa kata sandi' },
      { bearer: token },
    );
    expect(dataOf(sent)).toEqual({ sentTo: 'registered_phone', maskedDestination: '0812-****-**90' });
    const sms = latestMessage(server.db, '+6281234567890', 'password_reset');
    const reset = await server.call('auth.resetPassword', {
      identifier: '19011111111',
      code: codeIn(sms),
      newPassword: 'rendang-padang-asli',
    });
    expect(reset.status).toBe(200);
    await server.loginMember('19011111111', 'rendang-padang-asli');
  });

  it('hides a case from other agents and ends it after 30 minutes', async () => {
    const server = await createTestServer();
    const { token, opened } = await openCallCenterCase(server);
    const other = await loginStaffWithTotp(server, 'demo.branch');
    const foreign = await server.call('case.show', { caseId: opened?.caseId }, { method: 'GET', bearer: other });
    expect(foreign.json.error?.data.appCode).toBe('CASE_NOT_FOUND');
    server.clock.advance(31 * 60_000);
    const expired = await server.call('case.show', { caseId: opened?.caseId }, { method: 'GET', bearer: token });
    expect(expired.json.error?.data.appCode).toBe('CASE_EXPIRED');
  });
});

describe('branch counter cases', () => {
  it('shows the officer full contacts after an in-person check, audited with the reason', async () => {
    const server = await createTestServer();
    const { token, opened } = await openBranchCase(server);
    expect(opened.outcome).toBe('passed');
    const view = dataOf<CaseView>(
      await server.call('case.show', { caseId: opened.caseId }, { method: 'GET', bearer: token }),
    );
    expect(view.member).toMatchObject({
      email: 'siti.rahayu@example.com',
      phone: '0812-3456-7890',
      disclosure: 'full',
    });
    expect(view.allowed).toMatchObject({ printCode: true, changeContact: true, resetDelivery: 'printed_in_person' });
    const cookie = await server.loginMember('siti.rahayu@example.com', DEMO_MEMBER_PASSWORD);
    const history = dataOf<{ entries: { action: string; staffRole: string | null; staffBranch: string | null }[] }>(
      await server.call('member.accessHistory', undefined, { method: 'GET', cookie }),
    );
    expect(history.entries.find((e) => e.action === 'member.viewed')).toMatchObject({
      staffRole: 'branch_officer',
      staffBranch: 'JKT-SUDIRMAN',
    });
    const viewed = server.db
      .select()
      .from(auditLog)
      .all()
      .filter((e) => e.action === 'member.viewed')
      .at(-1);
    expect(JSON.parse(viewed?.detail ?? '{}')).toMatchObject({
      disclosure: 'full',
      reason: 'datang ke kantor cabang, lupa email',
    });
  });

  it('fails without the KTP or with a photo that does not match', async () => {
    const server = await createTestServer();
    const token = await loginStaffWithTotp(server, 'demo.branch');
    const base = { kpj: siti.kpj, nik: siti.nik, reason: 'datang ke kantor cabang' };
    const noKtp = await server.call(
      'case.openBranch',
      { ...base, documents: ['kpj_card'], photoMatches: true },
      { bearer: token },
    );
    const noPhoto = await server.call(
      'case.openBranch',
      { ...base, documents: ['ktp'], photoMatches: false },
      { bearer: token },
    );
    expect(dataOf<{ outcome: string }>(noKtp).outcome).toBe('failed');
    expect(dataOf<{ outcome: string }>(noPhoto).outcome).toBe('failed');
  });

  /** A branch case in which the officer prints Siti a recovery code. */
  async function printedRecoveryCode() {
    const server = await createTestServer();
    const { token, opened } = await openBranchCase(server);
    const printed = dataOf<{ code: string }>(
      await server.call(
        'case.printRecoveryCode',
        { caseId: opened.caseId, reason: 'lupa kata sandi' },
        { bearer: token },
      ),
    );
    return { server, printed };
  }

  it('prints a recovery code the member uses on the web with the KPJ', async () => {
    const { server, printed } = await printedRecoveryCode();
    expect(printed.code).toMatch(/^\d{6}$/);
    const reset = await server.call('auth.resetPassword', {
      identifier: '19011111111',
      code: printed.code,
      newPassword: 'soto-betawi-kuah-santan',
    });
    expect(reset.status).toBe(200);
  });

  it('keeps the printed code valid when someone asks for a reset on the web afterwards, and the web code too', async () => {
    const { server, printed } = await printedRecoveryCode();
    // Anyone who knows the KPJ can ask for a reset code by email: it must not void the printed one.
    server.clock.advance(60_000);
    expect((await server.call('auth.forgotPassword', { identifier: '19011111111', locale: 'id' })).status).toBe(200);
    const emailed = codeIn(latestMessage(server.db, 'siti.rahayu@example.com', 'password_reset'));
    expect(emailed).not.toBe(printed.code);
    const wrong = await server.call('auth.resetPassword', {
      identifier: '19011111111',
      code: '000000' === printed.code || '000000' === emailed ? '111111' : '000000',
      newPassword: 'soto-betawi-kuah-santan',
    });
    expect(wrong.json.error?.data.appCode).toBe('CODE_INVALID');
    const reset = await server.call('auth.resetPassword', {
      identifier: '19011111111',
      code: printed.code,
      newPassword: 'soto-betawi-kuah-santan',
    });
    expect(reset.status, reset.text).toBe(200);
    // The emailed code is still open: it works once, for another reset.
    const again = await server.call('auth.resetPassword', {
      identifier: 'siti.rahayu@example.com',
      code: emailed,
      newPassword: 'rendang-padang-pedas-sekali',
    });
    expect(again.status, again.text).toBe(200);
  });

  it('changes the email at the counter with a code to the new address, telling the old one', async () => {
    const server = await createTestServer();
    const { token, opened } = await openBranchCase(server);
    const requested = await server.call(
      'case.requestContactChange',
      { caseId: opened.caseId, kind: 'email', value: 'siti.kantor@example.com', reason: 'email lama tidak aktif' },
      { bearer: token },
    );
    expect(requested.status).toBe(200);
    const code = codeIn(latestMessage(server.db, 'siti.kantor@example.com', 'contact_change_code'));
    const confirmed = await server.call(
      'case.confirmContactChange',
      { caseId: opened.caseId, kind: 'email', code },
      { bearer: token },
    );
    expect(confirmed.status).toBe(200);
    expect(latestMessage(server.db, 'siti.rahayu@example.com', 'contact_changed_notice')).not.toBeNull();
    const cookie = await server.loginMember('siti.kantor@example.com', DEMO_MEMBER_PASSWORD);
    const profile = await server.call('member.profile', undefined, { method: 'GET', cookie });
    expect(profile.json.result?.data).toMatchObject({ email: 'siti.kantor@example.com', emailVerified: true });
  });

  it('refuses printing and contact changes in a call-center case', async () => {
    const server = await createTestServer();
    const { token, opened } = await openCallCenterCase(server);
    const print = await server.call(
      'case.printRecoveryCode',
      { caseId: opened?.caseId, reason: 'coba' },
      { bearer: token },
    );
    expect(print.status).toBe(403);
  });
});
