/**
 * What the crash-safety suite (issue #8, suite 4) makes its child process do, shared by the child
 * (`crash-child.ts`, run built from `dist/`) and the test (`crash-safety.test.ts`): the kinds of
 * work, the points inside their transactions where the child can be held for the kill, and the
 * members files the import kind loads.
 */

export const CRASH_KINDS = ['import', 'claim', 'merge'] as const;
export type CrashKind = (typeof CRASH_KINDS)[number];

/**
 * Where the child can be held until it is killed: `<table>.<insert|update>` is a temporary
 * trigger (in the child's connection only, never in the schema) firing inside the product's own
 * transaction, after that row was written and before the transaction commits; `sender.delivered`
 * is after the outbox sender handed a message to SMTP or the SMS gateway and before it recorded
 * it as sent.
 */
export const HOOK_POINTS: Record<CrashKind, readonly string[]> = {
  import: [
    // a new member written, its KPJ not yet
    'members.insert',
    // a KPJ written, later rows of the batch and the job's progress not yet
    'member_kpj.insert',
    // a report line written
    'import_rejections.insert',
    // the job's last_committed_line moved: the last write of the batch, before COMMIT
    'import_jobs.update',
  ],
  claim: [
    // an upload's row written, its audit entry not yet
    'jht_claim_documents.insert',
    // the claim row written, no document attached, no event, no notice
    'jht_claims.insert',
    // one document attached, the others not yet
    'jht_claim_documents.update',
    // the state event written (submitted or rejected), audit and notices not yet
    'jht_claim_events.insert',
    // the first notice queued, the second not yet
    'outbox.insert',
    // the rejection's state change written, its event not yet
    'jht_claims.update',
    'sender.delivered',
  ],
  merge: [
    // the KPJ numbers moved (merge) or moved back (unmerge), the merged_into flag not yet
    'member_kpj.update',
    // the merged_into flag set or cleared
    'members.update',
    // what the merge moved recorded, the review item not yet resolved
    'person_merges.insert',
    // the merge record closed by an unmerge
    'person_merges.update',
    // the review item merged or reopened, notices not yet
    'duplicate_candidates.update',
    // the first of the four notices queued
    'outbox.insert',
    // the first of the two audit entries written
    'audit_log.insert',
    'sender.delivered',
  ],
};

export interface ChildHook {
  readonly point: string;
  /** Held at the `after`-th time the point is reached in this process. */
  readonly after: number;
}

/** The child's options, one JSON argument. */
export interface ChildOptions {
  readonly dataDir: string;
  readonly kind: CrashKind;
  readonly hook: ChildHook | null;
  /**
   * Claims and merges: rounds to do before stopping (null: until killed). Imports: the files to
   * load, 0 to `rounds - 1` (null: file after file until killed).
   */
  readonly rounds: number | null;
  /** Deliver the whole outbox before stopping. */
  readonly drain: boolean;
  readonly smtpUrl: string;
  readonly smsUrl: string;
  readonly seed: number;
}

/** Rows per members file, and rows per committed batch (the upload route's tuning). */
export const IMPORT_ROWS = 3_000;
export const IMPORT_BATCH_ROWS = 300;

export const importFileName = (file: number): string => `members-${String(file).padStart(3, '0')}.csv`;

/** The KPJ of a line of a members file: `8`, the file (4 digits), the line (6 digits). */
export const importKpj = (file: number, line: number): string =>
  `8${String(file % 10_000).padStart(4, '0')}${String(line).padStart(6, '0')}`;

/** What the import does with the j-th data row (line j + 1); the same in every file. */
export function importRowKind(j: number): 'new' | 'same_nik' | 'no_nik' | 'refused' {
  if (j % 50 === 7) return 'refused';
  if (j % 10 === 0) return 'no_nik';
  if (j % 10 === 5) return 'same_nik';
  return 'new';
}

/**
 * A members file: new members with a valid NIK, rows whose NIK repeats the row before (the KPJ
 * joins that member), rows without a NIK (imported with a note) and rows with a bad KPJ (refused).
 * NIKs are DKI, district and birth year from the file (unique for 99 × 60 files: a soak imports
 * hundreds), born 1 January, male, serial = the row.
 */
export function membersCsv(file: number, rows: number = IMPORT_ROWS): string {
  const district = String((file % 99) + 1).padStart(2, '0');
  const born = 1990 - (Math.floor(file / 99) % 60);
  const nikOf = (j: number) => `3174${district}0101${String(born % 100).padStart(2, '0')}${String(j).padStart(4, '0')}`;
  const lines = ['record_id,nik,kpj,full_name,birth_date,sex,mother_name,phone,email'];
  for (let j = 1; j <= rows; j++) {
    const line = j + 1;
    const kind = importRowKind(j);
    const nik = kind === 'no_nik' ? '' : kind === 'same_nik' ? nikOf(j - 1) : nikOf(j);
    const kpj = kind === 'refused' ? '123' : importKpj(file, line);
    lines.push(`${j},${nik},${kpj},ANGGOTA UJI ${file}-${j},${born}-01-01,L,,,`);
  }
  return `${lines.join('\n')}\n`;
}

/** Seeded pseudo-random numbers (mulberry32): the same seed, the same kills. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

/** The secret of every incarnation (and of the seeding server): the document key derives from it. */
export const CRASH_SECRET = 'crash-safety-secret-crash-safety-secret';

/** Claim documents the child uploads: a minimal PDF. */
export const CRASH_PDF_BASE64 = Buffer.from(
  '%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n',
).toString('base64');

/** Agus (demo) can claim JHT online after resigning; the bank account is in his name. */
export const CLAIMANT_EMAIL = 'agus.setiawan@example.com';
export const CLAIM_BANK = { bankCode: '002', accountNumber: '0123-01-000456-50-7', holderName: 'Agus Setiawan' };
/** Rudi's two registrations (demo): the review item merged and unmerged again and again. */
export const MERGE_NAMES = ['RUDI HARTONO', 'RUDY HARTONO'] as const;
export const STAFF_USERNAME = 'demo.supervisor';
