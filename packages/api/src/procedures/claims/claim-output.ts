import { JHT_CLAIM_DOCUMENTS, JHT_CLAIM_REASONS, JHT_CLAIM_STATES, type JhtClaimReason } from '@pulih/domain';
import { z } from 'zod';
import type { StaffRole } from '../../db/schema.js';
import type { ClaimDocumentRow, ClaimEventRow, ClaimRow } from '../../repositories/claim-repository.js';

/** Staff who process claims at a branch; supervisors approve those above the online limit. */
export const CLAIM_ROLES: readonly StaffRole[] = ['branch_officer', 'supervisor'];

export const claimReasonInput = z.enum(JHT_CLAIM_REASONS as [JhtClaimReason, ...JhtClaimReason[]]);
export const claimIdInput = z
  .string()
  .trim()
  .toUpperCase()
  .regex(/^KLM-[0-9A-Z]{4}-[0-9A-Z]{4}$/, 'A claim number like KLM-7Q2M-9XKD.');
export const documentKindInput = z.enum(JHT_CLAIM_DOCUMENTS);
export const npwpInput = z
  .string()
  .trim()
  .transform((value) => value.replace(/[.\s-]/g, ''))
  .pipe(z.string().regex(/^\d{15,16}$/, 'An NPWP of 15 or 16 digits.'));
export const bankInput = z.object({
  bankCode: z.string().trim().min(3).max(3),
  accountNumber: z.string().trim().min(6).max(40),
  holderName: z.string().trim().min(2).max(120),
});
/** Base64 of a document of at most 8 MB (the server's own limit is checked on the bytes). */
export const documentContentInput = z
  .string()
  .max(Math.ceil((8 * 1024 * 1024 * 4) / 3) + 4)
  .regex(/^[A-Za-z0-9+/]*={0,2}$/, 'The document must be base64.');

export const assessmentOutput = z.object({
  reason: z.string(),
  eligible: z.boolean(),
  blockers: z.array(z.string()),
  earliestEligibleOn: z.string().nullable(),
  documents: z.array(z.string()),
  gross: z.number(),
  tax: z.number(),
  net: z.number(),
  channel: z.enum(['online', 'branch']),
  onlineClaimLimit: z.number(),
  kpj: z.string().nullable(),
  balance: z.number(),
});

export const claimEventOutput = z.object({
  at: z.string(),
  state: z.enum(JHT_CLAIM_STATES),
  note: z.string().nullable(),
});
export const claimDocumentOutput = z.object({
  id: z.string(),
  kind: z.string(),
  contentType: z.string(),
  sizeBytes: z.number(),
  uploadedAt: z.string(),
  deleted: z.boolean(),
});

export const claimOutput = z.object({
  id: z.string(),
  kpj: z.string(),
  reason: z.string(),
  claimant: z.enum(['member', 'heir']),
  state: z.enum(JHT_CLAIM_STATES),
  submittedVia: z.enum(['web', 'branch_counter']),
  gross: z.number(),
  tax: z.number(),
  net: z.number(),
  needsSupervisor: z.boolean(),
  bankCode: z.string(),
  bankAccountLast4: z.string(),
  bankAccountHolder: z.string(),
  submittedAt: z.string(),
  decisionReason: z.string().nullable(),
  paidOn: z.string().nullable(),
  paymentReference: z.string().nullable(),
  events: z.array(claimEventOutput),
  documents: z.array(claimDocumentOutput),
});
export type ClaimOutput = z.infer<typeof claimOutput>;

export function toClaimOutput(claim: ClaimRow, events: ClaimEventRow[], documents: ClaimDocumentRow[]): ClaimOutput {
  return {
    id: claim.id,
    kpj: claim.kpj,
    reason: claim.reason,
    claimant: claim.claimant,
    state: claim.state,
    submittedVia: claim.submittedVia,
    gross: claim.gross,
    tax: claim.tax,
    net: claim.net,
    needsSupervisor: claim.needsSupervisor,
    bankCode: claim.bankCode,
    bankAccountLast4: claim.bankAccountLast4,
    bankAccountHolder: claim.bankAccountHolder,
    submittedAt: claim.submittedAt,
    decisionReason: claim.decisionReason,
    paidOn: claim.paidOn,
    paymentReference: claim.paymentReference,
    events: events
      .filter((event) => event.claimId === claim.id)
      .map((event) => ({ at: event.at, state: event.state, note: event.note })),
    documents: documents.map((d) => ({
      id: d.id,
      kind: d.kind,
      contentType: d.contentType,
      sizeBytes: d.sizeBytes,
      uploadedAt: d.uploadedAt,
      deleted: d.deletedAt !== null,
    })),
  };
}
