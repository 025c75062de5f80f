import type { Command } from 'commander';
import { callApi } from '../api-client.js';
import { type CliEnv, CliError } from '../env.js';
import { readLine } from '../prompt.js';
import { authenticatedClient } from '../session.js';
import { printOpenedCase } from './recovery-case.js';

/** What the caller says, in the order asked; one line each, typed or piped. */
const facts = [
  ['kpj', 'Nomor KPJ / KPJ number: '],
  ['nik', 'NIK: '],
  ['fullName', 'Nama lengkap / full name: '],
  ['birthDate', 'Tanggal lahir / birth date (YYYY-MM-DD): '],
  ['motherName', 'Nama ibu kandung / mother’s maiden name: '],
] as const;

type Facts = Record<(typeof facts)[number][0], string>;

async function askFacts(): Promise<Facts> {
  const answers: Partial<Facts> = {};
  for (const [key, question] of facts) {
    const answer = (await readLine(question)).trim();
    if (!answer)
      throw new CliError(`no answer for "${question.replace(/: $/, '')}" (type it when asked, one per line)`);
    answers[key] = answer;
  }
  return answers as Facts;
}

export function registerCallCenterVerify(callcenter: Command, env: CliEnv): void {
  callcenter
    .command('verify')
    .description(
      'Verifikasi penelepon / verify a caller (call center agent, supervisor): asks for KPJ, NIK, full name, birth date and mother’s maiden name, one per line, typed or piped on standard input — never as options, so they stay out of shell history; opens a 30-minute case that says only passed or failed',
    )
    .option('--api-url <url>', 'API base URL (env PULIH_API_URL)')
    .option('--json', 'machine-readable output')
    .action(async (options: { apiUrl?: string; json?: boolean }) => {
      const { client, apiUrl } = authenticatedClient(env, options.apiUrl);
      const answers = await askFacts();
      if (!/^\d{4}-\d{2}-\d{2}$/.test(answers.birthDate)) throw new CliError('the birth date is written YYYY-MM-DD');
      const opened = await callApi(apiUrl, () => client.case.openCallCenter.mutate(answers));
      printOpenedCase(opened, options.json);
    });
}
