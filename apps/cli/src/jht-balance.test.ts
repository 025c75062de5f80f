import { describe, expect, it } from 'vitest';
import { useCliHarness } from './test-support/cli-harness.js';

const { pulih, loggedInAs } = useCliHarness();

/** What a caller tells the agent, one fact a line, in the order `callcenter verify` asks. */
const SITI = `${['19011111111', '3273015708900001', 'SITI RAHAYU', '1990-08-17', 'SUMARNI'].join('\n')}\n`;

async function verifyCaller(agent: Record<string, string>): Promise<string> {
  const result = await pulih(['callcenter', 'verify', '--json'], agent, SITI);
  expect(result.code, result.stderr).toBe(0);
  return (JSON.parse(result.stdout) as { caseId: string }).caseId;
}

interface Shown {
  total: number;
  cards: { kpj: string; balance: number }[];
  membership: { status: string; reason: string };
}

describe('pulih jht balance', () => {
  it("prints the verified member's statement per KPJ and in total, with the status and its reason", async () => {
    const agent = await loggedInAs('demo.agent');
    const caseId = await verifyCaller(agent);
    const result = await pulih(['jht', 'balance', '3273015708900001', '--case', caseId], agent);
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toContain('SITI RAHAYU');
    expect(result.stdout).toMatch(/membership +AKTIF: iuran dibayar rutin/);
    expect(result.stdout).toMatch(/KPJ 19011111111 +Rp[\d.]+/);
    expect(result.stdout).toMatch(/KPJ 20022222222 +Rp[\d.]+ +\[aktif \/ active\]/);
    expect(result.stdout).toContain('Total semua KPJ / all KPJ numbers');
    expect(result.stdout).toMatch(/^ {2}2012 /m);
    expect(result.stdout).not.toContain('3273015708900001');

    const json = await pulih(['jht', 'balance', '19011111111', '--case', caseId, '--json'], agent);
    const shown = JSON.parse(json.stdout) as Shown;
    expect(shown.cards.map((c) => c.kpj)).toEqual(['19011111111', '20022222222']);
    expect(shown.total).toBe(shown.cards.reduce((sum, c) => sum + c.balance, 0));
    expect(shown.membership).toMatchObject({ status: 'aktif', reason: 'contributing' });
    expect(result.stdout).toContain(`Total saldo JHT / total balance  Rp${shown.total.toLocaleString('id-ID')}`);
  });

  it('refuses a member outside the case in one line with a non-zero exit, the same for an unknown number', async () => {
    const agent = await loggedInAs('demo.agent');
    const caseId = await verifyCaller(agent);
    const other = await pulih(['jht', 'balance', '19033333333', '--case', caseId], agent);
    const unknown = await pulih(['jht', 'balance', '99999999999', '--case', caseId], agent);
    expect(other.code).toBe(1);
    expect(other.stderr.trim().split('\n')).toHaveLength(1);
    expect(other.stderr).toContain('CASE_NOT_FOUND');
    expect(unknown.stderr).toBe(other.stderr);
    expect(other.stdout).toBe('');
  });

  it('is a usage error without a case or with a malformed number', async () => {
    const agent = await loggedInAs('demo.agent');
    const noCase = await pulih(['jht', 'balance', '19011111111'], agent);
    expect(noCase.code).toBe(2);
    expect(noCase.stderr).toContain('--case');
    const malformed = await pulih(['jht', 'balance', '12345', '--case', 'x'], agent);
    expect(malformed.code).toBe(2);
    expect(malformed.stderr.trim().split('\n')).toHaveLength(1);
  });

  it('is refused to an admin, who serves no member', async () => {
    const agent = await loggedInAs('demo.agent');
    const caseId = await verifyCaller(agent);
    const admin = await loggedInAs('demo.admin');
    const refused = await pulih(['jht', 'balance', '19011111111', '--case', caseId], admin);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain('FORBIDDEN');
  });
});
