import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { useCliHarness } from './test-support/cli-harness.js';

const { pulih, loggedInAs, testServer } = useCliHarness();

const PDF = Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\n%%EOF\n');
const dir = mkdtempSync(join(tmpdir(), 'pulih-claims-'));
const scan = (name: string, content: Buffer = PDF): string => {
  const path = join(dir, name);
  writeFileSync(path, content);
  return path;
};

/** Agus (resigned, balance under the online limit) at the counter: an in-person case. */
async function agusAtCounter(officer: Record<string, string>): Promise<string> {
  const opened = await pulih(
    [
      'branch',
      'verify',
      '--kpj',
      '19099999999',
      '--nik',
      '3273011505920004',
      '--checked',
      'ktp,kpj-card',
      '--photo-matches',
      '--reason',
      'klaim JHT di loket',
      '--json',
    ],
    officer,
  );
  expect(opened.code, opened.stderr).toBe(0);
  return (JSON.parse(opened.stdout) as { caseId: string }).caseId;
}

const documents = () => [
  '--document',
  `ktp=${scan('ktp.pdf')}`,
  '--document',
  `kpj_card=${scan('kpj.pdf')}`,
  '--document',
  `paklaring=${scan('paklaring.pdf')}`,
  '--document',
  `bank_book=${scan('tabungan.pdf')}`,
];

describe('pulih claims', () => {
  it('submits a claim at the counter, then verifies, approves and pays it; the list follows each step', async () => {
    const officer = await loggedInAs('demo.branch');
    const caseId = await agusAtCounter(officer);
    const bank = ['--bank', '002', '--account', '0123-01-000456-50-7', '--holder', 'Agus Setiawan'];
    const submitted = await pulih(
      ['claims', 'submit', '--case', caseId, '--reason', 'resignation', ...bank, ...documents(), '--json'],
      officer,
    );
    expect(submitted.code, submitted.stderr).toBe(0);
    const claim = JSON.parse(submitted.stdout) as { id: string; state: string; documents: { id: string }[] };
    expect(claim.state).toBe('submitted');
    expect(claim.documents).toHaveLength(4);

    const listed = await pulih(['claims', 'list', '--state', 'submitted'], officer);
    expect(listed.stdout).toContain(claim.id);
    expect(listed.stdout).not.toContain('19099999999');

    const shown = await pulih(['claims', 'show', claim.id.toLowerCase()], officer);
    expect(shown.code, shown.stderr).toBe(0);
    expect(shown.stdout).toContain('AGUS SETIAWAN');
    expect(shown.stdout).toContain('****6507');

    const saved = join(dir, 'out.pdf');
    const opened = await pulih(
      ['claims', 'document', claim.id, claim.documents[0]?.id ?? '', '--output', saved],
      officer,
    );
    expect(opened.code, opened.stderr).toBe(0);
    expect(readFileSync(saved).equals(PDF)).toBe(true);

    expect((await pulih(['claims', 'verify', claim.id], officer)).stdout).toContain('diverifikasi / verifying');
    expect((await pulih(['claims', 'approve', claim.id], officer)).stdout).toContain('disetujui / approved');
    const paid = await pulih(['claims', 'pay', claim.id, '--reference', 'BRI-TRF-0001'], officer);
    expect(paid.code, paid.stderr).toBe(0);
    expect(paid.stdout).toContain('dibayar / paid');
    expect(paid.stdout).toContain('ref BRI-TRF-0001');
  });

  it('says in one line why a step is refused, with a non-zero exit', async () => {
    const officer = await loggedInAs('demo.branch');
    const unknown = await pulih(['claims', 'verify', 'KLM-0000-0000'], officer);
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toBe('pulih: No JHT claim has that number. (CLAIM_NOT_FOUND)\n');
    const malformed = await pulih(['claims', 'verify', '12345'], officer);
    expect(malformed.code).toBe(2);
    const noReason = await pulih(['claims', 'reject', 'KLM-0000-0000'], officer);
    expect(noReason.code).toBe(2);
    expect(noReason.stderr).toContain('--reason');
  });

  it('refuses a document that is not a PDF, JPEG or PNG and stores no claim', async () => {
    const officer = await loggedInAs('demo.branch');
    const caseId = await agusAtCounter(officer);
    const claims = () =>
      (testServer().database.sqlite.prepare('SELECT count(*) AS n FROM jht_claims').get() as { n: number }).n;
    const before = claims();
    const refused = await pulih(
      [
        'claims',
        'submit',
        '--case',
        caseId,
        '--reason',
        'resignation',
        '--bank',
        '002',
        '--account',
        '0123010004565',
        '--holder',
        'Agus Setiawan',
        '--document',
        `ktp=${scan('ktp.exe', Buffer.from('MZ\x90\x00 not a scan'))}`,
      ],
      officer,
    );
    expect(refused.code).toBe(1);
    expect(refused.stderr).toBe('pulih: Only PDF, JPEG and PNG files are accepted. (DOCUMENT_REJECTED)\n');
    expect(claims()).toBe(before);
  });

  it('refuses a claim from a member the officer has not checked in person (call-center agent)', async () => {
    const agent = await loggedInAs('demo.agent');
    const listed = await pulih(['claims', 'list'], agent);
    expect(listed.code).toBe(1);
    expect(listed.stderr).toBe('pulih: Your role may not do this. (FORBIDDEN)\n');
  });
});

describe('pulih appointments', () => {
  it('lists the day’s visits at the branch and checks a member in once', async () => {
    const test = testServer();
    const cookie = await test.loginMember('dewi.lestari@example.com', 'Pulih-Demo-2026');
    const options = (await test.call('appointments.options', {}, { method: 'GET', cookie })).json.result?.data as
      | { days: string[] }
      | undefined;
    const day = options?.days[0] ?? '';
    const booked = await test.call(
      'appointments.book',
      { branchCode: 'JKT-SUDIRMAN', day, slot: '13:00', reason: 'partial_10' },
      { cookie },
    );
    const id = (booked.json.result?.data as { id: string } | undefined)?.id ?? '';
    const officer = await loggedInAs('demo.branch');
    const listed = await pulih(['appointments', 'list', '--day', day], officer);
    expect(listed.code, listed.stderr).toBe(0);
    expect(listed.stdout).toMatch(new RegExp(`13:00 +${id} +DEWI LESTARI`));
    const checked = await pulih(['appointments', 'checkin', id], officer);
    expect(checked.stdout).toContain('hadir / checked in');
    const again = await pulih(['appointments', 'checkin', id], officer);
    expect(again.code).toBe(1);
  });
});
