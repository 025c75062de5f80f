import { describe, expect, it } from 'vitest';
import { DEMO_MEMBER_PASSWORD } from '../../demo/demo-accounts.js';
import { codeIn, latestMessage } from '../../test-support/outbox.js';
import { createTestServer, dataOf, type TestServer } from '../../test-support/test-server.js';

interface Linked {
  accountId: number;
  emailMasked: string;
  kpjNumbersMasked: string[];
  current: boolean;
  proven: boolean;
}

const OLD_EMAIL = 'rudi.h.lama@example.com';

async function rudi(server: TestServer) {
  const cookie = await server.loginMember('rudi.hartono@example.com', DEMO_MEMBER_PASSWORD);
  const { accounts } = dataOf<{ accounts: Linked[] }>(
    await server.call('account.duplicateAccounts', undefined, { method: 'GET', cookie }),
  );
  const other = accounts.find((a) => !a.current);
  const own = accounts.find((a) => a.current);
  if (!other || !own) throw new Error(`expected two accounts, got ${JSON.stringify(accounts)}`);
  return { cookie, other, own, accounts };
}

describe('duplicate accounts ("akun ganda")', () => {
  it('shows Rudi his other account with its email and KPJ masked, and Siti none', async () => {
    const server = await createTestServer();
    const { accounts, other } = await rudi(server);
    expect(accounts).toHaveLength(2);
    expect(other).toMatchObject({ emailMasked: 'r***a@example.com', kpjNumbersMasked: ['*******7777'], proven: false });
    const siti = await server.loginMember('siti.rahayu@example.com', DEMO_MEMBER_PASSWORD);
    const none = dataOf<{ accounts: Linked[] }>(
      await server.call('account.duplicateAccounts', undefined, { method: 'GET', cookie: siti }),
    );
    expect(none.accounts).toEqual([]);
  });

  it('closes the other account only after its password proves it is the same member', async () => {
    const server = await createTestServer();
    const { cookie, own, other } = await rudi(server);
    const early = await server.call('account.closeDuplicateAccounts', { keepAccountId: own.accountId }, { cookie });
    expect(early.json.error?.data.appCode).toBe('CONTROL_NOT_PROVEN');
    const wrong = await server.call(
      'account.proveAccountControl',
      { accountId: other.accountId, password: 'not-the-password-2026' },
      { cookie },
    );
    expect(wrong.json.error?.data.appCode).toBe('INVALID_CREDENTIALS');
    dataOf(
      await server.call(
        'account.proveAccountControl',
        { accountId: other.accountId, password: DEMO_MEMBER_PASSWORD },
        { cookie },
      ),
    );
    const closed = dataOf<{ closedAccountIds: number[]; sessionEnded: boolean }>(
      await server.call('account.closeDuplicateAccounts', { keepAccountId: own.accountId }, { cookie }),
    );
    expect(closed).toEqual({ closedAccountIds: [other.accountId], sessionEnded: false });
    const login = await server.call('auth.login', { identifier: OLD_EMAIL, password: DEMO_MEMBER_PASSWORD });
    expect(login.json.error?.data.appCode).toBe('ACCOUNT_CLOSED');
    expect(latestMessage(server.db, OLD_EMAIL, 'account_closed_notice')).not.toBeNull();
    const after = dataOf<{ accounts: Linked[] }>(
      await server.call('account.duplicateAccounts', undefined, { method: 'GET', cookie }),
    );
    expect(after.accounts).toEqual([]);
  });

  it("accepts a code sent to the other account's email as proof, and may keep that account instead", async () => {
    const server = await createTestServer();
    const { cookie, other, own } = await rudi(server);
    dataOf(await server.call('account.sendAccountControlCode', { accountId: other.accountId }, { cookie }));
    const tooSoon = await server.call('account.sendAccountControlCode', { accountId: other.accountId }, { cookie });
    expect(tooSoon.json.error?.data.appCode).toBe('RATE_LIMITED');
    const code = codeIn(latestMessage(server.db, OLD_EMAIL, 'account_control_code'));
    dataOf(await server.call('account.proveAccountControl', { accountId: other.accountId, code }, { cookie }));
    const reused = await server.call('account.proveAccountControl', { accountId: other.accountId, code }, { cookie });
    expect(reused.json.error?.data.appCode).toBe('CODE_INVALID');
    const closed = dataOf<{ closedAccountIds: number[]; sessionEnded: boolean }>(
      await server.call('account.closeDuplicateAccounts', { keepAccountId: other.accountId }, { cookie }),
    );
    expect(closed).toEqual({ closedAccountIds: [own.accountId], sessionEnded: true });
    const profile = await server.call('member.profile', undefined, { method: 'GET', cookie });
    expect(profile.json.error?.data.appCode).toBe('UNAUTHENTICATED');
    dataOf(await server.call('auth.login', { identifier: OLD_EMAIL, password: DEMO_MEMBER_PASSWORD }));
  });

  it("treats other members' accounts and unknown ids alike, as not found", async () => {
    const server = await createTestServer();
    const { cookie } = await rudi(server);
    for (const accountId of [1, 2, 3, 999]) {
      const reply = await server.call(
        'account.proveAccountControl',
        { accountId, password: DEMO_MEMBER_PASSWORD },
        { cookie },
      );
      expect(reply.json.error?.data.appCode).toBe('ACCOUNT_NOT_FOUND');
      const code = await server.call('account.sendAccountControlCode', { accountId }, { cookie });
      expect(code.json.error?.data.appCode).toBe('ACCOUNT_NOT_FOUND');
    }
  });

  it('asks for the password again when the login is older than ten minutes', async () => {
    const server = await createTestServer();
    const { cookie, own, other } = await rudi(server);
    dataOf(
      await server.call(
        'account.proveAccountControl',
        { accountId: other.accountId, password: DEMO_MEMBER_PASSWORD },
        { cookie },
      ),
    );
    server.clock.advance(11 * 60_000);
    const reply = await server.call('account.closeDuplicateAccounts', { keepAccountId: own.accountId }, { cookie });
    expect(reply.json.error?.data.appCode).toBe('REAUTH_REQUIRED');
  });
});
