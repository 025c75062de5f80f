import { sql } from 'drizzle-orm';
import { index, integer, primaryKey, real, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';

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
    motherNameDigest: text('mother_name_digest'),
    status: text('status', { enum: ['aktif', 'non_aktif'] })
      .notNull()
      .default('aktif'),
    statusReason: text('status_reason'),
    /**
     * Set when staff merged this record into another person (duplicate persons): the surviving
     * member's id, always a record that is itself not merged. Cleared by an unmerge.
     */
    mergedIntoMemberId: integer('merged_into_member_id'),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex('members_nik_unique').on(t.nik), index('members_merged_into').on(t.mergedIntoMemberId)],
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
    /** Set when its JHT balance was merged into another KPJ ("penggabungan saldo"); it is then closed. */
    mergedIntoKpj: text('merged_into_kpj'),
    closedOn: text('closed_on'),
  },
  (t) => [index('member_kpj_member').on(t.memberId)],
);

/** An employer, by its registration number (NPP, 8 digits). */
export const employers = sqliteTable('employers', {
  npp: text('npp').primaryKey(),
  name: text('name').notNull(),
});

export const participationSegments = ['PU', 'BPU', 'JAKON', 'PMI'] as const;
export const employmentEndReasons = ['resignation', 'phk', 'contract_end', 'retirement'] as const;

/** A KPJ number at an employer, with the end of employment as the employer reported it. */
export const participations = sqliteTable(
  'participations',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    kpj: text('kpj')
      .notNull()
      .references(() => memberKpj.kpj),
    npp: text('npp').references(() => employers.npp),
    segment: text('segment', { enum: participationSegments }).notNull(),
    startedOn: text('started_on').notNull(),
    endedOn: text('ended_on'),
    endReason: text('end_reason', { enum: employmentEndReasons }),
  },
  (t) => [index('participations_kpj').on(t.kpj)],
);

/** One month's contributions for a KPJ number, whole rupiah; `paid_at` empty while unpaid. */
export const contributions = sqliteTable(
  'contributions',
  {
    kpj: text('kpj')
      .notNull()
      .references(() => memberKpj.kpj),
    /** `YYYY-MM` */
    period: text('period').notNull(),
    npp: text('npp').notNull(),
    wage: integer('wage').notNull(),
    jhtEmployee: integer('jht_employee').notNull(),
    jhtEmployer: integer('jht_employer').notNull(),
    jkk: integer('jkk').notNull(),
    jkm: integer('jkm').notNull(),
    jpEmployee: integer('jp_employee').notNull(),
    jpEmployer: integer('jp_employer').notNull(),
    jkp: integer('jkp').notNull(),
    paidAt: text('paid_at'),
  },
  (t) => [primaryKey({ columns: [t.kpj, t.period, t.npp] })],
);

/** The yearly JHT yield ("hasil pengembangan"), data rather than code: 7.19% is 719. */
export const jhtYieldRates = sqliteTable('jht_yield_rates', {
  year: integer('year').primaryKey(),
  rateBasisPoints: integer('rate_basis_points').notNull(),
});

/**
 * A JHT balance moved from one KPJ number to another of the same person ("penggabungan saldo"):
 * one row, shown as a statement line on both sides. The contributions stay on their KPJ.
 */
export const jhtTransfers = sqliteTable(
  'jht_transfers',
  {
    id: text('id').primaryKey(),
    fromKpj: text('from_kpj')
      .notNull()
      .references(() => memberKpj.kpj),
    toKpj: text('to_kpj')
      .notNull()
      .references(() => memberKpj.kpj),
    transferredOn: text('transferred_on').notNull(),
    amount: integer('amount').notNull(),
    /** `web` (the member), `branch_counter` (an officer) */
    channel: text('channel').notNull(),
    requestedBy: text('requested_by').notNull(),
    createdAt: createdAt(),
  },
  (t) => [index('jht_transfers_from').on(t.fromKpj), index('jht_transfers_to').on(t.toKpj)],
);

