import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { accounts, memberContacts, members } from '../../db/schema.js';
import { DEMO_MEMBER_PASSWORD } from '../../demo/demo-accounts.js';
import { codeIn, latestMessage, messagesTo, tokenIn } from '../../test-support/outbox.js';
import { createTestServer, type TestServer } from '../../test-support/test-server.js';

/** Rina is in the demo registry without an online account, as most members are. */
function registryMemberId(server: TestServer): number {
  const row = server.db.select({ id: members.id }).from(members).where(eq(members.nik, '3201014506920001')).get();
  if (!row) throw new Error('the demo registry lacks Rina');
  return row.id;
}

const rina = {
  nik: '3201014506920001',
  kpj: '19055555555',
  fullName: 'Rina  Wulandari',
  birthDate: '1992-06-05',
  email: 'rina.w@example.com',
  phone: '0813-1111-2222',
  password: 'kopi-tubruk-di-pagi-hari',
  locale: 'id',
};

describe('account.register', () => {
  it('activates a registry member with the emailed code and makes the new contacts registered and verified', async () => {
    const server = await createTestServer();
    const memberId = registryMemberId(server);
    const reply = await server.call('account.register', rina);
    expect(reply.status).toBe(200);
    const message = latestMessage(server.db, 'rina.w@example.com', 'registration_code');
    expect(server.db.select().from(accounts).where(eq(accounts.memberId, memberId)).get()?.state).toBe('pending');
    const verified = await server.call('account.verifyEmail', { email: 'rina.w@example.com', code: codeIn(message) });
    expect(verified.status).toBe(200);
    expect(server.db.select().from(accounts).where(eq(accounts.memberId, memberId)).get()?.state).toBe('active');
    const contact = server.db.select().from(memberContacts).where(eq(memberContacts.memberId, memberId)).get();
    expect(contact).toMatchObject({ email: 'rina.w@example.com', phone: '+6281311112222' });
    expect(contact?.emailVerifiedAt).not.toBeNull();
    const cookie = await server.loginMember('19055555555', rina.password);
    const profile = await server.call('member.profile', undefined, { method: 'GET', cookie });
    expect(profile.json.result?.data).toMatchObject({ email: 'rina.w@example.com', emailVerified: true });
  });

  it('activates with the emailed link as well', async () => {
    const server = await createTestServer();
    await server.call('account.register', rina);
    const token = tokenIn(latestMessage(server.db, 'rina.w@example.com', 'registration_code'));
    expect((await server.call('account.verifyEmailLink', { token })).status).toBe(200);
    expect((await server.call('account.verifyEmailLink', { token })).json.error?.data.appCode).toBe('CODE_INVALID');
  });

  it('answers exactly as for a new account when the member already has one, and tells both sides', async () => {
    const server = await createTestServer();
    const fresh = await server.call('account.register', rina);
    const existing = await server.call('account.register', {
      ...rina,
      nik: '3273015708900001',
      kpj: '19011111111',
      fullName: 'SITI RAHAYU',
      birthDate: '1990-08-17',
      email: 'someone.else@example.com',
    });
    expect(existing.status).toBe(fresh.status);
    expect(existing.text).toBe(fresh.text);
    expect(latestMessage(server.db, 'someone.else@example.com')?.template).toBe('registration_exists');
    expect(latestMessage(server.db, 'siti.rahayu@example.com')?.template).toBe('registration_attempt_notice');
    expect(latestMessage(server.db, '+6281234567890')?.template).toBe('registration_attempt_notice');
    expect(server.db.select().from(accounts).all()).toHaveLength(7); // six demo accounts (Rudi has two) + Rina's pending one
  });

  it('answers exactly as for a new account when the data does not match the registry', async () => {
    const server = await createTestServer();
    const fresh = await server.call('account.register', rina);
    const wrongName = await server.call('account.register', {
      ...rina,
      fullName: 'RINA WULAN',
      email: 'other@example.com',
    });
    const unknownNik = await server.call('account.register', {
      ...rina,
      nik: '3201014506920002',
      email: 'third@example.com',
    });
    expect(wrongName.text).toBe(fresh.text);
    expect(unknownNik.text).toBe(fresh.text);
    expect(latestMessage(server.db, 'other@example.com')?.template).toBe('registration_no_match');
    expect(latestMessage(server.db, 'third@example.com')?.template).toBe('registration_no_match');
  });

  it('refuses a common password or one containing the NIK, naming the rules', async () => {
    const server = await createTestServer();
    const common = await server.call('account.register', { ...rina, password: 'Password2024!' });
    expect(common.json.error?.data).toMatchObject({ appCode: 'PASSWORD_REJECTED', reasons: ['COMMON'] });
    const personal = await server.call('account.register', { ...rina, password: 'rina-3201014506920001' });
    expect(personal.json.error?.data).toMatchObject({
      appCode: 'PASSWORD_REJECTED',
      reasons: ['CONTAINS_PERSONAL_DATA'],
    });
  });

  it.each([
    [{ nik: '3201' }, 'Enter the 16-digit NIK exactly as on the KTP.'],
    [{ kpj: '1905' }, 'Enter the 11-digit KPJ number from the membership card.'],
    [{ phone: '021-555-1234' }, 'Enter an Indonesian mobile number, e.g. 0812-3456-7890.'],
    [{ email: 'rina.w' }, 'Enter a valid email address.'],
    [{ birthDate: '05-06-1992' }, 'Enter the birth date as YYYY-MM-DD.'],
  ])('names the malformed field %j', async (override, message) => {
    const server = await createTestServer();
    const reply = await server.call('account.register', { ...rina, ...override });
    expect(reply.status).toBe(400);
    expect(reply.json.error?.message).toBe(message);
  });

  it('refuses a code after 10 minutes and after 5 wrong tries', async () => {
    const server = await createTestServer();
    await server.call('account.register', rina);
    const code = codeIn(latestMessage(server.db, 'rina.w@example.com', 'registration_code'));
    server.clock.advance(10 * 60_000 + 1);
    expect((await server.call('account.verifyEmail', { email: rina.email, code })).json.error?.data.appCode).toBe(
      'CODE_INVALID',
    );

    server.clock.advance(60_000);
    await server.call('account.resendVerification', { email: rina.email, locale: 'id' });
    const fresh = codeIn(latestMessage(server.db, 'rina.w@example.com', 'registration_code'));
    const wrong = fresh === '000000' ? '111111' : '000000';
    for (let i = 0; i < 5; i++) await server.call('account.verifyEmail', { email: rina.email, code: wrong });
    expect(
      (await server.call('account.verifyEmail', { email: rina.email, code: fresh })).json.error?.data.appCode,
    ).toBe('CODE_INVALID');
  });

  it('lets exactly one of 50 concurrent uses of one code succeed', async () => {
    const server = await createTestServer();
    await server.call('account.register', rina);
    const code = codeIn(latestMessage(server.db, 'rina.w@example.com', 'registration_code'));
    const replies = await Promise.all(
      Array.from({ length: 50 }, () => server.call('account.verifyEmail', { email: rina.email, code })),
    );
    expect(replies.filter((r) => r.status === 200)).toHaveLength(1);
    expect(new Set(replies.filter((r) => r.status !== 200).map((r) => r.json.error?.data.appCode))).toEqual(
      new Set(['CODE_INVALID']),
    );
  });

  it('keeps a resend cooldown of a minute, identical for unknown addresses', async () => {
    const server = await createTestServer();
    await server.call('account.register', rina);
    const first = await server.call('account.resendVerification', { email: rina.email, locale: 'id' });
    const known = await server.call('account.resendVerification', { email: rina.email, locale: 'id' });
    const firstUnknown = await server.call('account.resendVerification', { email: 'nobody@example.com', locale: 'id' });
    expect(firstUnknown.text).toBe(first.text);
    const unknown = await server.call('account.resendVerification', { email: 'nobody@example.com', locale: 'id' });
    expect(first.status).toBe(200);
    expect(known.status).toBe(429);
    expect(unknown.text).toBe(known.text);
    expect(known.json.error?.data).toMatchObject({ appCode: 'RATE_LIMITED', retryAfterSeconds: 60 });
    expect(messagesTo(server.db, 'nobody@example.com')).toHaveLength(0);
  });

  it('verifies the unverified email of an existing account on request', async () => {
    const server = await createTestServer();
    await server.call('account.resendVerification', { email: 'budi.santoso@example.com', locale: 'id' });
    const code = codeIn(latestMessage(server.db, 'budi.santoso@example.com', 'email_verification_code'));
    expect((await server.call('account.verifyEmail', { email: 'budi.santoso@example.com', code })).status).toBe(200);
    const cookie = await server.loginMember('budi.santoso@example.com', DEMO_MEMBER_PASSWORD);
    const profile = await server.call('member.profile', undefined, { method: 'GET', cookie });
    expect(profile.json.result?.data).toMatchObject({ emailVerified: true });
  });
});
