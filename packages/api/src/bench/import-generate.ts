/**
 * Writes a seeded registry extract for the import benchmark, and for trying the imports by hand:
 *
 *   node packages/api/dist/bench/import-generate.js --members 1000000 --out DIR [--seed N]
 *        [--contribution-months 120]
 *
 * `DIR/members.csv` has one row per KPJ (the header of `pulih import members`): members with two
 * KPJ numbers (15%, as after a change of employer) have two rows with the same NIK. A little of
 * what real extracts hold is mixed in: 0.5% of rows without a NIK, 0.5% with a mistyped phone,
 * phones written `0812-…` as often as `+62812…`. With `--contribution-months M`,
 * `DIR/contributions.csv` holds the last M months (ending last month) of contributions for every
 * KPJ (`pulih import contributions`): 120 months for 1,000,000 members is ~138 million rows
 * (~12 GB), so the benchmark asks for one month. The same seed writes the same files.
 */
import { once } from 'node:events';
import { createWriteStream, mkdirSync, renameSync, type WriteStream } from 'node:fs';
import { join } from 'node:path';
import { SeededRandom } from '../demo/random.js';
import { generateRegistry } from '../demo/registry-generator.js';

const args = process.argv.slice(2);
const flag = (name: string): string | undefined => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? args[i + 1] : undefined;
};
const members = Number((flag('members') ?? '1000000').replaceAll('_', ''));
const seed = Number(flag('seed') ?? 1);
const months = Number(flag('contribution-months') ?? 0);
const out = flag('out');
if (!out || !Number.isInteger(members) || members < 1 || !Number.isInteger(months) || months < 0) {
  console.error('usage: import-generate.js --members N --out DIR [--seed N] [--contribution-months M] (N ≥ 1, M ≥ 0)');
  process.exit(2);
}

/** Buffers rows and writes them in large pieces, waiting when the disk is behind. */
class CsvWriter {
  private buffer: string[] = [];
  private size = 0;
  constructor(private readonly stream: WriteStream) {}
  async row(line: string): Promise<void> {
    this.buffer.push(line);
    this.size += line.length + 1;
    if (this.size >= 1 << 20) await this.flush();
  }
  async flush(): Promise<void> {
    if (this.buffer.length === 0) return;
    const ok = this.stream.write(`${this.buffer.join('\n')}\n`);
    this.buffer = [];
    this.size = 0;
    if (!ok) await once(this.stream, 'drain');
  }
  async close(): Promise<void> {
    await this.flush();
    this.stream.end();
    await once(this.stream, 'finish');
  }
}

const localPhone = (e164: string): string => `0${e164.slice(3, 6)}-${e164.slice(6, 10)}-${e164.slice(10)}`;

/** Wage-earner rates in basis points (DOMAIN.md), as in the demo contributions. */
const RATES = [200, 370, 24, 30, 100, 200, 36] as const;
const JP_WAGE_CAP = 10_547_400;

function monthsBack(count: number, today: Date): string[] {
  const periods: string[] = [];
  let year = today.getUTCFullYear();
  let month = today.getUTCMonth(); // last month, 1-based
  if (month === 0) {
    month = 12;
    year--;
  }
  for (let i = 0; i < count; i++) {
    periods.unshift(`${year}-${String(month).padStart(2, '0')}`);
    month--;
    if (month === 0) {
      month = 12;
      year--;
    }
  }
  return periods;
}

const today = new Date().toISOString().slice(0, 10);
/** Paid on the 10th of the next month, or today when that is still to come. */
const paidDateOf = (period: string): string => {
  const [y, m] = period.split('-').map(Number) as [number, number];
  const tenth = m === 12 ? `${y + 1}-01-10` : `${y}-${String(m + 1).padStart(2, '0')}-10`;
  if (tenth > today) return today;
  return tenth;
};

async function main(dir: string): Promise<void> {
  mkdirSync(dir, { recursive: true });
  const noise = new SeededRandom(seed * 7919 + 1);
  const membersPath = join(dir, 'members.csv');
  const writer = new CsvWriter(createWriteStream(`${membersPath}.partial`));
  await writer.row('record_id,nik,kpj,full_name,birth_date,sex,mother_name,phone,email');
  let rows = 0;
  for (const member of generateRegistry(members, seed)) {
    for (const kpj of member.kpjNumbers) {
      rows++;
      const nik = noise.next() < 0.005 ? '' : member.nik;
      let phone = member.phone ?? '';
      if (phone !== '') {
        const roll = noise.next();
        if (roll < 0.005) phone = phone.slice(0, 7);
        else if (roll < 0.5) phone = localPhone(phone);
      }
      await writer.row(
        `${rows},${nik},${kpj},${member.fullName},${member.birthDate},${member.sex},${member.motherName},${phone},${member.email ?? ''}`,
      );
    }
  }
  await writer.close();
  renameSync(`${membersPath}.partial`, membersPath);
  console.log(`${rows} member rows (${members} members) → ${membersPath}`);
  if (months === 0) return;

  const periods = monthsBack(months, new Date());
  const money = new SeededRandom(seed * 104_729 + 3);
  const contributionsPath = join(dir, 'contributions.csv');
  const contributions = new CsvWriter(createWriteStream(`${contributionsPath}.partial`));
  await contributions.row('kpj,npp,period,wage,jht_employee,jht_employer,jkk,jkm,jp_employee,jp_employer,jkp,paid_at');
  let count = 0;
  for (const member of generateRegistry(members, seed)) {
    for (const kpj of member.kpjNumbers) {
      const npp = `1${money.digits(7)}`;
      const wage = money.int(3_000, 15_000) * 1000;
      const shares = RATES.map((bp, i) =>
        Math.round(((i >= 4 && i <= 5 ? Math.min(wage, JP_WAGE_CAP) : wage) * bp) / 10_000),
      );
      const unpaidFrom = money.next() < 0.03 ? periods.length - 1 : periods.length;
      for (let p = 0; p < periods.length; p++) {
        const period = periods[p] as string;
        count++;
        await contributions.row(
          `${kpj},${npp},${period},${wage},${shares.join(',')},${p >= unpaidFrom ? '' : paidDateOf(period)}`,
        );
      }
    }
  }
  await contributions.close();
  renameSync(`${contributionsPath}.partial`, contributionsPath);
  console.log(`${count} contribution rows (${months} months) → ${contributionsPath}`);
}

await main(out);
