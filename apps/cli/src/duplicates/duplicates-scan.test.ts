import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

// The real built `pulih` binary, as staff run it. The offline scan needs no server, so this file
// does not use the API harness of test-support (which starts one).
const bin = fileURLToPath(new URL('../../bin/pulih.js', import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'pulih-duplicates-'));

function pulih(args: string[]) {
  return new Promise<{ code: number; stdout: string; stderr: string }>((resolve) => {
    execFile(process.execPath, [bin, ...args], { env: { PATH: process.env.PATH ?? '' } }, (error, stdout, stderr) =>
      resolve({ code: error ? Number(error.code ?? 1) : 0, stdout, stderr }),
    );
  });
}

const HEADER = 'record_id,nik,kpj,full_name,birth_date,sex,mother_name,phone,email';
const ROWS = [
  // r1/r2: the same man, old spelling and a degree, new KPJ, NIK with a transposed pair.
  'r1,3273011708900001,19011111111,SUPARMAN HADIKUSUMO,1990-08-17,L,SUMARNI,081234567890,suparman@example.com',
  'r2,3273011708900010,19022222222,"Soeparman Hadikoesoemo, S.E.",1990-08-17,L,SUMARNI,,',
  // r3: his twin brother: same birth date, mother and phone, next serial.
  'r3,3273011708900002,19033333333,SUPRAPTO HADIKUSUMO,1990-08-17,L,SUMARNI,+62 812-3456-7890,',
  // r4/r5: the same woman, NIK typed without the +40, invalid phone: still scanned.
  'r4,3578015203850001,19044444444,Hj. Siti Rahmawati,1985-03-12,P,AMINAH,12345,siti@example.com',
  'r5,3578011203850001,19055555555,SITI RAHMAWATI,1985-03-12,P,AMINAH,,',
  // r6: a namesake of r1 (other birth date, NIK, mother).
  'r6,3509012502750003,19066666666,SUPARMAN HADIKUSUMO,1975-02-25,L,PAINEM,,',
  // r7: r1's son of the same name, 25 years younger, same phone.
  'r7,3273011708150001,19077777777,SUPARMAN HADIKUSUMO,2015-08-17,L,RATNA,081234567890,',
  // r8/r9: r8's NIK is not a NIK and its date not ISO; the same person by KPJ, name and phone.
  'r8,32730X,19088888888,Moch. Rizki Pratama,17/08/1999,L,,085711112222,',
  'r9,3273011708990001,19088888888,MUHAMMAD RIZKI PRATAMA,1999-08-17,L,DEWI,0857-1111-2222,',
];

function writeCsv(name: string, content: string | Buffer): string {
  const path = join(dir, name);
  writeFileSync(path, content);
  return path;
}

const good = writeCsv('good.csv', `${HEADER}\n${ROWS.join('\n')}\n`);

interface PairLine {
  left: string;
  right: string;
  score: number;
  decision: string;
  reasons: { code: string; text: string; weight: number }[];
}

const pairsOf = (stdout: string) =>
  stdout
    .trim()
    .split('\n')
    .filter((l) => l !== '')
    .map((l) => JSON.parse(l) as PairLine);

const key = (p: { left: string; right: string }) => [p.left, p.right].sort().join('-');

