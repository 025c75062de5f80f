import { describe, expect, it } from 'vitest';
import { useCliHarness } from './test-support/cli-harness.js';

const { pulih, loggedInAs, testServer } = useCliHarness();

/** The messages queued for a recipient, newest first, read from the test server's outbox. */
function messagesTo(recipient: string): { body: string }[] {
  return testServer()
    .database.sqlite.prepare('SELECT body FROM outbox WHERE recipient = ? ORDER BY created_at DESC, rowid DESC')
    .all(recipient) as { body: string }[];
}

const codeIn = (body: string | undefined) => /\b(\d{6})\b/.exec(body ?? '')?.[1] ?? '';

/** What a caller tells the agent, one fact a line, in the order `callcenter verify` asks. */
const said = (kpj: string, nik: string, fullName: string, birthDate: string, motherName: string) =>
  `${[kpj, nik, fullName, birthDate, motherName].join('\n')}\n`;

const SITI = said('19011111111', '3273015708900001', 'SITI RAHAYU', '1990-08-17', 'SUMARNI');
const SITI_EMAIL = 'siti.rahayu@example.com';
const SITI_PHONE = '+6281234567890';

interface Opened {
  caseId: string;
  outcome: 'passed' | 'failed';
  expiresAt: string | null;
}

async function verifyCaller(agent: Record<string, string>, facts: string): Promise<Opened> {
  const result = await pulih(['callcenter', 'verify', '--json'], agent, facts);
  expect(result.code, result.stderr).toBe(0);
  return JSON.parse(result.stdout) as Opened;
}

const inPerson = ['--checked', 'ktp,kpj-card', '--photo-matches', '--reason', 'datang ke kantor cabang'];

async function verifyAtCounter(officer: Record<string, string>, extra: string[] = inPerson): Promise<Opened> {
  const result = await pulih(
    ['branch', 'verify', '--kpj', '19011111111', '--nik', '3273015708900001', ...extra, '--json'],
    officer,
  );
  expect(result.code, result.stderr).toBe(0);
  return JSON.parse(result.stdout) as Opened;
}

