import { describe, expect, it } from 'vitest';
import { useCliHarness } from './test-support/cli-harness.js';

const { pulih, loggedInAs, testServer } = useCliHarness();

interface Item {
  id: number;
  decision: string;
  left: { fullName: string };
  right: { fullName: string };
}

const kpjOwners = () =>
  testServer().database.sqlite.prepare('SELECT kpj, member_id FROM member_kpj ORDER BY kpj').all() as {
    kpj: string;
    member_id: number;
  }[];

async function rudiItem(supervisor: Record<string, string>): Promise<Item> {
  const listed = await pulih(['duplicates', 'list', '--json'], supervisor);
  expect(listed.code, listed.stderr).toBe(0);
  const item = (JSON.parse(listed.stdout) as Item[]).find(
    (i) => i.right.fullName === 'RUDY HARTONO' || i.left.fullName === 'RUDY HARTONO',
  );
  if (!item) throw new Error(`no item for Rudi in ${listed.stdout}`);
  return item;
}

describe('pulih duplicates review', () => {
  it('lists the review items and shows a pair side by side with its reasons, contacts masked', async () => {
    const supervisor = await loggedInAs('demo.supervisor');
    const listed = await pulih(['duplicates', 'list'], supervisor);
    expect(listed.stdout).toMatch(/#\d+ +\d\.\d{3} +sama \/ match +RUDI HARTONO .* ↔ RUDY HARTONO/);
    const item = await rudiItem(supervisor);
    const shown = await pulih(['duplicates', 'show', String(item.id)], supervisor);
    expect(shown.code, shown.stderr).toBe(0);
    expect(shown.stdout).toContain('NIK differs by one transposed pair');
    expect(shown.stdout).toContain('r***o@example.com');
    expect(shown.stdout).not.toContain('rudi.hartono@example.com');
  });

  it('merges with a reason, and unmerge leaves the KPJ numbers exactly as they were', async () => {
    const supervisor = await loggedInAs('demo.supervisor');
    const before = kpjOwners();
    const item = await rudiItem(supervisor);
    const keep = item.left.fullName === 'RUDI HARTONO' ? 'left' : 'right';
    const dry = await pulih(
      ['duplicates', 'merge', String(item.id), '--keep', keep, '--reason', 'cek KTP', '--dry-run'],
      supervisor,
    );
    expect(dry.stdout).toContain('[dry-run]');
    expect(kpjOwners()).toEqual(before);
    const merged = await pulih(
      ['duplicates', 'merge', String(item.id), '--keep', keep, '--reason', 'KTP diperiksa'],
      supervisor,
    );
    expect(merged.code, merged.stderr).toBe(0);
    expect(merged.stdout).toContain('KPJ moved: 19077777777');
    expect(kpjOwners()).not.toEqual(before);
    const undone = await pulih(['duplicates', 'unmerge', String(item.id), '--reason', 'salah gabung'], supervisor);
    expect(undone.code, undone.stderr).toBe(0);
    expect(kpjOwners()).toEqual(before);
  });

  it('refuses a merge without a reason in one line with a non-zero exit', async () => {
    const supervisor = await loggedInAs('demo.supervisor');
    const item = await rudiItem(supervisor);
    const result = await pulih(['duplicates', 'merge', String(item.id), '--reason', ' '], supervisor);
    expect(result.code).not.toBe(0);
    expect(result.stderr.trim().split('\n')).toHaveLength(1);
    expect(result.stderr).not.toMatch(/at .*\.js/);
  });

  it('scans the registry as a server job and reports it done; a second scan adds no new items', async () => {
    const supervisor = await loggedInAs('demo.supervisor');
    const result = await pulih(['duplicates', 'scan', '--json'], supervisor);
    expect(result.code, result.stderr).toBe(0);
    expect(JSON.parse(result.stdout)).toMatchObject({ state: 'done', phase: 'done' });
    const readable = await pulih(['duplicates', 'scan'], supervisor);
    expect(readable.stdout).toMatch(/scan done: \d+ persons, 0 new review items/);
  });

  it('refuses the review to a call-center agent', async () => {
    const agent = await loggedInAs('demo.agent');
    const result = await pulih(['duplicates', 'list'], agent);
    expect(result.code).not.toBe(0);
    expect(result.stderr).toMatch(/role/i);
  });
});

describe('pulih jht merge', () => {
  it("merges Siti's old KPJ balance into the active one at the counter", async () => {
    const officer = await loggedInAs('demo.branch');
    const verified = await pulih(
      [
        'branch',
        'verify',
        '--kpj',
        '19011111111',
        '--nik',
        '3273015708900001',
        '--checked',
        'ktp,kpj-card',
        '--photo-matches',
        '--reason',
        'gabung saldo',
        '--json',
      ],
      officer,
    );
    expect(verified.code, verified.stderr).toBe(0);
    const { caseId } = JSON.parse(verified.stdout) as { caseId: string };
    const merged = await pulih(['jht', 'merge', '--case', caseId, '--into', '20022222222'], officer);
    expect(merged.code, merged.stderr).toBe(0);
    expect(merged.stdout).toMatch(/19011111111 → 20022222222 {2}Rp[\d.]+/);
    const again = await pulih(['jht', 'merge', '--case', caseId, '--into', '20022222222'], officer);
    expect(again.stdout).toContain('no balance to merge');
    const bad = await pulih(['jht', 'merge', '--case', caseId, '--into', '123'], officer);
    expect(bad.code).not.toBe(0);
    expect(bad.stderr).toContain('11-digit KPJ');
  });
});
