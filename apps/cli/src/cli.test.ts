import { spawn } from 'node:child_process';
import { mkdtempSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DEMO_STAFF_PASSWORD, listen } from '@pulih/api';
import { asFileTamperer, createTestServer, DEMO_STAFF_TOTP_SECRETS, totpCode } from '@pulih/api/testing';
import { describe, expect, it } from 'vitest';
import { pulihBin, useCliHarness } from './test-support/cli-harness.js';

const { pulih, loggedInAs, testServer, apiUrl } = useCliHarness();
const bin = pulihBin;

/**
 * The code an authenticator app would show, on the test server's clock. A code is accepted
 * once, so each login first steps the clock to the next 30-second window, as a person would wait.
 */
const codeFor = (secret: string) => {
  testServer().clock.advance(30_000);
  return totpCode(secret, testServer().clock.now());
};
const demoCode = (username: keyof typeof DEMO_STAFF_TOTP_SECRETS) => codeFor(DEMO_STAFF_TOTP_SECRETS[username]);

const freshConfig = () => mkdtempSync(join(tmpdir(), 'pulih-cli-'));

describe('pulih login', () => {
  it('stores the staff token in the config directory, readable by the user alone', async () => {
    const config = freshConfig();
    const result = await pulih(
      ['login', '--username', 'demo.agent'],
      { PULIH_CONFIG_DIR: config },
      `${DEMO_STAFF_PASSWORD}\n${demoCode('demo.agent')}\n`,
    );
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('call_center_agent');
    expect(statSync(join(config, 'credentials.json')).mode & 0o777).toBe(0o600);
  });

  it('says in one line that the password is wrong and exits non-zero', async () => {
    const config = freshConfig();
    const result = await pulih(['login', '-u', 'demo.agent'], {
      PULIH_CONFIG_DIR: config,
      PULIH_STAFF_PASSWORD: 'wrong-password',
    });
    expect(result.code).toBe(1);
    expect(result.stderr).toBe('pulih: The username or password is wrong. (INVALID_CREDENTIALS)\n');
  });

  it('says in one line when the API cannot be reached', async () => {
    const result = await pulih(['login', '-u', 'demo.agent', '--api-url', 'http://127.0.0.1:1'], {
      PULIH_CONFIG_DIR: freshConfig(),
      PULIH_STAFF_PASSWORD: 'x',
    });
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/^pulih: cannot reach the Pulih API at http:\/\/127\.0\.0\.1:1 .*\n$/);
  });
});

describe('pulih login with TOTP', () => {
  it('takes the code from PULIH_STAFF_TOTP without asking', async () => {
    const result = await pulih(['login', '-u', 'demo.agent', '--json'], {
      PULIH_CONFIG_DIR: freshConfig(),
      PULIH_STAFF_PASSWORD: DEMO_STAFF_PASSWORD,
      PULIH_STAFF_TOTP: demoCode('demo.agent'),
    });
    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout)).toMatchObject({ username: 'demo.agent', role: 'call_center_agent' });
  });

  it('says in one line that no code was entered when asked for one', async () => {
    const result = await pulih(['login', '-u', 'demo.agent'], {
      PULIH_CONFIG_DIR: freshConfig(),
      PULIH_STAFF_PASSWORD: DEMO_STAFF_PASSWORD,
    });
    expect(result.code).toBe(1);
    expect(result.stderr).toBe('pulih: no authenticator code entered (type it when asked, or set PULIH_STAFF_TOTP)\n');
  });

  it('says in one line that the code is wrong', async () => {
    const wrong = demoCode('demo.agent') === '000000' ? '111111' : '000000';
    const result = await pulih(['login', '-u', 'demo.agent'], {
      PULIH_CONFIG_DIR: freshConfig(),
      PULIH_STAFF_PASSWORD: DEMO_STAFF_PASSWORD,
      PULIH_STAFF_TOTP: wrong,
    });
    expect(result.code).toBe(1);
    expect(result.stderr).toBe('pulih: The authenticator code is wrong or expired. (INVALID_CREDENTIALS)\n');
  });

  it('refuses a malformed PULIH_STAFF_TOTP as a bad setting', async () => {
    const result = await pulih(['login', '-u', 'demo.agent'], {
      PULIH_CONFIG_DIR: freshConfig(),
      PULIH_STAFF_PASSWORD: DEMO_STAFF_PASSWORD,
      PULIH_STAFF_TOTP: '12345',
    });
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/^pulih: bad setting PULIH_STAFF_TOTP: .*\n$/);
  });
});

