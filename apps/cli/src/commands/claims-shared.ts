import { type Command, InvalidArgumentError } from 'commander';
import type { ApiOutputs } from '../api-types.js';

export type ClaimView = ApiOutputs['claims']['verify'];

/** The options every API command takes: where the API is, and JSON output. */
export const withApiOptions = (command: Command): Command =>
  command.option('--api-url <url>', 'API base URL (env PULIH_API_URL)').option('--json', 'machine-readable output');

export interface ApiOptions {
  readonly apiUrl?: string;
  readonly json?: boolean;
}

/** A claim number as printed: `KLM-7Q2M-9XKD` (any case). */
export function parseClaimId(value: string): string {
  const id = value.trim().toUpperCase();
  if (!/^KLM-[0-9A-Z]{4}-[0-9A-Z]{4}$/.test(id)) throw new InvalidArgumentError('a claim number like KLM-7Q2M-9XKD');
  return id;
}

export const rupiah = (amount: number): string => `Rp${amount.toLocaleString('id-ID')}`;

const stateNames: Record<ClaimView['state'], string> = {
  submitted: 'diajukan / submitted',
  verifying: 'diverifikasi / verifying',
  approved: 'disetujui / approved',
  rejected: 'ditolak / rejected',
  paid: 'dibayar / paid',
};

export const claimStateName = (state: ClaimView['state']): string => stateNames[state];

/** The claim as staff read it after a step: number, state, amounts, bank, history. */
export function printClaim(claim: ClaimView): void {
  console.log(`${claim.id}  ${claimStateName(claim.state)}  ${claim.reason}  (${claim.submittedVia})`);
  console.log(
    `  bruto / gross ${rupiah(claim.gross)}  pajak / tax ${rupiah(claim.tax)}  neto / net ${rupiah(claim.net)}`,
  );
  console.log(
    `  rekening / account: bank ${claim.bankCode} ****${claim.bankAccountLast4} a.n. ${claim.bankAccountHolder}`,
  );
  if (claim.needsSupervisor)
    console.log('  di atas batas online: persetujuan supervisor / above the online limit: supervisor approves');
  for (const event of claim.events) {
    console.log(`  ${event.at}  ${claimStateName(event.state)}${event.note ? `  — ${event.note}` : ''}`);
  }
  for (const d of claim.documents) {
    console.log(
      `  dokumen / document ${d.id}  ${d.kind}  ${d.contentType}  ${d.sizeBytes} B${d.deleted ? '  (dihapus / deleted)' : ''}`,
    );
  }
  if (claim.paymentReference) console.log(`  transfer ${claim.paidOn}  ref ${claim.paymentReference}`);
}
