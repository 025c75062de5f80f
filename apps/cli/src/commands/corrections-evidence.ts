import { writeFileSync } from 'node:fs';
import type { Command } from 'commander';
import { callApi } from '../api-client.js';
import { type CliEnv, CliError } from '../env.js';
import { authenticatedClient } from '../session.js';
import { parseCorrectionId } from './corrections-shared.js';

export function registerCorrectionsEvidence(corrections: Command, env: CliEnv): void {
  corrections
    .command('evidence')
    .description('Bukti / save the KTP or KK scan of a correction request to a file (every read audited)')
    .argument('<id>', 'correction number', parseCorrectionId)
    .requiredOption('--output <file>', 'where to write it (never printed to the terminal)')
    .option('--api-url <url>', 'API base URL (env PULIH_API_URL)')
    .action(async (id: string, options: { output: string; apiUrl?: string }) => {
      const { client, apiUrl } = authenticatedClient(env, options.apiUrl);
      const evidence = await callApi(apiUrl, () => client.corrections.evidence.query({ id }));
      try {
        writeFileSync(options.output, Buffer.from(evidence.contentBase64, 'base64'), { mode: 0o600, flag: 'wx' });
      } catch (error) {
        throw new CliError(`cannot write ${options.output}: ${(error as NodeJS.ErrnoException).code ?? 'error'}`);
      }
      console.log(`${evidence.kind.toUpperCase()} (${evidence.contentType}) → ${options.output}`);
    });
}