describe('pulih member show', () => {
  const loggedIn = async () => {
    const config = freshConfig();
    const login = await pulih(['login', '-u', 'demo.agent'], {
      PULIH_CONFIG_DIR: config,
      PULIH_STAFF_PASSWORD: DEMO_STAFF_PASSWORD,
      PULIH_STAFF_TOTP: demoCode('demo.agent'),
    });
    expect(login.code).toBe(0);
    return { PULIH_CONFIG_DIR: config };
  };

  it('shows the member with masked email and phone', async () => {
    const result = await pulih(['member', 'show', '19011111111'], await loggedIn());
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('SITI RAHAYU');
    expect(result.stdout).toContain('s***u@example.com (terverifikasi)');
    expect(result.stdout).toContain('0812-****-**90');
    expect(result.stdout).not.toContain('siti.rahayu@example.com');
  });

  it('prints one JSON object with --json, looked up by NIK', async () => {
    const result = await pulih(['member', 'show', '3273015708900001', '--json'], await loggedIn());
    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout)).toMatchObject({
      fullName: 'SITI RAHAYU',
      disclosure: 'masked',
      phone: '0812-****-**90',
    });
  });

  it('explains a malformed NIK in one line with a non-zero exit', async () => {
    const result = await pulih(['member', 'show', '9974051708900003'], await loggedIn());
    expect(result.code).toBe(1);
    expect(result.stderr).toBe('pulih: Give an 11-digit KPJ number or a valid 16-digit NIK. (INVALID_INPUT)\n');
  });

  it('tells an unknown member apart from a malformed key', async () => {
    const result = await pulih(['member', 'show', '99999999999'], await loggedIn());
    expect(result.code).toBe(1);
    expect(result.stderr).toBe('pulih: No member matches that KPJ or NIK. (MEMBER_NOT_FOUND)\n');
  });

  it('asks staff to log in first', async () => {
    const result = await pulih(['member', 'show', '19011111111'], { PULIH_CONFIG_DIR: freshConfig() });
    expect(result.code).toBe(1);
    expect(result.stderr).toBe('pulih: not logged in: run `pulih login` first\n');
  });

  it('exits with 2 and one line on an unknown command', async () => {
    const result = await pulih(['member', 'frobnicate'], { PULIH_CONFIG_DIR: freshConfig() });
    expect(result.code).toBe(2);
    expect(result.stderr.trim().split('\n')).toHaveLength(1);
  });

  it('forgets the token on logout', async () => {
    const env = await loggedIn();
    expect((await pulih(['logout'], env)).code).toBe(0);
    expect((await pulih(['member', 'show', '19011111111'], env)).code).toBe(1);
  });
});

/** Runs `pulih`, answering on standard input once `answer` finds what it waits for in the output. */
function pulihInteractive(args: string[], env: Record<string, string>, answer: (stdout: string) => string | undefined) {
  return new Promise<{ code: number; stdout: string; stderr: string }>((resolve) => {
    const child = spawn(process.execPath, [bin, ...args], {
      env: { PATH: process.env.PATH ?? '', PULIH_API_URL: apiUrl(), ...env },
    });
    let stdout = '';
    let stderr = '';
    let answered = false;
    child.stdout.on('data', (chunk: Buffer) => {
      stdout += chunk.toString();
      const reply = answered ? undefined : answer(stdout);
      if (reply !== undefined) {
        answered = true;
        child.stdin.end(`${reply}\n`);
      }
    });
    child.stderr.on('data', (chunk: Buffer) => {
      stderr += chunk.toString();
    });
    child.on('close', (code) => resolve({ code: code ?? 1, stdout, stderr }));
  });
}

const NEW_PASSWORD = 'correct-horse-battery';

async function addStaff(admin: Record<string, string>, username: string, role = 'customer_service_agent') {
  const result = await pulih(
    ['staff', 'add', username, '--full-name', `Staf ${username}`, '--role', role],
    admin,
    `${NEW_PASSWORD}\n`,
  );
  expect(result.code, result.stderr).toBe(0);
  return result;
}

