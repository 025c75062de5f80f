import { InvalidArgumentError } from 'commander';
import { type ApiClient, callApi } from '../api-client.js';
import type { ApiOutputs } from '../api-types.js';

export type OpenedCase = ApiOutputs['case']['openCallCenter'];
export type CaseView = ApiOutputs['case']['show'];

/** `--reason` is written to the audit log and shown to the member: a blank one is a usage error. */
export function parseReason(value: string): string {
  const reason = value.trim();
  if (!reason) throw new InvalidArgumentError('say why, in a few words');
  return reason;
}

/** A case id as staff copy it from the verify output. */
export function parseCaseId(value: string): string {
  const caseId = value.trim();
  if (!caseId) throw new InvalidArgumentError('the case id printed by `verify`');
  return caseId;
}

export async function fetchCase(client: ApiClient, apiUrl: string, caseId: string): Promise<CaseView> {
  return callApi(apiUrl, () => client.case.show.query({ caseId }));
}

/**
 * The result of a verification, the same for every channel: passed or failed and nothing
 * more, so staff never learn (or tell) which answer was wrong.
 */
export function printOpenedCase(opened: OpenedCase, json: boolean | undefined): void {
  if (json) {
    console.log(JSON.stringify(opened));
    return;
  }
  const passed = opened.outcome === 'passed';
  console.log(passed ? 'LULUS / passed' : 'GAGAL / failed');
  const rows: [string, string][] = [['Kasus / case', opened.caseId]];
  if (opened.expiresAt !== null) rows.push(['Berlaku / expires', opened.expiresAt]);
  if (passed) rows.push(['Lanjut / next', `pulih case show ${opened.caseId}`]);
  for (const [label, value] of rows) console.log(`  ${label.padEnd(18)} ${value}`);
  if (!passed) console.log('  Data tidak cocok dengan catatan kami / the answers do not match our records.');
}
