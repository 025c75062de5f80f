import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../db/database.js';
import { auditLog } from '../db/schema.js';
import { asFileTamperer } from '../test-support/tamper.js';
import { listAuditEntries, verifyAuditChain } from './audit-chain.js';
import { appendAudit, auditEntryHash } from './audit-log.js';

function databaseWithEntries(count: number) {
  const database = openDatabase(':memory:');
  const start = Date.parse('2026-11-24T08:00:00Z');
  for (let i = 1; i <= count; i++) {
    appendAudit(
      database.db,
      {
        actorKind: 'staff',
        actorId: '7',
        action: 'member.viewed',
        memberId: i % 2 === 0 ? 42 : null,
        channel: 'cli',
        detail: { n: i, lookupKind: 'kpj' },
      },
      new Date(start + i * 1000),
    );
  }
  return database;
}

describe('audit chain verification', () => {
  it('reports an untouched chain as intact, and an empty one too', () => {
    expect(verifyAuditChain(databaseWithEntries(5).db)).toEqual({ ok: true, entries: 5 });
    expect(verifyAuditChain(databaseWithEntries(0).db)).toEqual({ ok: true, entries: 0 });
  });

  it('names the row whose content was edited in SQLite', () => {
    const database = databaseWithEntries(5);
    asFileTamperer(database.sqlite)
      .prepare(`UPDATE audit_log SET detail = '{"lookupKind":"nik","n":3}' WHERE id = 3`)
      .run();
    expect(verifyAuditChain(database.db)).toEqual({ ok: false, firstBrokenId: 3, entries: 5 });
  });

  it('names the successor when an edited row got a correctly recomputed hash', () => {
    const database = databaseWithEntries(5);
    const row = database.db.select().from(auditLog).where(eq(auditLog.id, 2)).get();
    if (!row) throw new Error('row 2 missing');
    const forged = { ...row, action: 'nothing.happened', channel: 'cli' as const, detail: JSON.parse(row.detail) };
    asFileTamperer(database.sqlite)
      .prepare('UPDATE audit_log SET action = ?, hash = ? WHERE id = 2')
      .run(forged.action, auditEntryHash(row.prevHash, row.at, forged));
    expect(verifyAuditChain(database.db)).toEqual({ ok: false, firstBrokenId: 3, entries: 5 });
  });

  it('names the row after a deleted one, whose previous-hash link is broken', () => {
    const database = databaseWithEntries(5);
    asFileTamperer(database.sqlite).prepare('DELETE FROM audit_log WHERE id = 3').run();
    expect(verifyAuditChain(database.db)).toEqual({ ok: false, firstBrokenId: 4, entries: 4 });
  });

  it('names the first of several broken rows and reports a row with unreadable detail', () => {
    const database = databaseWithEntries(6);
    asFileTamperer(database.sqlite).prepare(`UPDATE audit_log SET detail = 'not json' WHERE id IN (2, 5)`).run();
    expect(verifyAuditChain(database.db)).toMatchObject({ ok: false, firstBrokenId: 2 });
  });

  it('walks chains longer than one page', () => {
    const database = databaseWithEntries(2100);
    expect(verifyAuditChain(database.db)).toEqual({ ok: true, entries: 2100 });
    asFileTamperer(database.sqlite)
      .prepare(`UPDATE audit_log SET at = '2020-01-01T00:00:00.000Z' WHERE id = 2050`)
      .run();
    expect(verifyAuditChain(database.db)).toEqual({ ok: false, firstBrokenId: 2050, entries: 2100 });
  });
});

describe('audit entry listing', () => {
  it('lists newest first with the detail as an object, optionally for one member, up to the limit', () => {
    const { db } = databaseWithEntries(5);
    expect(listAuditEntries(db, { limit: 2 }).map((e) => e.id)).toEqual([5, 4]);
    const forMember = listAuditEntries(db, { memberId: 42, limit: 10 });
    expect(forMember.map((e) => e.id)).toEqual([4, 2]);
    expect(forMember[0]).toEqual({
      id: 4,
      at: '2026-11-24T08:00:04.000Z',
      actorKind: 'staff',
      actorId: '7',
      action: 'member.viewed',
      memberId: 42,
      channel: 'cli',
      detail: { lookupKind: 'kpj', n: 4 },
    });
  });
});

describe('the audit log table', () => {
  it('refuses UPDATE and DELETE through the database itself', async () => {
    const { openDatabase } = await import('../db/database.js');
    const { appendAudit } = await import('./audit-log.js');
    const database = openDatabase(':memory:');
    appendAudit(
      database.db,
      { actorKind: 'system', actorId: null, action: 'test', memberId: null, channel: 'system', detail: {} },
      new Date('2026-11-24T08:00:00Z'),
    );
    expect(() => database.sqlite.prepare("UPDATE audit_log SET action = 'changed'").run()).toThrow(/append-only/);
    expect(() => database.sqlite.prepare('DELETE FROM audit_log').run()).toThrow(/append-only/);
    expect(database.sqlite.prepare('SELECT count(*) AS n FROM audit_log').get()).toEqual({ n: 1 });
  });
});