describe('pulih callcenter verify', () => {
  it('has no option for any of the facts, so they never reach shell history or process lists', async () => {
    const help = await pulih(['callcenter', 'verify', '--help']);
    expect(help.code).toBe(0);
    expect(help.stdout).toContain('--json');
    const options = help.stdout.match(/--[a-z-]+/g) ?? [];
    expect(options.filter((o) => /kpj|nik|name|birth|date|mother|ibu/.test(o))).toEqual([]);
    const refused = await pulih(['callcenter', 'verify', '--kpj', '19011111111'], await loggedInAs('demo.agent'));
    expect(refused.code).toBe(2);
    expect(refused.stderr).toBe("error: unknown option '--kpj'\n");
  });

  it('passes a caller who knows the facts, piped on standard input, and opens a case', async () => {
    const agent = await loggedInAs('demo.agent');
    const result = await pulih(['callcenter', 'verify'], agent, SITI);
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toMatch(/^LULUS \/ passed\n {2}Kasus \/ case {7}\S+\n {2}Berlaku \/ expires {2}\S+Z\n/);
    expect(`${result.stdout}${result.stderr}`).not.toMatch(/SUMARNI|1990-08-17/);
  });

  it('shows the case with masked contacts and sends a reset to a registered contact only', async () => {
    const agent = await loggedInAs('demo.agent');
    const opened = await verifyCaller(agent, SITI);
    expect(opened.outcome).toBe('passed');

    const shown = await pulih(['case', 'show', opened.caseId], agent);
    expect(shown.code, shown.stderr).toBe(0);
    expect(shown.stdout).toContain('SITI RAHAYU');
    expect(shown.stdout).toContain('s***u@example.com');
    expect(shown.stdout).toContain('0812-****-**90');
    expect(shown.stdout).not.toContain(SITI_EMAIL);
    expect(shown.stdout).toContain('disamarkan / masked');
    const json = JSON.parse((await pulih(['case', 'show', opened.caseId, '--json'], agent)).stdout);
    expect(json).toMatchObject({
      caseId: opened.caseId,
      channel: 'call_center',
      outcome: 'passed',
      member: { disclosure: 'masked' },
      // The policy prefers the registered phone for a call-center reset when the member has one.
      allowed: { sendReset: true, resetDelivery: 'registered_phone', changeContact: false },
    });

    const before = { phone: messagesTo(SITI_PHONE).length, email: messagesTo(SITI_EMAIL).length };
    const dry = await pulih(
      ['recovery', 'send-reset', '--case', opened.caseId, '--reason', 'penelepon lupa kata sandi', '--dry-run'],
      agent,
    );
    expect(dry.code, dry.stderr).toBe(0);
    expect(dry.stdout).toBe(
      '[dry-run] would send a reset to nomor HP terdaftar / the registered phone; nothing sent.\n',
    );
    expect(messagesTo(SITI_PHONE)).toHaveLength(before.phone);

    const sent = await pulih(
      ['recovery', 'send-reset', '--case', opened.caseId, '--reason', 'penelepon lupa kata sandi', '--json'],
      agent,
    );
    expect(sent.code, sent.stderr).toBe(0);
    expect(JSON.parse(sent.stdout)).toEqual({ sentTo: 'registered_phone', maskedDestination: '0812-****-**90' });
    expect(messagesTo(SITI_PHONE)).toHaveLength(before.phone + 1);
    expect(messagesTo(SITI_EMAIL)).toHaveLength(before.email);
  });

  it('fails a wrong mother’s name without saying which answer was wrong', async () => {
    const agent = await loggedInAs('demo.agent');
    const facts = said('19044444444', '3578044211790003', 'DEWI LESTARI', '1979-11-02', 'SUMIATI');
    const result = await pulih(['callcenter', 'verify'], agent, facts);
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toMatch(/^GAGAL \/ failed\n/);
    const json = await verifyCaller(agent, facts);
    expect(Object.keys(json).sort()).toEqual(['caseId', 'expiresAt', 'outcome']);
    expect(json.outcome).toBe('failed');
    // A failed case opens nothing: there is nothing to show in it.
    const shown = await pulih(['case', 'show', json.caseId], agent);
    expect(shown.stderr).toBe('pulih: No open case of yours has that id. (CASE_NOT_FOUND)\n');
    for (const output of [result.stdout, result.stderr]) {
      expect(output).not.toMatch(/mother|ibu kandung|maiden|KARTINI|SUMIATI|birth|lahir/i);
    }
  });

  it('closes verification for the day after three failures, even for the right answers', async () => {
    const agent = await loggedInAs('demo.agent');
    const wrong = said('19033333333', '3174051203850002', 'BUDI SANTOSO', '1985-03-12', 'SAMINAH');
    for (let attempt = 1; attempt <= 3; attempt++) expect((await verifyCaller(agent, wrong)).outcome).toBe('failed');
    const right = said('19033333333', '3174051203850002', 'BUDI SANTOSO', '1985-03-12', 'PAINEM');
    const fourth = await pulih(['callcenter', 'verify'], agent, right);
    expect(fourth.code).toBe(1);
    expect(fourth.stderr).toMatch(/^pulih: [^\n]*closed for today[^\n]* \(RATE_LIMITED\)\n$/);
  });

  it('says in one line which fact is missing from standard input', async () => {
    const result = await pulih(['callcenter', 'verify'], await loggedInAs('demo.agent'), '19011111111\n');
    expect(result.code).toBe(1);
    expect(result.stderr).toBe('pulih: no answer for "NIK" (type it when asked, one per line)\n');
  });

  it('refuses an agent the branch counter', async () => {
    const agent = await loggedInAs('demo.agent');
    const result = await pulih(
      ['branch', 'verify', '--kpj', '19011111111', '--nik', '3273015708900001', ...inPerson],
      agent,
    );
    expect(result.code).toBe(1);
    expect(result.stderr).toBe('pulih: Your role may not do this. (FORBIDDEN)\n');
  });
});

