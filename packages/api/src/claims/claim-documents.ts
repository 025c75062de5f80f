import { createCipheriv, createDecipheriv, createHash, randomBytes, randomUUID } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { addDaysToDate, type ClaimDocumentType, detectClaimDocumentType } from '@pulih/domain';
import type { Db } from '../db/database.js';
import type { DocumentConfig } from '../env.js';
import { appError } from '../errors.js';
import {
  type ClaimDocumentRow,
  expiredDocuments,
  findClaimDocument,
  insertClaimDocument,
  markDocumentDeleted,
} from '../repositories/claim-repository.js';
import { keyIdOf } from '../security/secret-box.js';

/** A document uploaded but never attached to a claim is kept only this long. */
const UNATTACHED_KEEP_DAYS = 2;
/** v2: `PULIHDOC2`, the key id (4 bytes), IV, tag, ciphertext. v1 (no key id) is read with the current key. */
const MAGIC_V1 = Buffer.from('PULIHDOC1');
const MAGIC = Buffer.from('PULIHDOC2');
const KEY_ID_BYTES = 4;
const IV_BYTES = 12;
const TAG_BYTES = 16;

/** The fingerprint stored with each file (the same as sealed values carry): keys can rotate. */
export const documentKeyIdOf = keyIdOf;

/** AES-256-GCM with the document id as associated data: a file swapped for another one fails to open. */
function seal(key: Buffer, id: string, content: Buffer): Buffer {
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv('aes-256-gcm', key, iv);
  cipher.setAAD(Buffer.from(id));
  const ciphertext = Buffer.concat([cipher.update(content), cipher.final()]);
  return Buffer.concat([MAGIC, Buffer.from(documentKeyIdOf(key), 'hex'), iv, cipher.getAuthTag(), ciphertext]);
}

/** The key a file was sealed with: the current one or a retired one still configured to read. */
function keyFor(config: DocumentConfig, id: string, sealed: Buffer): { key: Buffer; body: Buffer } {
  if (sealed.subarray(0, MAGIC_V1.length).equals(MAGIC_V1)) {
    return { key: config.key, body: sealed.subarray(MAGIC_V1.length) };
  }
  if (!sealed.subarray(0, MAGIC.length).equals(MAGIC)) throw new Error(`document ${id}: unknown file format`);
  const keyId = sealed.subarray(MAGIC.length, MAGIC.length + KEY_ID_BYTES).toString('hex');
  const key = [config.key, ...config.oldKeys].find((candidate) => documentKeyIdOf(candidate) === keyId);
  if (!key) {
    throw new Error(
      `document ${id}: sealed with key ${keyId}, which is neither PULIH_DOCUMENT_KEY nor in PULIH_DOCUMENT_OLD_KEYS`,
    );
  }
  return { key, body: sealed.subarray(MAGIC.length + KEY_ID_BYTES) };
}

function open(config: DocumentConfig, id: string, sealed: Buffer): Buffer {
  const { key, body } = keyFor(config, id, sealed);
  const iv = body.subarray(0, IV_BYTES);
  const tag = body.subarray(IV_BYTES, IV_BYTES + TAG_BYTES);
  const decipher = createDecipheriv('aes-256-gcm', key, iv, { authTagLength: TAG_BYTES });
  decipher.setAAD(Buffer.from(id));
  decipher.setAuthTag(tag);
  return Buffer.concat([decipher.update(body.subarray(IV_BYTES + TAG_BYTES)), decipher.final()]);
}

const pathOf = (config: DocumentConfig, storageKey: string): string => join(config.dir, storageKey);

export interface StoredDocument {
  readonly id: string;
  readonly contentType: ClaimDocumentType;
  readonly sizeBytes: number;
}

/**
 * Checks an upload (size limit, type by its content) and stores it encrypted outside the
 * database; the row is written by the caller's transaction through `insertClaimDocument`, after
 * the file is safely on disk (a file without a row is swept by `sweepOrphanDocumentFiles`; a row without a file never exists).
 */
