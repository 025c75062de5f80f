import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { useCliHarness } from './test-support/cli-harness.js';

const { pulih, loggedInAs, testServer } = useCliHarness();

const SITI_EMAIL = 'siti.rahayu@example.com';
const SITI_TEXT = 'Nama: SITI RAHAYU\nKPJ: 19011111111\nNIK: 3273015708900001\nHP: 0812-3456-7890\nSaya lupa email.';

/**
 * A ticket as the inbound SMTP listener stores it (the listener itself is tested over real
 * SMTP in @pulih/api); the CLI tests are about the staff commands.
 */
function receiveMail(from: string, body: string, subject = 'Lupa email akun'): string {
  const id = randomUUID();
  testServer().clock.advance(1_000);
  testServer()
    .database.sqlite.prepare(
      `INSERT INTO support_tickets (id, message_id, from_address, subject, body, attachment_count, status, received_at)
       VALUES (?, ?, ?, ?, ?, 0, 'open', ?)`,
    )
    .run(id, `<${id}@mail.example>`, from, subject, body, testServer().clock.now().toISOString());
  return id;
}

const outboxTo = (recipient: string) =>
  testServer()
    .database.sqlite.prepare(
      'SELECT template, body FROM outbox WHERE recipient = ? ORDER BY created_at DESC, rowid DESC',
    )
    .all(recipient) as { template: string; body: string }[];

describe('pulih tickets', () => {
  it('lists open tickets with the sender masked, shows one with the NIK masked, and closes it', async () => {
    const supervisor = await loggedInAs('demo.supervisor');
    const ticketId = receiveMail(SITI_EMAIL, SITI_TEXT);
    const listed = await pulih(['tickets', 'list'], supervisor);
    expect(listed.code, listed.stderr).toBe(0);
    expect(listed.stdout).toMatch(
      new RegExp(`^${ticketId} +\\S+Z +open +s\\*\\*\\*u@example\\.com +Lupa email akun$`, 'm'),
    );
    expect(listed.stdout).not.toContain(SITI_EMAIL);

    const shown = await pulih(['tickets', 'show', ticketId], supervisor);
    expect(shown.code, shown.stderr).toBe(0);
    expect(shown.stdout).toContain('3273********0001');
    expect(shown.stdout).toContain('0812-****-**90');
    expect(shown.stdout).not.toContain('3273015708900001');

    const closed = await pulih(['tickets', 'close', ticketId, '--json'], supervisor);
    expect(closed.code, closed.stderr).toBe(0);
    expect(JSON.parse(closed.stdout)).toMatchObject({ ticketId, status: 'closed' });
    const open = JSON.parse((await pulih(['tickets', 'list', '--json'], supervisor)).stdout);
    expect(open.tickets.map((t: { ticketId: string }) => t.ticketId)).not.toContain(ticketId);
  });

  it('verifies the facts in a mail as a table of ticks and crosses', async () => {
    const supervisor = await loggedInAs('demo.supervisor');
    const ticketId = receiveMail('orang.lain@gmail.com', 'Nama: SITI RAHAYU\nKPJ 19011111111\nHP 0813-0000-1111');
    const verified = await pulih(['tickets', 'verify', ticketId], supervisor);
    expect(verified.code, verified.stderr).toBe(0);
    expect(verified.stdout).toBe(
      [
        '  ✓ Peserta ditemukan / member found',
        '  ✓ KPJ cocok / KPJ matches',
        '  ✓ Nama cocok / name matches',
        '  ✗ Telepon cocok / phone matches',
        '  ✗ Pengirim = email terdaftar / sender is registered',
        'Balasan ke / a reply goes to: pengirim, jawaban netral / the sender, neutral answer (no account data)',
        '',
      ].join('\n'),
    );
  });

  it('says where a reply would go on a dry run, then sends it to the registered email only', async () => {
    const supervisor = await loggedInAs('demo.supervisor');
    const ticketId = receiveMail(SITI_EMAIL, SITI_TEXT);
    const reply = [
      'tickets',
      'reply',
      ticketId,
      '--message',
      'Email Anda: s***u@example.com',
      '--reason',
      'lupa email',
    ];
    const before = outboxTo(SITI_EMAIL).length;
    const dry = await pulih([...reply, '--dry-run'], supervisor);
    expect(dry.code, dry.stderr).toBe(0);
    expect(dry.stdout).toBe('[dry-run] would reply to email terdaftar / the registered email; nothing sent.\n');
    expect(outboxTo(SITI_EMAIL)).toHaveLength(before);

    const sent = await pulih(reply, supervisor);
    expect(sent.code, sent.stderr).toBe(0);
    expect(sent.stdout).toBe(
      'Balasan dikirim ke / reply sent to email terdaftar / the registered email: s***u@example.com\n',
    );
    expect(outboxTo(SITI_EMAIL)[0]).toMatchObject({ template: 'support_reply' });
  });

  it('answers a stranger neutrally, and refuses a reply with a full NIK in one line', async () => {
    const supervisor = await loggedInAs('demo.supervisor');
    const ticketId = receiveMail('stranger@gmail.com', SITI_TEXT);
    const refused = await pulih(
      ['tickets', 'reply', ticketId, '--message', 'NIK 3273015708900001', '--reason', 'x'],
      supervisor,
    );
    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(/^pulih: Write masked data only[^\n]*\(INVALID_INPUT\)\n$/);
    const sent = await pulih(
      ['tickets', 'reply', ticketId, '--message', 'Email Anda s***u@example.com', '--reason', 'x', '--json'],
      supervisor,
    );
    expect(sent.code, sent.stderr).toBe(0);
    expect(JSON.parse(sent.stdout)).toEqual({
      sentTo: 'sender_neutral',
      maskedDestination: 's***r@gmail.com',
      neutralToSender: true,
    });
    expect(outboxTo('stranger@gmail.com')[0]?.template).toBe('support_neutral_reply');
  });

  it('refuses roles without customer service, an unknown ticket, and a reply without a reason', async () => {
    const agent = await loggedInAs('demo.agent');
    const forbidden = await pulih(['tickets', 'list'], agent);
    expect(forbidden.code).toBe(1);
    expect(forbidden.stderr).toBe('pulih: Your role may not do this. (FORBIDDEN)\n');
    const supervisor = await loggedInAs('demo.supervisor');
    const unknown = await pulih(['tickets', 'show', 'no-such-ticket'], supervisor);
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toBe('pulih: No customer-service ticket has that id. (TICKET_NOT_FOUND)\n');
    const usage = await pulih(['tickets', 'reply', 'x', '--message', 'halo'], supervisor);
    expect(usage.code).toBe(2);
    expect(usage.stderr).toMatch(/required option '--reason <text>' not specified/);
  });
});
