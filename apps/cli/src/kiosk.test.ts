import { describe, expect, it } from 'vitest';
import { useCliHarness } from './test-support/cli-harness.js';

const { pulih, loggedInAs, testServer } = useCliHarness();

/** Pairs a kiosk with the code `pulih kiosk pair` printed, as the kiosk's staff screen does. */
async function pairKiosk(code: string): Promise<string> {
  const reply = await testServer().app.request('http://localhost/trpc/kiosk.completePairing', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ pairingCode: code }),
  });
  expect(reply.status).toBe(200);
  return reply.headers.get('set-cookie')?.split(';')[0] ?? '';
}

async function issueTicket(cookie: string, intent: string): Promise<string> {
  const reply = await testServer().app.request('http://localhost/trpc/kiosk.issueTicket', {
    method: 'POST',
    headers: { 'content-type': 'application/json', cookie },
    body: JSON.stringify({ intent }),
  });
  return ((await reply.json()) as { result: { data: { number: string } } }).result.data.number;
}

describe('pulih kiosk and pulih queue', () => {
  it('pairs a kiosk with a printed code, lists it, and serves its tickets at the counter', async () => {
    const officer = await loggedInAs('demo.branch');
    const paired = await pulih(['kiosk', 'pair', '--label', 'Kios lobi', '--json'], officer);
    expect(paired.code, paired.stderr).toBe(0);
    const { pairingCode } = JSON.parse(paired.stdout) as { pairingCode: string };
    expect(pairingCode).toMatch(/^[A-Z2-9]{4}-[A-Z2-9]{4}$/);
    const cookie = await pairKiosk(pairingCode);

    const listed = await pulih(['kiosk', 'list'], officer);
    expect(listed.stdout).toContain('Kios lobi');

    expect(await issueTicket(cookie, 'change_contact')).toBe('K-001');
    testServer().clock.advance(1000);
    expect(await issueTicket(cookie, 'lost_phone')).toBe('H-001');
    const queue = await pulih(['queue', 'list'], officer);
    expect(queue.stdout).toMatch(/K-001\s+waiting/);
    const next = await pulih(['queue', 'next', '--json'], officer);
    const { ticket } = JSON.parse(next.stdout) as { ticket: { id: string; number: string } };
    expect(ticket.number).toBe('K-001');
    expect((await pulih(['queue', 'done', ticket.id], officer)).code).toBe(0);
    expect((await pulih(['queue', 'list'], officer)).stdout).not.toContain('K-001');
  });

  it('shows what revoke would do with --dry-run, then unpairs the kiosk', async () => {
    const officer = await loggedInAs('demo.branch');
    const paired = JSON.parse((await pulih(['kiosk', 'pair', '--label', 'Kios cadangan', '--json'], officer)).stdout);
    const cookie = await pairKiosk(paired.pairingCode);
    const kiosks = JSON.parse((await pulih(['kiosk', 'list', '--json'], officer)).stdout) as {
      id: string;
      label: string;
    }[];
    const id = kiosks.find((k) => k.label === 'Kios cadangan')?.id ?? '';
    const dry = await pulih(['kiosk', 'revoke', id, '--dry-run'], officer);
    expect(dry.stdout).toContain('[dry-run] would unpair Kios cadangan');
    expect(await issueTicket(cookie, 'other')).toMatch(/^L-\d{3}$/);
    expect((await pulih(['kiosk', 'revoke', id], officer)).code).toBe(0);
    const refused = await testServer().app.request('http://localhost/trpc/kiosk.issueTicket', {
      method: 'POST',
      headers: { 'content-type': 'application/json', cookie },
      body: JSON.stringify({ intent: 'other' }),
    });
    expect(refused.status).toBe(401);
  });

  it('refuses pairing to a call-center agent in one line', async () => {
    const agent = await loggedInAs('demo.agent');
    const result = await pulih(['kiosk', 'pair', '--label', 'x'], agent);
    expect(result.code).toBe(1);
    expect(result.stderr.trim().split('\n')).toHaveLength(1);
    expect(result.stderr).toContain('FORBIDDEN');
  });
});