describe('pulih duplicates scan', () => {
  it('--json: one pair per line with left, right, score, decision and reasons; hard negatives never match', async () => {
    const result = await pulih(['duplicates', 'scan', '--input', good, '--json']);
    expect(result.code, result.stderr).toBe(0);
    const pairs = pairsOf(result.stdout);
    for (const pair of pairs) {
      expect(Object.keys(pair)).toEqual(['left', 'right', 'score', 'decision', 'reasons']);
      expect(pair.score).toBeGreaterThanOrEqual(0);
      expect(pair.score).toBeLessThanOrEqual(1);
      expect(['match', 'review']).toContain(pair.decision);
      expect(pair.reasons.length).toBeGreaterThan(0);
      for (const reason of pair.reasons) {
        expect(Object.keys(reason)).toEqual(['code', 'text', 'weight']);
        expect(reason.code).toMatch(/^[A-Z0-9_]+$/);
        expect(typeof reason.weight).toBe('number');
      }
    }
    const matches = pairs.filter((p) => p.decision === 'match').map(key);
    expect(matches.sort()).toEqual(['r1-r2', 'r4-r5', 'r8-r9']);
    const all = pairs.map(key);
    for (const never of ['r1-r3', 'r2-r3', 'r1-r6', 'r1-r7', 'r6-r7']) expect(matches).not.toContain(never);
    expect(all).not.toContain('r1-r6');
    expect(all).not.toContain('r1-r7');
    expect(result.stderr).toMatch(/^pulih: 9 records, 0 skipped, \d+ compared, 3 match, \d+ review, [\d.]+ s\n$/);
  });

  it('a row with an invalid NIK, date and phone is still scanned, and matched on the rest', async () => {
    const result = await pulih(['duplicates', 'scan', '--input', good, '--json']);
    const r8r9 = pairsOf(result.stdout).find((p) => key(p) === 'r8-r9');
    expect(r8r9?.decision).toBe('match');
    expect(r8r9?.reasons.map((r) => r.code)).toEqual(expect.arrayContaining(['KPJ_EQUAL', 'PHONE_EQUAL']));
    const r4r5 = pairsOf(result.stdout).find((p) => key(p) === 'r4-r5');
    expect(r4r5?.reasons.map((r) => r.code)).toContain('NIK_PLUS40');
  });

  it('without --json prints a table and a summary', async () => {
    const result = await pulih(['duplicates', 'scan', '--input', good]);
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toMatch(/^keputusan\/decision\s+skor\/score\s+kiri\/left\s+kanan\/right\s+alasan\/reasons\n/);
    expect(result.stdout).toMatch(/sama\/match\s+\d\.\d{3}\s+r1\s+r2\s+\S/);
    expect(result.stdout).toMatch(
      /9 records read \(0 broken rows skipped\), \d+ pairs compared: 3 match, \d+ review, in [\d.]+ s\n$/,
    );
  });

  it('--output writes the lines to a file and nothing to stdout', async () => {
    const out = join(dir, 'pairs.jsonl');
    const result = await pulih(['duplicates', 'scan', '--input', good, '--json', '--output', out]);
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toBe('');
    const pairs = pairsOf(readFileSync(out, 'utf8'));
    expect(
      pairs
        .filter((p) => p.decision === 'match')
        .map(key)
        .sort(),
    ).toEqual(['r1-r2', 'r4-r5', 'r8-r9']);
  });

  it('reports broken rows by line number, skips them and scans the rest', async () => {
    const broken = Buffer.concat([
      Buffer.from(`\uFEFF${HEADER}\r\n${ROWS[0]}\r\n`),
      Buffer.from('rX,3273011708900001,1,TOO,FEW\n'),
      Buffer.from(',3273011708900001,19011111111,NO ID,1990-08-17,L,SUMARNI,,\n'),
      Buffer.from('rU,3273011708900001,19011111111,SUPARMAN '),
      Buffer.from([0xc3, 0x28, 0xff]),
      Buffer.from(',1990-08-17,L,SUMARNI,,\n'),
      Buffer.from('rQ,3273011708900001,19011111111,"SUPARMAN,1990-08-17,L,SUMARNI,,\n'),
      Buffer.from('\n'),
      Buffer.from(`${ROWS[1]}\n`),
      Buffer.from('r10,,,"Suparman ""Parman"" Hadikusumo",1990-08-17,L,SUMARNI,,suparman@example.com'),
    ]);
    const result = await pulih(['duplicates', 'scan', '--input', writeCsv('broken.csv', broken), '--json']);
    expect(result.code, result.stderr).toBe(0);
    expect(result.stderr).toContain('pulih: line 3: wrong number of columns (5, expected 9); skipped\n');
    expect(result.stderr).toContain('pulih: line 4: no record_id; skipped\n');
    expect(result.stderr).toContain('pulih: line 5: invalid UTF-8; skipped\n');
    expect(result.stderr).toContain('pulih: line 6: unreadable CSV (unbalanced quotes); skipped\n');
    expect(result.stderr).toMatch(/pulih: 3 records, 4 skipped/);
    // The rows after the broken ones (and a last row without a line break) are read and scanned.
    expect(pairsOf(result.stdout).map(key).sort()).toEqual(['r1-r10', 'r1-r2', 'r10-r2']);
  });

  it('a missing input file is one line on stderr and exit 1, no stack trace', async () => {
    const missing = join(dir, 'nope.csv');
    const result = await pulih(['duplicates', 'scan', '--input', missing, '--json']);
    expect(result.code).toBe(1);
    expect(result.stdout).toBe('');
    expect(result.stderr).toBe(`pulih: cannot read ${missing}: no such file\n`);
  });

  it('an output file that cannot be written is one line on stderr and exit 1', async () => {
    const result = await pulih(['duplicates', 'scan', '--input', good, '--json', '--output', join(dir, 'no', 'x')]);
    expect(result.code).toBe(1);
    expect(result.stderr).toBe(`pulih: cannot write ${join(dir, 'no', 'x')}: ENOENT\n`);
  });

  it('a file without the expected header is refused in one line', async () => {
    const result = await pulih(['duplicates', 'scan', '--input', writeCsv('bad-header.csv', 'a,b\n1,2\n')]);
    expect(result.code).toBe(1);
    expect(result.stderr.split('\n')).toHaveLength(2);
    expect(result.stderr).toMatch(/^pulih: .*the header lacks record_id/);
  });
});