/**
 * The JHT statement of a KPJ as the domain computed it from the rows above (`computeJhtStatement`),
 * stored so that reading a balance is one row instead of every contribution month
 * (`jht/stored-statements.ts`). It holds for statement dates from `as_of` up to the day before
 * `valid_until` (the next day a stored move takes effect, or the next 1 January). Triggers of
 * migration 0009 delete the row in the transaction of any change to the KPJ's contributions,
 * transfers or paid claims, and every row when a yield rate changes; the next read computes it again.
 */
export const jhtStatements = sqliteTable('jht_statements', {
  kpj: text('kpj').primaryKey(),
  asOf: text('as_of').notNull(),
  validUntil: text('valid_until').notNull(),
  /** The domain's `JhtStatement`, as JSON arrays (`encodeStatement` in `jht/stored-statements.ts`). */
  statement: text('statement').notNull(),
  /** The months (`YYYY-MM`) with a contribution paid by `as_of`, comma-separated, ascending. */
  paidPeriods: text('paid_periods').notNull(),
});

/**
 * What the portal's hot reads (`member.profile`, `jht.kpjBalances`) replied to a member, kept as
 * the reply's JSON text so that the next read is one row, served as it is (`member-views/`).
 * It holds from `as_of` until the instant `valid_until` (the next UTC midnight or earlier, when
 * something in it changes with time alone) and only for the build that wrote it (`version`).
 * Triggers of migration 0011 delete every view of a person in the transaction of any change to
 * what the views are computed from: the person's records, contacts, cards and participations,
 * and any stored statement of their cards (which migration 0009's triggers delete on every change
 * to contributions, transfers, paid claims and yields); the next read computes it again. A view
 * is stored only for a record not merged into another, with its person's statements. Rows past
 * `valid_until` are swept by the six-hourly job.
 */
export const memberViews = sqliteTable(
  'member_views',
  {
    memberId: integer('member_id')
      .notNull()
      .references(() => members.id, { onDelete: 'cascade' }),
    kind: text('kind', { enum: ['profile', 'kpj_balances'] }).notNull(),
    asOf: text('as_of').notNull(),
    validUntil: text('valid_until').notNull(),
    version: integer('version').notNull(),
    body: text('body').notNull(),
  },
  (t) => [primaryKey({ columns: [t.memberId, t.kind] }), index('member_views_valid_until').on(t.validUntil)],
);

/** A registry scan for duplicate persons, run by the server as a job; staff follow its progress. */
export const duplicateScans = sqliteTable('duplicate_scans', {
  id: text('id').primaryKey(),
  requestedByStaffId: integer('requested_by_staff_id')
    .notNull()
    .references(() => staffUsers.id),
  state: text('state', { enum: ['running', 'done', 'failed'] }).notNull(),
  phase: text('phase').notNull(),
  processed: integer('processed').notNull().default(0),
  total: integer('total').notNull().default(0),
  candidatesFound: integer('candidates_found').notNull().default(0),
  error: text('error'),
  startedAt: text('started_at').notNull(),
  /**
   * When the process running the scan last recorded progress. A `running` scan whose heartbeat is
   * older than `ABANDONED_SCAN_MS` was left by a process that stopped (killed, crashed): the next
   * `startScan` marks it failed instead of refusing forever.
   */
  heartbeatAt: text('heartbeat_at'),
  finishedAt: text('finished_at'),
});

/**
 * A pair of member records the engine found to be (`match`) or maybe be (`review`) one person:
 * a review item for staff. `left_member_id < right_member_id`; one row per pair, refreshed by
 * later scans while it is open.
 */
export const duplicateCandidates = sqliteTable(
  'duplicate_candidates',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    scanId: text('scan_id')
      .notNull()
      .references(() => duplicateScans.id),
    leftMemberId: integer('left_member_id')
      .notNull()
      .references(() => members.id),
    rightMemberId: integer('right_member_id')
      .notNull()
      .references(() => members.id),
    score: real('score').notNull(),
    decision: text('decision', { enum: ['match', 'review'] }).notNull(),
    /** JSON array of `{ code, text, weight }`. */
    reasons: text('reasons').notNull(),
    state: text('state', { enum: ['open', 'merged', 'dismissed'] })
      .notNull()
      .default('open'),
    resolvedByStaffId: integer('resolved_by_staff_id').references(() => staffUsers.id),
    resolvedAt: text('resolved_at'),
    resolutionReason: text('resolution_reason'),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex('duplicate_candidates_pair').on(t.leftMemberId, t.rightMemberId),
    index('duplicate_candidates_state').on(t.state, t.score),
    index('duplicate_candidates_right').on(t.rightMemberId),
  ],
);