describe('pulih staff', () => {
  it('adds a user who enrolls TOTP at first login: QR code and secret shown once, then the code', async () => {
    const admin = await loggedInAs('demo.admin');
    const added = await addStaff(admin, 'cli.enrol');
    expect(added.stdout).toContain('cli.enrol (customer_service_agent)');

    const config = freshConfig();
    const result = await pulihInteractive(
      ['login', '-u', 'cli.enrol'],
      { PULIH_CONFIG_DIR: config, PULIH_STAFF_PASSWORD: NEW_PASSWORD },
      (stdout) => {
        const secret = /secret=([A-Z2-7]+)/.exec(stdout)?.[1];
        return secret ? codeFor(secret) : undefined;
      },
    );
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toContain('▀'); // the terminal QR code
    const secret = /secret=([A-Z2-7]+)/.exec(result.stdout)?.[1] ?? '';
    expect(result.stdout.split(secret).length - 1).toBe(2); // as text and in the URI, once each
    expect(result.stdout).toContain('Masuk sebagai Staf cli.enrol (customer_service_agent)');
    expect(statSync(join(config, 'credentials.json')).mode & 0o777).toBe(0o600);
  });

  it('finishes an interrupted enrollment with the code of the secret shown before', async () => {
    const admin = await loggedInAs('demo.admin');
    await addStaff(admin, 'cli.later');
    const env = { PULIH_CONFIG_DIR: freshConfig(), PULIH_STAFF_PASSWORD: NEW_PASSWORD };
    const first = await pulih(['login', '-u', 'cli.later'], env);
    expect(first.code).toBe(1);
    const secret = /secret=([A-Z2-7]+)/.exec(first.stdout)?.[1] ?? '';
    expect(secret).toMatch(/^[A-Z2-7]{32}$/);
    const second = await pulih(['login', '-u', 'cli.later', '--json'], { ...env, PULIH_STAFF_TOTP: codeFor(secret) });
    expect(second.code, second.stderr).toBe(0);
    expect(JSON.parse(second.stdout)).toMatchObject({ username: 'cli.later', role: 'customer_service_agent' });
  });

  it('refuses a short initial password in one line', async () => {
    const admin = await loggedInAs('demo.admin');
    const result = await pulih(
      ['staff', 'add', 'cli.short', '--full-name', 'X', '--role', 'branch_officer'],
      admin,
      'too-short\n',
    );
    expect(result.code).toBe(1);
    expect(result.stderr).toBe('pulih: A staff password needs at least 12 characters. (INVALID_INPUT)\n');
  });

  it('exits with 2 on an unknown role, before calling the API', async () => {
    const admin = await loggedInAs('demo.admin');
    const add = await pulih(['staff', 'add', 'cli.role', '--full-name', 'X', '--role', 'boss'], admin, 'x\n');
    expect(add.code).toBe(2);
    expect(add.stderr.trim().split('\n')).toHaveLength(1);
    const setRole = await pulih(['staff', 'set-role', 'demo.agent', 'boss'], admin);
    expect(setRole.code).toBe(2);
  });

  it('lists staff as a table and as JSON, without secrets', async () => {
    const admin = await loggedInAs('demo.admin');
    const table = await pulih(['staff', 'list'], admin);
    expect(table.code).toBe(0);
    expect(table.stdout).toMatch(/demo\.supervisor\s+supervisor\s+totp\s+aktif\/active/);
    const json = await pulih(['staff', 'list', '--json'], admin);
    const list = JSON.parse(json.stdout) as { username: string }[];
    expect(list.map((s) => s.username)).toEqual(expect.arrayContaining(['demo.admin', 'demo.agent']));
    expect(json.stdout).not.toMatch(/PULIHDEMO|totpSecret|passwordHash/);
  });

  it('refuses staff administration to other roles in one line', async () => {
    const agent = await loggedInAs('demo.agent');
    const result = await pulih(['staff', 'list'], agent);
    expect(result.code).toBe(1);
    expect(result.stderr).toBe('pulih: Your role may not do this. (FORBIDDEN)\n');
  });

  it('shows what disable would do with --dry-run, then disables and revokes the tokens', async () => {
    const admin = await loggedInAs('demo.admin');
    await addStaff(admin, 'cli.leaver');
    const leaverSecret = { value: '' };
    const leaverEnv = { PULIH_CONFIG_DIR: freshConfig(), PULIH_STAFF_PASSWORD: NEW_PASSWORD };
    const enrol = await pulihInteractive(['login', '-u', 'cli.leaver'], leaverEnv, (stdout) => {
      leaverSecret.value = /secret=([A-Z2-7]+)/.exec(stdout)?.[1] ?? '';
      return leaverSecret.value ? codeFor(leaverSecret.value) : undefined;
    });
    expect(enrol.code, enrol.stderr).toBe(0);

    const dry = await pulih(['staff', 'disable', 'cli.leaver', '--dry-run', '--json'], admin);
    expect(JSON.parse(dry.stdout)).toEqual({
      dryRun: true,
      username: 'cli.leaver',
      role: 'customer_service_agent',
      alreadyDisabled: false,
      wouldRevokeTokens: 1,
    });
    const dryText = await pulih(['staff', 'disable', 'cli.leaver', '--dry-run'], admin);
    expect(dryText.stdout).toContain('[dry-run] would disable cli.leaver');
    expect((await pulih(['member', 'show', '19011111111'], leaverEnv)).code).toBe(0);

    const done = await pulih(['staff', 'disable', 'cli.leaver'], admin);
    expect(done.code).toBe(0);
    expect(done.stdout).toContain('disabled cli.leaver; 1 token(s) revoked');
    const after = await pulih(['member', 'show', '19011111111'], leaverEnv);
    expect(after.code).toBe(1);
    expect(after.stderr).toBe('pulih: not logged in or the session expired: run `pulih login`\n');
  });

  it('names an unknown user in a dry run', async () => {
    const admin = await loggedInAs('demo.admin');
    const result = await pulih(['staff', 'revoke-tokens', 'nobody', '--dry-run'], admin);
    expect(result.code).toBe(1);
    expect(result.stderr).toBe('pulih: No staff user is called "nobody".\n');
  });

  it('changes a role', async () => {
    const admin = await loggedInAs('demo.admin');
    await addStaff(admin, 'cli.promoted');
    const result = await pulih(['staff', 'set-role', 'cli.promoted', 'supervisor', '--json'], admin);
    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout)).toEqual({
      username: 'cli.promoted',
      role: 'supervisor',
      previousRole: 'customer_service_agent',
    });
  });

  it('revokes tokens, after a dry run that changes nothing', async () => {
    const admin = await loggedInAs('demo.admin');
    const branch = await loggedInAs('demo.branch');
    const dry = await pulih(['staff', 'revoke-tokens', 'demo.branch', '--dry-run'], admin);
    expect(dry.stdout).toMatch(/\[dry-run\] would revoke \d+ live token\(s\) of demo\.branch; nothing changed\./);
    expect((await pulih(['member', 'show', '19011111111'], branch)).code).toBe(0);
    const done = await pulih(['staff', 'revoke-tokens', 'demo.branch', '--json'], admin);
    expect(JSON.parse(done.stdout)).toMatchObject({ username: 'demo.branch' });
    expect((await pulih(['member', 'show', '19011111111'], branch)).code).toBe(1);
  });
});