describe('pulih branch verify', () => {
  it('opens an in-person case with full contacts and prints a one-time recovery code', async () => {
    const officer = await loggedInAs('demo.branch');
    const verified = await pulih(
      ['branch', 'verify', '--kpj', '19011111111', '--nik', '3273015708900001', ...inPerson],
      officer,
    );
    expect(verified.code, verified.stderr).toBe(0);
    expect(verified.stdout).toMatch(/^LULUS \/ passed\n/);
    const caseId = /Kasus \/ case\s+(\S+)/.exec(verified.stdout)?.[1] ?? '';

    const shown = await pulih(['case', 'show', caseId], officer);
    expect(shown.code, shown.stderr).toBe(0);
    expect(shown.stdout).toContain(SITI_EMAIL);
    expect(shown.stdout).toContain('lengkap / full');
    const json = JSON.parse((await pulih(['case', 'show', caseId, '--json'], officer)).stdout);
    expect(json).toMatchObject({
      channel: 'branch_counter',
      member: { disclosure: 'full', email: SITI_EMAIL },
      allowed: { printCode: true, changeContact: true },
    });

    const printed = await pulih(['recovery', 'print-code', '--case', caseId, '--reason', 'lupa kata sandi'], officer);
    expect(printed.code, printed.stderr).toBe(0);
    expect(printed.stdout).toMatch(/┃ {4}\d( {2}\d){5} {4}┃/);
    expect(printed.stdout).toContain(
      'Buka /reset-password, masukkan nomor KPJ dan kode ini, lalu buat kata sandi baru.',
    );
    expect(printed.stdout).toMatch(/Berlaku sampai \/ valid until: \S+Z/);
    const again = await pulih(
      ['recovery', 'print-code', '--case', caseId, '--reason', 'lupa kata sandi', '--json'],
      officer,
    );
    const { code } = JSON.parse(again.stdout) as { code: string };
    expect(code).toMatch(/^\d{6}$/);

    // The member types the KPJ and the printed code at /reset-password and chooses a password.
    const reset = await testServer().call('auth.resetPassword', {
      identifier: '19011111111',
      code,
      newPassword: 'Rahayu-Baru-2026!',
    });
    expect(reset.status, reset.text).toBe(200);
    await testServer().loginMember('19011111111', 'Rahayu-Baru-2026!');
  });

  it('changes the email with the code sent to it, after a dry run that changes nothing', async () => {
    const officer = await loggedInAs('demo.branch');
    const { caseId } = await verifyAtCounter(officer);
    const newEmail = 'siti.baru@example.com';
    const change = ['case', 'change-contact', '--case', caseId, '--email', newEmail, '--reason', 'email lama hilang'];

    const dry = await pulih([...change, '--dry-run', '--json'], officer);
    expect(dry.code, dry.stderr).toBe(0);
    expect(JSON.parse(dry.stdout)).toEqual({
      dryRun: true,
      caseId,
      allowed: true,
      kind: 'email',
      current: SITI_EMAIL,
      value: newEmail,
    });
    expect(messagesTo(newEmail)).toHaveLength(0);

    const requested = await pulih(change, officer);
    expect(requested.code, requested.stderr).toBe(0);
    expect(requested.stdout).toContain(`code sent to ${newEmail}`);
    const code = codeIn(messagesTo(newEmail)[0]?.body);
    expect(code).toMatch(/^\d{6}$/);

    const confirmed = await pulih(['case', 'confirm-contact', '--case', caseId, '--email', '--code', code], officer);
    expect(confirmed.code, confirmed.stderr).toBe(0);
    expect(confirmed.stdout).toContain('email changed');
    const shown = JSON.parse((await pulih(['case', 'show', caseId, '--json'], officer)).stdout);
    expect(shown.member.email).toBe(newEmail);
  });

  it('records a check without --photo-matches as a photo that does not match', async () => {
    const officer = await loggedInAs('demo.branch');
    const opened = await verifyAtCounter(officer, ['--checked', 'ktp,kpj-card', '--reason', 'foto berbeda']);
    expect(opened.outcome).toBe('failed');
  });

  it('closes a case, after which nothing more can be done in it', async () => {
    const officer = await loggedInAs('demo.branch');
    const { caseId } = await verifyAtCounter(officer);
    const closed = await pulih(['case', 'close', caseId], officer);
    expect(closed.code, closed.stderr).toBe(0);
    expect(closed.stdout).toBe(`Kasus ditutup / case closed: ${caseId}\n`);
    const late = await pulih(['recovery', 'print-code', '--case', caseId, '--reason', 'lupa kata sandi'], officer);
    expect(late.code).toBe(1);
    expect(late.stderr).toMatch(/^pulih: .* \(CASE_EXPIRED\)\n$/);
  });

  it('hides a branch officer’s case from a call center agent', async () => {
    const { caseId } = await verifyAtCounter(await loggedInAs('demo.branch'));
    const other = await pulih(['case', 'show', caseId], await loggedInAs('demo.agent'));
    expect(other.code).toBe(1);
    expect(other.stderr).toBe('pulih: No open case of yours has that id. (CASE_NOT_FOUND)\n');
  });

  it('exits with 2 on usage errors, before calling the API', async () => {
    const officer = await loggedInAs('demo.branch');
    const base = ['branch', 'verify', '--kpj', '19011111111', '--nik', '3273015708900001'];
    const cases = [
      [...base, '--checked', 'ktp,passport', '--reason', 'x'],
      [...base, '--checked', 'ktp,kpj-card'],
      [...base, '--checked', 'ktp', '--reason', '   '],
      ['case', 'change-contact', '--case', 'c1', '--reason', 'x'],
      ['case', 'change-contact', '--case', 'c1', '--email', 'a@example.com', '--phone', '0812', '--reason', 'x'],
      ['case', 'confirm-contact', '--case', 'c1', '--code', '123456'],
      ['recovery', 'send-reset', '--case', 'c1'],
    ];
    for (const args of cases) {
      const result = await pulih(args, officer);
      expect(result.code, args.join(' ')).toBe(2);
      expect(result.stderr.trim().split('\n'), args.join(' ')).toHaveLength(1);
    }
  });
});
