import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { useCliHarness } from './test-support/cli-harness.js';

const { pulih, loggedInAs, testServer } = useCliHarness();

const PASSWORD = 'Pulih-Demo-2026';
const KTP = Buffer.from('%PDF-1.4\n% KTP\n1 0 obj << /Type /Catalog >> endobj\n%%EOF\n');
const dir = mkdtempSync(join(tmpdir(), 'pulih-privacy-'));

/** A member asks for a correction through the API, as the portal does. */
async function memberRequests(email: string, field: string, value: string): Promise<string> {
  const server = testServer();
  const cookie = await server.loginMember(email, PASSWORD);
  const reply = await server.call(
    'corrections.request',
    { field, value, evidenceKind: 'ktp', evidenceBase64: KTP.toString('base64') },
    { cookie },
  );
  const id = (reply.json.result?.data as { id?: string } | undefined)?.id;
  if (!id) throw new Error(reply.text);
  return id;
}

describe('pulih corrections', () => {
  it('lists the queue oldest deadline first, marks the overdue ones, shows one, saves its evidence and approves it', async () => {
    const first = await memberRequests('dewi.lestari@example.com', 'full_name', 'Dewi Lestari Putri');
    testServer().clock.advance(73 * 3_600_000);
    const second = await memberRequests('budi.santoso@example.com', 'birth_date', '1985-03-21');
    const officer = await loggedInAs('demo.branch');

    const list = await pulih(['corrections', 'list'], officer);
    expect(list.code, list.stderr).toBe(0);
    const lines = list.stdout.split('\n');
    const firstLine = lines.findIndex((line) => line.includes(first));
    expect(firstLine).toBeGreaterThan(-1);
    expect(firstLine).toBeLessThan(lines.findIndex((line) => line.includes(second)));
    expect(lines[firstLine]).toMatch(/^! .*TERLAMBAT .* \/ OVERDUE/);
    expect(list.stdout).toMatch(/1 TERLAMBAT \/ OVERDUE/);

    const show = await pulih(['corrections', 'show', second], officer);
    expect(show.code, show.stderr).toBe(0);
    expect(show.stdout).toContain('1985-03-12');
    expect(show.stdout).toContain('1985-03-21');

    const file = join(dir, 'ktp.pdf');
    const evidence = await pulih(['corrections', 'evidence', second, '--output', file], officer);
    expect(evidence.code, evidence.stderr).toBe(0);
    expect(readFileSync(file).equals(KTP)).toBe(true);

    const approved = await pulih(['corrections', 'approve', second, '--reason', 'sesuai KTP', '--json'], officer);
    expect(approved.code, approved.stderr).toBe(0);
    expect(JSON.parse(approved.stdout)).toMatchObject({ id: second, state: 'approved' });
    const rejected = await pulih(['corrections', 'reject', first, '--reason', 'Nama pada KTP tidak terbaca'], officer);
    expect(rejected.code, rejected.stderr).toBe(0);
    expect(rejected.stdout).toMatch(/ditolak \/ rejected/);
  });

  it("approves a mother's-name correction only with the name typed from the KK at the prompt, never shown or passed as an option", async () => {
    const id = await memberRequests('siti.rahayu@example.com', 'mother_name', 'Sumarni Wati');
    const officer = await loggedInAs('demo.branch');
    const show = await pulih(['corrections', 'show', id], officer);
    expect(show.code, show.stderr).toBe(0);
    expect(show.stdout).not.toMatch(/sumarni/i);
    const wrong = await pulih(['corrections', 'approve', id, '--reason', 'KK diperiksa'], officer, 'SUMARNI\n');
    expect(wrong.code).toBe(1);
    expect(wrong.stderr).toMatch(/MOTHER_NAME_EVIDENCE_MISMATCH/);
    const none = await pulih(['corrections', 'approve', id, '--reason', 'KK diperiksa'], officer, '\n');
    expect(none.code).toBe(1);
    expect(none.stderr).toMatch(/nothing was decided/);
    const approved = await pulih(['corrections', 'approve', id, '--reason', 'KK diperiksa'], officer, 'Sumarni Wati\n');
    expect(approved.code, approved.stderr).toBe(0);
    expect(approved.stdout).toMatch(/disetujui \/ approved/);
    expect(approved.stdout).not.toMatch(/sumarni/i);
  });

  it('answers a NIK held by someone else, a malformed number and a refused role with one line and a non-zero exit', async () => {
    const id = await memberRequests('siti.rahayu@example.com', 'nik', '3174051203850002');
    const supervisor = await loggedInAs('demo.supervisor');
    const taken = await pulih(['corrections', 'approve', id, '--reason', 'sesuai KTP'], supervisor);
    expect(taken.code).toBe(1);
    expect(taken.stderr.trim().split('\n')).toHaveLength(1);
    expect(taken.stderr).toMatch(/another member record.*NIK_BELONGS_TO_ANOTHER_MEMBER/);
    const bad = await pulih(['corrections', 'show', 'KLM-1234-5678'], supervisor);
    expect(bad.code).toBe(2);
    const agent = await loggedInAs('demo.agent');
    const refused = await pulih(['corrections', 'list'], agent);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(/FORBIDDEN/);
  });
});