/**
 * What a merge of two persons moved, so that `unmerge` can put it back exactly: the KPJ numbers
 * and the records that had been merged into the merged member before.
 */
export const personMerges = sqliteTable(
  'person_merges',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    candidateId: integer('candidate_id')
      .notNull()
      .references(() => duplicateCandidates.id),
    keptMemberId: integer('kept_member_id')
      .notNull()
      .references(() => members.id),
    mergedMemberId: integer('merged_member_id')
      .notNull()
      .references(() => members.id),
    /** JSON arrays: KPJ numbers moved, member ids re-pointed from the merged member to the kept one. */
    movedKpjs: text('moved_kpjs').notNull(),
    movedMembers: text('moved_members').notNull(),
    mergedByStaffId: integer('merged_by_staff_id')
      .notNull()
      .references(() => staffUsers.id),
    mergedAt: text('merged_at').notNull(),
    reason: text('reason').notNull(),
    unmergedByStaffId: integer('unmerged_by_staff_id').references(() => staffUsers.id),
    unmergedAt: text('unmerged_at'),
    unmergeReason: text('unmerge_reason'),
  },
  (t) => [index('person_merges_candidate').on(t.candidateId)],
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
  /** `pending` until the email of a new registration is verified; `frozen` after "this was not me". */
  state: text('state', { enum: ['pending', 'active', 'locked', 'frozen', 'closed'] })
    .notNull()
    .default('active'),
  /** Consecutive failed passwords and codes; reset only by a successful login or recovery. */
  failedAttempts: integer('failed_attempts').notNull().default(0),
  frozenAt: text('frozen_at'),
  frozenReason: text('frozen_reason'),
  /** Closed as a duplicate account ("akun ganda") by the member or by staff; it no longer logs in. */
  closedAt: text('closed_at'),
  closedReason: text('closed_reason'),
  passwordChangedAt: text('password_changed_at'),
  /** Language of notices: `id` (default) or `en`. */
  locale: text('locale', { enum: ['id', 'en'] })
    .notNull()
    .default('id'),
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
    /** When the password was last entered in this session (changes of contact need it recent). */
    authenticatedAt: text('authenticated_at').notNull(),
    expiresAt: text('expires_at').notNull(),
    revokedAt: text('revoked_at'),
    userAgent: text('user_agent'),
  },
  (t) => [index('sessions_account').on(t.accountId)],
);

export const verificationPurposes = [
  'registration',
  'email_verification',
  'password_reset',
  'email_change',
  'phone_change',
  'contact_change_revert',
  'recovery',
  'kiosk_pairing',
  'account_control',
] as const;
export type VerificationPurpose = (typeof verificationPurposes)[number];

/**
 * One-time codes and link tokens. Codes are stored as an HMAC keyed with the server secret,
 * tokens as SHA-256; `payload` carries what the code confirms (for example the new email).
 */
export const verificationCodes = sqliteTable(
  'verification_codes',
  {
    id: text('id').primaryKey(),
    purpose: text('purpose', { enum: verificationPurposes }).notNull(),
    accountId: integer('account_id').references(() => accounts.id),
    memberId: integer('member_id').references(() => members.id),
    /** Keyed hash of the address the code was sent to, to find and limit codes per destination. */
    destinationHash: text('destination_hash').notNull(),
    codeHash: text('code_hash'),
    tokenHash: text('token_hash'),
    payload: text('payload').notNull().default('{}'),
    attempts: integer('attempts').notNull().default(0),
    createdAt: createdAt(),
    expiresAt: text('expires_at').notNull(),
    consumedAt: text('consumed_at'),
  },
  (t) => [
    index('verification_codes_account').on(t.accountId, t.purpose),
    index('verification_codes_destination').on(t.destinationHash, t.purpose),
    uniqueIndex('verification_codes_token').on(t.tokenHash),
  ],
);