export function storeClaimDocument(
  db: Db,
  config: DocumentConfig,
  upload: { memberId: number; kind: string; content: Buffer; uploadedBy: string; claimId: string | null },
  now: Date,
): StoredDocument {
  if (upload.content.length === 0) throw appError('DOCUMENT_REJECTED', 'The file is empty.');
  if (upload.content.length > config.maxBytes) {
    throw appError('DOCUMENT_REJECTED', `The file is larger than ${Math.floor(config.maxBytes / 1024 / 1024)} MB.`);
  }
  const contentType = detectClaimDocumentType(upload.content);
  if (contentType === null) throw appError('DOCUMENT_REJECTED', 'Only PDF, JPEG and PNG files are accepted.');
  const id = randomUUID();
  const storageKey = `${id}.bin`;
  mkdirSync(config.dir, { recursive: true, mode: 0o700 });
  const temporary = pathOf(config, `${storageKey}.part`);
  writeFileSync(temporary, seal(config.key, id, upload.content), { mode: 0o600, flush: true });
  renameSync(temporary, pathOf(config, storageKey));
  const today = now.toISOString().slice(0, 10);
  const row: ClaimDocumentRow = {
    id,
    claimId: upload.claimId,
    memberId: upload.memberId,
    kind: upload.kind,
    contentType,
    sizeBytes: upload.content.length,
    sha256: createHash('sha256').update(upload.content).digest('hex'),
    storageKey,
    uploadedAt: now.toISOString(),
    uploadedBy: upload.uploadedBy,
    retainUntil: addDaysToDate(today, upload.claimId === null ? UNATTACHED_KEEP_DAYS : config.retentionDays),
    deletedAt: null,
  };
  try {
    insertClaimDocument(db, row);
  } catch (error) {
    rmSync(pathOf(config, storageKey), { force: true });
    throw error;
  }
  return { id, contentType, sizeBytes: row.sizeBytes };
}

/** Removes the files of documents whose rows were rolled back (a refused submission at the counter). */
export function discardStoredFiles(config: DocumentConfig, ids: readonly string[]): void {
  for (const id of ids) rmSync(pathOf(config, `${id}.bin`), { force: true });
}

/** The decrypted content, checked against the digest recorded at upload. The caller audits the read. */
export function readClaimDocument(config: DocumentConfig, row: ClaimDocumentRow): Buffer {
  if (row.deletedAt !== null)
    throw appError('DOCUMENT_NOT_FOUND', 'The document was deleted after its retention period.');
  const content = open(config, row.id, readFileSync(pathOf(config, row.storageKey)));
  if (createHash('sha256').update(content).digest('hex') !== row.sha256) {
    throw new Error(`document ${row.id}: content does not match its digest`);
  }
  return content;
}

/** The retention period of attached documents starts when the claim is submitted. */
export const retentionEndOf = (config: DocumentConfig, today: string): string =>
  addDaysToDate(today, config.retentionDays);

/** Deletes the files whose retention ended and marks their rows; returns how many. */
export function deleteExpiredDocuments(db: Db, config: DocumentConfig, now: Date): number {
  const rows = expiredDocuments(db, now.toISOString().slice(0, 10));
  for (const row of rows) {
    rmSync(pathOf(config, row.storageKey), { force: true });
    markDocumentDeleted(db, row.id, now);
  }
  return rows.length;
}

/** A file younger than this may belong to an upload whose transaction has not committed yet. */
const ORPHAN_GRACE_MS = 60 * 60 * 1000;
const DOCUMENT_FILE = /^([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})\.bin(\.part)?$/;

/**
 * Deletes document files that no row names: left by a process killed between writing the file
 * and committing its row, or half-written (`.part`). Files younger than an hour are left alone
 * (their upload may still be committing); files the store did not write are never touched.
 * Returns how many were deleted.
 */
export function sweepOrphanDocumentFiles(db: Db, config: DocumentConfig, now: Date): number {
  let names: string[];
  try {
    names = readdirSync(config.dir);
  } catch {
    return 0; // no document stored yet
  }
  let deleted = 0;
  for (const name of names) {
    const match = DOCUMENT_FILE.exec(name);
    if (!match) continue;
    const path = pathOf(config, name);
    const modified = statSync(path, { throwIfNoEntry: false })?.mtimeMs;
    if (modified === undefined || now.getTime() - modified < ORPHAN_GRACE_MS) continue;
    if (match[2] === undefined && findClaimDocument(db, match[1] as string)) continue;
    rmSync(path, { force: true });
    deleted++;
  }
  return deleted;
}