describe('pulih privacy', () => {
  it('lists the affected members, opens an incident, notifies each once and writes the report', async () => {
    const supervisor = await loggedInAs('demo.supervisor');
    testServer().clock.advance(60_000);
    const since = testServer().clock.now().toISOString();
    for (const key of ['19011111111', '19033333333']) {
      const shown = await pulih(['member', 'show', key], supervisor);
      expect(shown.code, shown.stderr).toBe(0);
    }
    testServer().clock.advance(60_000);
    const affected = await pulih(['privacy', 'affected', '--since', since, '--staff', 'demo.supervisor'], supervisor);
    expect(affected.code, affected.stderr).toBe(0);
    expect(affected.stdout).toMatch(/^2 peserta \/ members/);
    expect(affected.stdout).toContain('SITI RAHAYU');
    expect(affected.stdout).toContain('BUDI SANTOSO');

    const opened = await pulih(
      [
        'privacy',
        'incident',
        'open',
        '--since',
        since,
        '--staff',
        'demo.supervisor',
        '--description',
        'Laptop supervisor hilang dengan sesi CLI aktif',
        '--json',
      ],
      supervisor,
    );
    expect(opened.code, opened.stderr).toBe(0);
    const incident = (JSON.parse(opened.stdout) as { id: string }).id;

    const noMeasures = await pulih(['privacy', 'notify', '--incident', incident], supervisor);
    expect(noMeasures.code).toBe(1);
    expect(noMeasures.stderr).toMatch(/--measures/);

    const reportFile = join(dir, 'laporan.txt');
    const notify = [
      'privacy',
      'notify',
      '--incident',
      incident,
      '--measures',
      'Sesi CLI dicabut dan kata sandi diganti.',
      '--report',
      reportFile,
    ];
    const first = await pulih(notify, supervisor);
    expect(first.code, first.stderr).toBe(0);
    expect(first.stdout).toMatch(/2 pemberitahuan baru \/ new notices queued/);
    const report = readFileSync(reportFile, 'utf8');
    expect(report).toContain(incident);
    expect(report).toContain('Laptop supervisor hilang');
    expect(report).toMatch(/Peserta terdampak \/ Members affected\n {2}2/);
    expect(report).toMatch(/terpenuhi \/ met/);

    const again = await pulih([...notify.slice(0, 4), '--json'], supervisor);
    expect(again.code, again.stderr).toBe(0);
    expect(JSON.parse(again.stdout)).toMatchObject({ queuedNow: 0, alreadyNotified: 2 });

    const jsonFile = join(dir, 'laporan.json');
    const written = await pulih(['privacy', 'report', '--incident', incident, '--report', jsonFile], supervisor);
    expect(written.code, written.stderr).toBe(0);
    expect(JSON.parse(readFileSync(jsonFile, 'utf8'))).toMatchObject({
      membersAffected: 2,
      notices: { messagesQueued: 4 },
    });
  });

  it('shows the retention policy with what is due, and applies it', async () => {
    const admin = await loggedInAs('demo.admin');
    const shown = await pulih(['privacy', 'retention'], admin);
    expect(shown.code, shown.stderr).toBe(0);
    expect(shown.stdout).toContain('verification_codes');
    expect(shown.stdout).toContain('correction_deadline_hours');
    const dry = await pulih(['privacy', 'retention', '--apply', '--dry-run', '--json'], admin);
    expect(dry.code, dry.stderr).toBe(0);
    expect(JSON.parse(dry.stdout)).toMatchObject({ dryRun: true });
    const applied = await pulih(['privacy', 'retention', '--apply'], admin);
    expect(applied.code, applied.stderr).toBe(0);
    expect(applied.stdout).toMatch(/dihapus \/ deleted/);
    const set = await pulih(['privacy', 'retention', '--set', 'correction_deadline_hours=48'], admin);
    expect(set.code, set.stderr).toBe(0);
    expect(set.stdout).toContain('correction_deadline_hours: 72 -> 48');
  });
});