/**
 * Events counted by the rate limits, keyed by a keyed hash of the scope and the submitted
 * identifier (existing or not), so that several server processes share the limits.
 */
export const rateLimitEvents = sqliteTable(
  'rate_limit_events',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    key: text('key').notNull(),
    at: text('at').notNull(),
  },
  (t) => [index('rate_limit_events_key_at').on(t.key, t.at)],
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
  /** The branch office a branch officer works at (kiosks are paired to it). */
  branchCode: text('branch_code'),
  passwordHash: text('password_hash').notNull(),
  /** TOTP secret, encrypted with a key derived from the server secret (AES-256-GCM). */
  totpSecretEncrypted: text('totp_secret_encrypted'),
  totpEnrolledAt: text('totp_enrolled_at'),
  /** The last TOTP time step used: a code is accepted once, never replayed within its window. */
  totpLastStep: integer('totp_last_step'),
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

/**
 * A verified case: a call-center knowledge check or a branch officer's in-person check. It
 * lasts 30 minutes; within it the recovery policy decides what the staff member may see and do.
 * `evidence` holds what was established (which facts matched, which documents were checked),
 * never the answers themselves.
 */
export const recoveryCases = sqliteTable(
  'recovery_cases',
  {
    id: text('id').primaryKey(),
    memberId: integer('member_id').references(() => members.id),
    channel: text('channel', { enum: ['call_center', 'branch_counter'] }).notNull(),
    staffId: integer('staff_id')
      .notNull()
      .references(() => staffUsers.id),
    outcome: text('outcome', { enum: ['passed', 'failed'] }).notNull(),
    evidence: text('evidence').notNull().default('[]'),
    reason: text('reason'),
    createdAt: createdAt(),
    expiresAt: text('expires_at').notNull(),
    closedAt: text('closed_at'),
  },
  (t) => [index('recovery_cases_member').on(t.memberId), index('recovery_cases_staff').on(t.staffId)],
);

/** A kiosk paired to a branch by a branch officer; its credential lives in an httpOnly cookie. */
export const kioskDevices = sqliteTable('kiosk_devices', {
  id: text('id').primaryKey(),
  tokenHash: text('token_hash').notNull().unique(),
  branchCode: text('branch_code').notNull(),
  label: text('label').notNull(),
  pairedByStaffId: integer('paired_by_staff_id')
    .notNull()
    .references(() => staffUsers.id),
  createdAt: createdAt(),
  lastSeenAt: text('last_seen_at'),
  revokedAt: text('revoked_at'),
});

/** A queue ticket a kiosk issues for the counter: only the intent, never member data. */
export const queueTickets = sqliteTable(
  'queue_tickets',
  {
    id: text('id').primaryKey(),
    branchCode: text('branch_code').notNull(),
    /** Shown to the member and called out: a letter for the intent and a daily number, e.g. `K-007`. */
    number: text('number').notNull(),
    serviceDay: text('service_day').notNull(),
    kioskId: text('kiosk_id').references(() => kioskDevices.id),
    intent: text('intent', { enum: ['change_contact', 'lost_phone', 'other'] }).notNull(),
    status: text('status', { enum: ['waiting', 'called', 'done'] })
      .notNull()
      .default('waiting'),
    createdAt: createdAt(),
    calledAt: text('called_at'),
    calledByStaffId: integer('called_by_staff_id').references(() => staffUsers.id),
    doneAt: text('done_at'),
  },
  (t) => [
    index('queue_tickets_branch_status').on(t.branchCode, t.status, t.createdAt),
    uniqueIndex('queue_tickets_number').on(t.branchCode, t.serviceDay, t.number),
  ],
);

