import { sql } from 'drizzle-orm';
import { index, integer, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';

/** Times are ISO-8601 UTC strings; dates are `YYYY-MM-DD`. */
const createdAt = () => text('created_at').notNull();

export const members = sqliteTable(
  'members',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    /** Null or invalid NIKs exist in real registries; such members are flagged, never dropped. */
    nik: text('nik'),
    fullName: text('full_name').notNull(),
    birthDate: text('birth_date'),
    sex: text('sex', { enum: ['L', 'P'] }),
    motherName: text('mother_name'),
    status: text('status', { enum: ['aktif', 'non_aktif'] })
      .notNull()
      .default('aktif'),
    statusReason: text('status_reason'),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex('members_nik_unique').on(t.nik)],
);

/** One person may hold several KPJ numbers: each new employer registers the worker again. */
export const memberKpj = sqliteTable(
  'member_kpj',
  {
    kpj: text('kpj').primaryKey(),
    memberId: integer('member_id')
      .notNull()
      .references(() => members.id),
    registeredAt: text('registered_at').notNull(),
  },
  (t) => [index('member_kpj_member').on(t.memberId)],
);

/** The one authoritative contact record of a member. */
export const memberContacts = sqliteTable(
  'member_contacts',
  {
    memberId: integer('member_id')
      .primaryKey()
      .references(() => members.id),
    email: text('email'),
    emailVerifiedAt: text('email_verified_at'),
    phone: text('phone'),
    phoneVerifiedAt: text('phone_verified_at'),
    /** When the member last confirmed both contacts as current. */
    confirmedAt: text('confirmed_at'),
    updatedAt: text('updated_at').notNull(),
  },
  (t) => [uniqueIndex('member_contacts_email_unique').on(t.email), index('member_contacts_phone').on(t.phone)],
);

/** An online account; it logs in with the member's registered email or any of their KPJ numbers. */
export const accounts = sqliteTable('accounts', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  memberId: integer('member_id')
    .notNull()
    .unique()
    .references(() => members.id),
  passwordHash: text('password_hash').notNull(),
  state: text('state', { enum: ['active', 'locked', 'frozen'] })
    .notNull()
    .default('active'),
  createdAt: createdAt(),
});

/** Member sessions; only a hash of the cookie value is stored. */
export const sessions = sqliteTable(
  'sessions',
  {
    tokenHash: text('token_hash').primaryKey(),
    accountId: integer('account_id')
      .notNull()
      .references(() => accounts.id),
    createdAt: createdAt(),
    lastSeenAt: text('last_seen_at').notNull(),
    expiresAt: text('expires_at').notNull(),
    revokedAt: text('revoked_at'),
  },
  (t) => [index('sessions_account').on(t.accountId)],
);

export const staffRoles = [
  'call_center_agent',
  'customer_service_agent',
  'branch_officer',
  'supervisor',
  'admin',
] as const;
export type StaffRole = (typeof staffRoles)[number];

export const staffUsers = sqliteTable('staff_users', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  username: text('username').notNull().unique(),
  fullName: text('full_name').notNull(),
  role: text('role', { enum: staffRoles }).notNull(),
  passwordHash: text('password_hash').notNull(),
  disabledAt: text('disabled_at'),
  createdAt: createdAt(),
});

/** Staff bearer tokens; only a hash is stored. */
export const staffTokens = sqliteTable(
  'staff_tokens',
  {
    tokenHash: text('token_hash').primaryKey(),
    staffId: integer('staff_id')
      .notNull()
      .references(() => staffUsers.id),
    createdAt: createdAt(),
    expiresAt: text('expires_at').notNull(),
    revokedAt: text('revoked_at'),
  },
  (t) => [index('staff_tokens_staff').on(t.staffId)],
);

/** Messages to members, written in the same transaction as the change that causes them. */
export const outbox = sqliteTable(
  'outbox',
  {
    id: text('id').primaryKey(),
    channel: text('channel', { enum: ['email', 'sms'] }).notNull(),
    recipient: text('recipient').notNull(),
    subject: text('subject'),
    body: text('body').notNull(),
    createdAt: createdAt(),
    sentAt: text('sent_at'),
    attempts: integer('attempts').notNull().default(0),
  },
  (t) => [index('outbox_pending').on(t.sentAt)],
);

/** Append-only, hash-chained security log. Holds references and masked values only. */
export const auditLog = sqliteTable(
  'audit_log',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    at: text('at').notNull(),
    actorKind: text('actor_kind', { enum: ['member', 'staff', 'system', 'anonymous'] }).notNull(),
    actorId: text('actor_id'),
    action: text('action').notNull(),
    memberId: integer('member_id'),
    channel: text('channel').notNull(),
    detail: text('detail').notNull().default(sql`'{}'`),
    prevHash: text('prev_hash').notNull(),
    hash: text('hash').notNull(),
  },
  (t) => [index('audit_log_member').on(t.memberId)],
);

/** Small key/value facts about this database (for example, whether demo data was seeded). */
export const meta = sqliteTable('meta', {
  key: text('key').primaryKey(),
  value: text('value').notNull(),
});
