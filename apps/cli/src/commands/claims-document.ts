import { writeFileSync } from 'node:fs';
import type { Command } from 'commander';
import { callApi } from '../api-client.js';
import { type CliEnv, CliError } from '../env.js';
import { authenticatedClient } from '../session.js';
import { parseClaimId } from './claims-shared.js';

export function registerClaimsDocument(claims: Command, env: CliEnv): void {
  claims
    .command('document')
    .description('Buka dokumen / save a claim document to a file (branch officer, supervisor; every read audited)')
    .argument('<claim>', 'claim number', parseClaimId)
    .argument('<document-id>', 'document id printed by `claims show`')
    .requiredOption('--output <file>', 'where to write it (never printed to the terminal)')
    .option('--api-url <url>', 'API base URL (env PULIH_API_URL)')
    .action(async (claimId: string, documentId: string, options: { output: string; apiUrl?: string }) => {
      const { client, apiUrl } = authenticatedClient(env, options.apiUrl);
      const document = await callApi(apiUrl, () => client.claims.document.query({ claimId, documentId }));
      try {
        writeFileSync(options.output, Buffer.from(document.contentBase64, 'base64'), { mode: 0o600, flag: 'wx' });
      } catch (error) {
        throw new CliError(`cannot write ${options.output}: ${(error as NodeJS.ErrnoException).code ?? 'error'}`);
      }
      console.log(`${document.kind} (${document.contentType}) → ${options.output}`);
    });
}