/** Customer-service mail received over SMTP, as a ticket. */
export const supportTickets = sqliteTable(
  'support_tickets',
  {
    id: text('id').primaryKey(),
    messageId: text('message_id'),
    fromAddress: text('from_address').notNull(),
    subject: text('subject').notNull(),
    body: text('body').notNull(),
    attachmentCount: integer('attachment_count').notNull().default(0),
    status: text('status', { enum: ['open', 'answered', 'closed'] })
      .notNull()
      .default('open'),
    receivedAt: text('received_at').notNull(),
    closedAt: text('closed_at'),
  },
  (t) => [
    index('support_tickets_status').on(t.status, t.receivedAt),
    uniqueIndex('support_tickets_message_id').on(t.messageId),
  ],
);

/** Inbound mail that could not be read as a ticket: kept aside, reported, never lost. */
export const inboundMailRejects = sqliteTable('inbound_mail_rejects', {
  id: text('id').primaryKey(),
  receivedAt: text('received_at').notNull(),
  reason: text('reason').notNull(),
  sizeBytes: integer('size_bytes').notNull(),
  /** The first bytes of the raw message, for a person to look at. */
  rawHead: text('raw_head').notNull(),
});

/** Messages to members, written in the same transaction as the change that causes them. */
export const outbox = sqliteTable(
  'outbox',
  {
    id: text('id').primaryKey(),
    channel: text('channel', { enum: ['email', 'sms'] }).notNull(),
    recipient: text('recipient').notNull(),
    subject: text('subject'),
    body: text('body').notNull(),
    /** Template that produced the message, e.g. `registration_code`; never the code itself in logs. */
    template: text('template').notNull().default(''),
    memberId: integer('member_id'),
    createdAt: createdAt(),
    sentAt: text('sent_at'),
    attempts: integer('attempts').notNull().default(0),
    nextAttemptAt: text('next_attempt_at'),
    lastError: text('last_error'),
  },
  (t) => [index('outbox_pending').on(t.sentAt, t.nextAttemptAt)],
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

/**
 * "I control this other account too": proven by the member logged in to `account_id` for
 * `proven_account_id` (its password, or a code sent to its email), valid for a short time, so
 * that duplicate accounts can be closed by their owner.
 */
export const accountControlProofs = sqliteTable(
  'account_control_proofs',
  {
    accountId: integer('account_id')
      .notNull()
      .references(() => accounts.id),
    provenAccountId: integer('proven_account_id')
      .notNull()
      .references(() => accounts.id),
    method: text('method', { enum: ['password', 'email_code'] }).notNull(),
    provenAt: text('proven_at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.accountId, t.provenAccountId] })],
);

/** A branch office: where appointments are booked and officers and kiosks work. */
export const branches = sqliteTable('branches', {
  code: text('code').primaryKey(),
  name: text('name').notNull(),
  address: text('address').notNull(),
});

export const jhtClaimStates = ['submitted', 'verifying', 'approved', 'rejected', 'paid'] as const;
export type JhtClaimState = (typeof jhtClaimStates)[number];

/**
 * A JHT claim. `open_key` is `<member id>:<reason>` while the claim is unfinished and null once it
 * is rejected or paid: the unique index on it gives one claim per member per reason at a time,
 * however many submissions race. The assessment at submission is kept as it was shown.
 */
export const jhtClaims = sqliteTable(
  'jht_claims',
  {
    id: text('id').primaryKey(),
    memberId: integer('member_id')
      .notNull()
      .references(() => members.id),
    kpj: text('kpj')
      .notNull()
      .references(() => memberKpj.kpj),
    reason: text('reason').notNull(),
    claimant: text('claimant', { enum: ['member', 'heir'] }).notNull(),
    /** For an heir's claim: who claims, encrypted (name, NIK, relation) as JSON. */
    heirEncrypted: text('heir_encrypted'),
    /** `web` (the member) or `branch_counter` (an officer inside an in-person case). */
    submittedVia: text('submitted_via', { enum: ['web', 'branch_counter'] }).notNull(),
    caseId: text('case_id'),
    state: text('state', { enum: jhtClaimStates }).notNull(),
    openKey: text('open_key'),
    gross: integer('gross').notNull(),
    tax: integer('tax').notNull(),
    net: integer('net').notNull(),
    /** Above the online limit: approval needs a supervisor. */
    needsSupervisor: integer('needs_supervisor', { mode: 'boolean' }).notNull(),
    assessment: text('assessment').notNull(),
    bankCode: text('bank_code').notNull(),
    /** The account number, encrypted; `bank_account_last4` is what screens show. */
    bankAccountEncrypted: text('bank_account_encrypted').notNull(),
    bankAccountLast4: text('bank_account_last4').notNull(),
    bankAccountHolder: text('bank_account_holder').notNull(),
    npwpEncrypted: text('npwp_encrypted'),
    submittedAt: text('submitted_at').notNull(),
    decidedAt: text('decided_at'),
    decidedByStaffId: integer('decided_by_staff_id').references(() => staffUsers.id),
    decisionReason: text('decision_reason'),
    paidOn: text('paid_on'),
    paymentReference: text('payment_reference'),
    updatedAt: text('updated_at').notNull(),
  },
  (t) => [
    uniqueIndex('jht_claims_open_key').on(t.openKey),
    index('jht_claims_member').on(t.memberId),
    index('jht_claims_state').on(t.state, t.submittedAt),
    index('jht_claims_kpj').on(t.kpj),
  ],
);

/** Each change of a claim's state, in order: the member's tracking page and the staff history. */
export const jhtClaimEvents = sqliteTable(
  'jht_claim_events',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    claimId: text('claim_id')
      .notNull()
      .references(() => jhtClaims.id),
    at: text('at').notNull(),
    state: text('state', { enum: jhtClaimStates }).notNull(),
    actorKind: text('actor_kind', { enum: ['member', 'staff', 'system'] }).notNull(),
    actorId: text('actor_id'),
    note: text('note'),
  },
  (t) => [index('jht_claim_events_claim').on(t.claimId, t.id)],
);

/**
 * A document attached to a claim. The content lives outside the database, encrypted at rest
 * (AES-256-GCM, key from the environment); the row holds its type as detected from the content,
 * its size and digest, and the day it may be deleted.
 */
export const jhtClaimDocuments = sqliteTable(
  'jht_claim_documents',
  {
    id: text('id').primaryKey(),
    claimId: text('claim_id').references(() => jhtClaims.id),
    memberId: integer('member_id')
      .notNull()
      .references(() => members.id),
    kind: text('kind').notNull(),
    contentType: text('content_type', { enum: ['application/pdf', 'image/jpeg', 'image/png'] }).notNull(),
    sizeBytes: integer('size_bytes').notNull(),
    sha256: text('sha256').notNull(),
    storageKey: text('storage_key').notNull(),
    uploadedAt: text('uploaded_at').notNull(),
    uploadedBy: text('uploaded_by').notNull(),
    retainUntil: text('retain_until').notNull(),
    deletedAt: text('deleted_at'),
  },
  (t) => [index('jht_claim_documents_claim').on(t.claimId), index('jht_claim_documents_retain').on(t.retainUntil)],
);

export const appointmentStates = ['booked', 'checked_in', 'cancelled'] as const;

/** A branch appointment: claims above the online limit and heirs' claims are done in person. */
export const appointments = sqliteTable(
  'appointments',
  {
    id: text('id').primaryKey(),
    memberId: integer('member_id')
      .notNull()
      .references(() => members.id),
    branchCode: text('branch_code')
      .notNull()
      .references(() => branches.code),
    day: text('day').notNull(),
    /** `HH:MM`, the start of the slot. */
    slot: text('slot').notNull(),
    purpose: text('purpose').notNull(),
    state: text('state', { enum: appointmentStates }).notNull(),
    createdAt: createdAt(),
    checkedInAt: text('checked_in_at'),
    checkedInByStaffId: integer('checked_in_by_staff_id').references(() => staffUsers.id),
  },
  (t) => [
    index('appointments_branch_day').on(t.branchCode, t.day, t.slot),
    index('appointments_member').on(t.memberId),
  ],
);

export const noticeTopics = ['contribution_credited', 'contribution_missing', 'status_changed', 'claim_state'] as const;
export type NoticeTopic = (typeof noticeTopics)[number];

/** Which JHT notices a member wants, on which channel; a missing row means the default. */
export const noticePreferences = sqliteTable(
  'notice_preferences',
  {
    memberId: integer('member_id')
      .notNull()
      .references(() => members.id),
    topic: text('topic', { enum: noticeTopics }).notNull(),
    email: integer('email', { mode: 'boolean' }).notNull(),
    sms: integer('sms', { mode: 'boolean' }).notNull(),
    updatedAt: text('updated_at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.memberId, t.topic] })],
);

/**
 * Notices already queued, by topic and subject (`2026-09` for a month, a status, a claim state):
 * a sweep that runs twice never tells the member twice.
 */
export const noticesSent = sqliteTable(
  'notices_sent',
  {
    memberId: integer('member_id').notNull(),
    topic: text('topic', { enum: noticeTopics }).notNull(),
    subject: text('subject').notNull(),
    at: text('at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.memberId, t.topic, t.subject] })],
);

/**
 * KPJ numbers whose months a contributions import has just made paid, written in the import's
 * transaction and drained afterwards, 200 at a time, into the members' notices
 * (`sendPendingJhtNotices`): a national monthly file (tens of millions of rows) never has to fit
 * in memory, and notices of an import whose server stopped right after it are sent on the next run.
 */
export const jhtNoticesPending = sqliteTable('jht_notices_pending', {
  kpj: text('kpj').primaryKey(),
  queuedAt: text('queued_at').notNull(),
});

/**
 * When each employed person's membership status must be looked at again (`notices/`): the first
 * day the rules would give another status on the facts as they are
 * (`nextMembershipStatusChange`), set whenever the status is computed; triggers (migration 0013)
 * bring it forward to "now" ('0000-01-01') when a person's participations, cards, birth date or
 * merges change, and a contributions import queues its payers (`jht_notices_pending`). So the
 * six-hourly job reads only the persons whose status may have changed, not every member.
 * Only persons with a participation have a row (the others have nothing to be told).
 */
export const membershipChecks = sqliteTable(
  'membership_checks',
  {
    memberId: integer('member_id')
      .primaryKey()
      .references(() => members.id, { onDelete: 'cascade' }),
    dueOn: text('due_on').notNull(),
  },
  (t) => [index('membership_checks_due_on').on(t.dueOn)],
);

/**
 * The "a month is missing" scan of each due month (`notices/missing-contributions.ts`): which
 * participation it has reached, so that a scan of a national registry resumes where a stopped
 * server left it, and when it finished.
 */
export const missingContributionScans = sqliteTable('missing_contribution_scans', {
  period: text('period').primaryKey(),
  afterParticipationId: integer('after_participation_id').notNull(),
  finishedAt: text('finished_at'),
});

export const importKinds = ['members', 'contributions', 'employment'] as const;

/**
 * A file imported by staff, processed by the server as it streams in. A members import commits
 * in batches and records the last line committed, so that sending the same file again resumes
 * there; a contributions file loads only if no row was refused, counting the rows loaded in
 * `rows_accepted` as its chunks commit.
 */
export const importJobs = sqliteTable(
  'import_jobs',
  {
    id: text('id').primaryKey(),
    kind: text('kind', { enum: importKinds }).notNull(),
    fileName: text('file_name').notNull(),
    fileSha256: text('file_sha256').notNull(),
    state: text('state', { enum: ['running', 'completed', 'rejected', 'failed'] }).notNull(),
    rowsRead: integer('rows_read').notNull().default(0),
    rowsAccepted: integer('rows_accepted').notNull().default(0),
    rowsRejected: integer('rows_rejected').notNull().default(0),
    lastCommittedLine: integer('last_committed_line').notNull().default(0),
    requestedByStaffId: integer('requested_by_staff_id')
      .notNull()
      .references(() => staffUsers.id),
    startedAt: text('started_at').notNull(),
    finishedAt: text('finished_at'),
    error: text('error'),
  },
  (t) => [index('import_jobs_file').on(t.kind, t.fileSha256)],
);

/** A row an import refused, by line number, with the reason (never the row's personal data). */
export const importRejections = sqliteTable(
  'import_rejections',
  {
    jobId: text('job_id')
      .notNull()
      .references(() => importJobs.id),
    line: integer('line').notNull(),
    reason: text('reason').notNull(),
  },
  (t) => [primaryKey({ columns: [t.jobId, t.line] })],
);

/**
 * Personal-data settings (retention periods, the correction deadline) that an admin changed; a
 * missing row means the documented default (`privacy/privacy-settings.ts`, README).
 */
export const privacySettings = sqliteTable('privacy_settings', {
  name: text('name').primaryKey(),
  value: integer('value').notNull(),
  updatedAt: text('updated_at').notNull(),
  updatedByStaffId: integer('updated_by_staff_id').references(() => staffUsers.id),
});

export const correctionFields = ['full_name', 'birth_date', 'mother_name', 'nik'] as const;
export type CorrectionField = (typeof correctionFields)[number];
export const correctionStates = ['pending', 'approved', 'rejected'] as const;

/**
 * A member's request to correct their identity data, with the evidence (a KTP or KK scan, stored
 * encrypted like claim documents). The stated value is kept encrypted; `open_key`
 * (`<member id>:<field>`) while pending gives one open request per field.
 */
export const correctionRequests = sqliteTable(
  'correction_requests',
  {
    id: text('id').primaryKey(),
    memberId: integer('member_id')
      .notNull()
      .references(() => members.id),
    field: text('field', { enum: correctionFields }).notNull(),
    requestedValueEncrypted: text('requested_value_encrypted').notNull(),
    /** The value an approval replaced, encrypted, so that a wrong approval can be put right. */
    previousValueEncrypted: text('previous_value_encrypted'),
    evidenceKind: text('evidence_kind', { enum: ['ktp', 'kk'] }).notNull(),
    evidenceDocumentId: text('evidence_document_id')
      .notNull()
      .references(() => jhtClaimDocuments.id),
    state: text('state', { enum: correctionStates }).notNull(),
    openKey: text('open_key'),
    requestedAt: text('requested_at').notNull(),
    dueAt: text('due_at').notNull(),
    decidedAt: text('decided_at'),
    decidedByStaffId: integer('decided_by_staff_id').references(() => staffUsers.id),
    decisionReason: text('decision_reason'),
    /** The duplicate re-check run when the correction was approved (a `duplicate_scans` row). */
    duplicateScanId: text('duplicate_scan_id'),
  },
  (t) => [
    uniqueIndex('correction_requests_open_key').on(t.openKey),
    index('correction_requests_state_due').on(t.state, t.dueAt),
    index('correction_requests_member').on(t.memberId),
  ],
);

/**
 * A personal-data incident: what happened and the audit-log filters that find the members whose
 * data was read or disclosed (JSON: since, until, staffId, channel, actionPrefix).
 */
export const privacyIncidents = sqliteTable('privacy_incidents', {
  id: text('id').primaryKey(),
  description: text('description').notNull(),
  filters: text('filters').notNull(),
  /** What was done about it, for the report to the supervisory agency. */
  measures: text('measures'),
  openedAt: text('opened_at').notNull(),
  openedByStaffId: integer('opened_by_staff_id')
    .notNull()
    .references(() => staffUsers.id),
  /** When the breach notices were first queued and the report last written. */
  notifiedAt: text('notified_at'),
  reportedAt: text('reported_at'),
});

/** One breach notice per member and incident: `notify` run twice queues nothing new. */
export const privacyIncidentNotices = sqliteTable(
  'privacy_incident_notices',
  {
    incidentId: text('incident_id')
      .notNull()
      .references(() => privacyIncidents.id),
    memberId: integer('member_id')
      .notNull()
      .references(() => members.id),
    /** JSON array of the outbox ids (email and SMS); their `sent_at` says when each went out. */
    outboxIds: text('outbox_ids').notNull(),
    queuedAt: text('queued_at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.incidentId, t.memberId] })],
);
