import { afterEach, describe, expect, it } from 'vitest';
import { type Db, openDatabase } from '../db/database.js';
import { outbox } from '../db/schema.js';
import { enqueueNotice } from './outbox.js';
import { NoticeDataError } from './templates.js';

const now = new Date('2026-11-24T08:00:00.000Z');
const closers: (() => void)[] = [];
afterEach(() => {
  for (const close of closers.splice(0)) close();
});

function memoryDb(): Db {
  const opened = openDatabase(':memory:');
  closers.push(opened.close);
  return opened.db;
}

describe('enqueueNotice', () => {
  it('stores the rendered email with its subject and template name, due at once, under a fresh UUID', () => {
    const db = memoryDb();
    const id = enqueueNotice(
      db,
      {
        channel: 'email',
        recipient: ' siti.rahayu@example.com ',
        template: 'registration_code',
        locale: 'id',
        data: { fullName: 'Siti Rahayu', code: '300112', link: 'https://pulih.test/daftar?t=abc', expiresMinutes: 15 },
        memberId: 4,
      },
      now,
    );
    expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    const row = db.select().from(outbox).get();
    expect(row).toMatchObject({
      id,
      channel: 'email',
      recipient: 'siti.rahayu@example.com',
      subject: 'Kode verifikasi pendaftaran akun Pulih',
      template: 'registration_code',
      memberId: 4,
      createdAt: '2026-11-24T08:00:00.000Z',
      sentAt: null,
      attempts: 0,
      nextAttemptAt: null,
      lastError: null,
    });
    expect(row?.body).toContain('Kode: 300112');
  });

  it('stores an SMS with the short text as its body and no subject', () => {
    const db = memoryDb();
    enqueueNotice(
      db,
      {
        channel: 'sms',
        recipient: '+6281234567890',
        template: 'contact_change_code',
        locale: 'en',
        data: { fullName: 'Budi', code: '918273', expiresMinutes: 10, contactKind: 'phone' },
        memberId: null,
      },
      now,
    );
    const row = db.select().from(outbox).get();
    expect(row?.subject).toBeNull();
    expect(row?.memberId).toBeNull();
    expect(row?.body).toMatch(/^Pulih code to confirm your new mobile number: 918273, valid for 10 minutes\./);
  });

  it('writes nothing when the notice cannot be rendered, so the caller’s transaction fails whole', () => {
    const db = memoryDb();
    expect(() =>
      enqueueNotice(
        db,
        {
          channel: 'email',
          recipient: 'a@example.com',
          template: 'password_reset',
          locale: 'id',
          data: {},
          memberId: 1,
        },
        now,
      ),
    ).toThrow(NoticeDataError);
    expect(db.select().from(outbox).all()).toEqual([]);
  });

  it('refuses an empty recipient', () => {
    const db = memoryDb();
    expect(() =>
      enqueueNotice(
        db,
        { channel: 'sms', recipient: '  ', template: 'account_frozen_notice', locale: 'id', data: {}, memberId: 1 },
        now,
      ),
    ).toThrow(/recipient is empty/);
  });
});
