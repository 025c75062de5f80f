import { randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../db/database.js';
import { members } from '../db/schema.js';
import type { DocumentConfig } from '../env.js';
import { findClaimDocument } from '../repositories/claim-repository.js';
import { documentKeyIdOf, readClaimDocument, storeClaimDocument, sweepOrphanDocumentFiles } from './claim-documents.js';

const PDF = Buffer.from('%PDF-1.4 KTP 3273011505920004 AGUS SETIAWAN\n%%EOF\n');

function setUp() {
  const { db } = openDatabase(':memory:');
  const memberId = db
    .insert(members)
    .values({ fullName: 'AGUS SETIAWAN', createdAt: '2026-11-24T08:00:00Z' })
    .returning({ id: members.id })
    .get().id;
  const config: DocumentConfig = {
    dir: mkdtempSync(join(tmpdir(), 'pulih-docs-')),
    key: randomBytes(32),
    oldKeys: [],
    maxBytes: 1024 * 1024,
    retentionDays: 30,
  };
  const now = new Date('2026-11-24T08:00:00Z');
  const stored = storeClaimDocument(
    db,
    config,
    { memberId, kind: 'ktp', content: PDF, uploadedBy: 'member:1', claimId: null },
    now,
  );
  const row = findClaimDocument(db, stored.id);
  if (!row) throw new Error('no row');
  return { db, config, row, memberId, now };
}

describe('claim documents at rest', () => {
  it('reads a document back only with the key it was sealed with, named by its key id in the file', () => {
    const { config, row } = setUp();
    expect(readClaimDocument(config, row).equals(PDF)).toBe(true);
    const onDisk = readFileSync(join(config.dir, row.storageKey));
    expect(onDisk.subarray(9, 13).toString('hex')).toBe(documentKeyIdOf(config.key));
    expect(onDisk.includes(Buffer.from('3273011505920004'))).toBe(false);
    const stranger = { ...config, key: randomBytes(32) };
    expect(() => readClaimDocument(stranger, row)).toThrow(/sealed with key [0-9a-f]{8}/);
  });

  it('keeps older documents readable after a key rotation while new ones use the new key', () => {
    const { db, config, row, memberId, now } = setUp();
    const rotated: DocumentConfig = { ...config, key: randomBytes(32), oldKeys: [config.key] };
    expect(readClaimDocument(rotated, row).equals(PDF)).toBe(true);
    const fresh = storeClaimDocument(
      db,
      rotated,
      { memberId, kind: 'kpj_card', content: PDF, uploadedBy: 'member:1', claimId: null },
      now,
    );
    const freshRow = findClaimDocument(db, fresh.id);
    if (!freshRow) throw new Error('no row');
    // Without the old key the old file is unreadable; the new one still opens.
    const retired = { ...rotated, oldKeys: [] };
    expect(() => readClaimDocument(retired, row)).toThrow();
    expect(readClaimDocument(retired, freshRow).equals(PDF)).toBe(true);
  });

  it('refuses a file that was altered or swapped for another document’s file', () => {
    const { db, config, row, memberId, now } = setUp();
    const other = storeClaimDocument(
      db,
      config,
      { memberId, kind: 'paklaring', content: Buffer.from('%PDF-1.4 other'), uploadedBy: 'member:1', claimId: null },
      now,
    );
    const path = join(config.dir, row.storageKey);
    const original = readFileSync(path);
    writeFileSync(path, readFileSync(join(config.dir, `${other.id}.bin`)));
    expect(() => readClaimDocument(config, row)).toThrow();
    const flipped = Buffer.from(original);
    flipped[flipped.length - 1] = (flipped[flipped.length - 1] ?? 0) ^ 1;
    writeFileSync(path, flipped);
    expect(() => readClaimDocument(config, row)).toThrow();
  });

  it('sweeps files no row names (a process killed before its row committed) after an hour, and nothing else', () => {
    const { db, config, row } = setUp();
    const orphan = join(config.dir, '0b6c1f2e-1d5a-4c1e-9a57-3f4e2b1c0d9e.bin');
    const halfWritten = join(config.dir, '5f0e4a3b-2c1d-4e5f-8a9b-0c1d2e3f4a5b.bin.part');
    const inFlight = join(config.dir, '9a8b7c6d-5e4f-4a3b-9c2d-1e0f9a8b7c6d.bin');
    const notOurs = join(config.dir, 'README.txt');
    for (const path of [orphan, halfWritten, inFlight, notOurs]) writeFileSync(path, 'x');
    const now = new Date();
    const twoHoursAgo = new Date(now.getTime() - 2 * 3_600_000);
    for (const path of [orphan, halfWritten, notOurs, join(config.dir, row.storageKey)])
      utimesSync(path, twoHoursAgo, twoHoursAgo);
    expect(sweepOrphanDocumentFiles(db, config, now)).toBe(2);
    expect(existsSync(orphan)).toBe(false);
    expect(existsSync(halfWritten)).toBe(false);
    expect(existsSync(inFlight)).toBe(true);
    expect(existsSync(notOurs)).toBe(true);
    expect(readClaimDocument(config, row).equals(PDF)).toBe(true);
    expect(sweepOrphanDocumentFiles(db, { ...config, dir: join(config.dir, 'missing') }, now)).toBe(0);
  });
});