describe('pulih audit', () => {
  it('lists the entries about a member, newest first, as text and JSON', async () => {
    const agent = await loggedInAs('demo.agent');
    await pulih(['member', 'show', '19044444444'], agent);
    const supervisor = await loggedInAs('demo.supervisor');
    const json = await pulih(['audit', 'log', '--member', '19044444444', '--json'], supervisor);
    expect(json.code).toBe(0);
    const entries = JSON.parse(json.stdout) as { action: string; actorKind: string }[];
    expect(entries[0]).toMatchObject({ action: 'member.viewed', actorKind: 'staff' });
    const text = await pulih(['audit', 'log', '--limit', '2'], supervisor);
    expect(text.code).toBe(0);
    expect(text.stdout.trim().split('\n')).toHaveLength(2);
    expect(text.stdout).toMatch(/^#\d+ {2}\S+Z {2}\S+ {2}\S+ {2}\S+/);
  });

  it('exits with 2 on a limit out of range', async () => {
    const supervisor = await loggedInAs('demo.supervisor');
    const result = await pulih(['audit', 'log', '--limit', '501'], supervisor);
    expect(result.code).toBe(2);
  });

  it('reports an intact chain, and names the first broken entry with exit 1', async () => {
    // A server of its own: tampering must not break the chain the other tests share.
    const own = await createTestServer();
    const running = await listen(own.app, 0, '127.0.0.1');
    try {
      const env = { PULIH_CONFIG_DIR: freshConfig(), PULIH_API_URL: running.url };
      const login = await pulih(['login', '-u', 'demo.admin'], {
        ...env,
        PULIH_STAFF_PASSWORD: DEMO_STAFF_PASSWORD,
        PULIH_STAFF_TOTP: totpCode(DEMO_STAFF_TOTP_SECRETS['demo.admin'], own.clock.now()),
      });
      expect(login.code).toBe(0);
      const intact = await pulih(['audit', 'verify'], env);
      expect(intact.code).toBe(0);
      expect(intact.stdout).toMatch(/^Rantai audit utuh \/ audit chain intact: \d+ entries\.\n$/);

      asFileTamperer(own.database.sqlite)
        .prepare(`UPDATE audit_log SET action = 'nothing.happened' WHERE id = 1`)
        .run();
      const broken = await pulih(['audit', 'verify'], env);
      expect(broken.code).toBe(1);
      expect(broken.stderr).toMatch(/^pulih: audit chain broken at entry #1 \(\d+ entries checked\)\n$/);
      const json = await pulih(['audit', 'verify', '--json'], env);
      expect(json.code).toBe(1);
      expect(JSON.parse(json.stdout)).toMatchObject({ ok: false, firstBrokenId: 1 });
    } finally {
      await running.close();
    }
  });

  it('refuses the audit log to an agent', async () => {
    const agent = await loggedInAs('demo.agent');
    const result = await pulih(['audit', 'verify'], agent);
    expect(result.code).toBe(1);
    expect(result.stderr).toBe('pulih: Your role may not do this. (FORBIDDEN)\n');
  });
});
