import { eq } from 'drizzle-orm';
import type { Db } from '../db/database.js';
import { privacySettings } from '../db/schema.js';

/**
 * The personal-data settings: how long each kind of record is kept once it is finished, and the
 * deadlines the law sets (UU 27/2022: access and correction within 3×24 hours). The defaults are
 * documented in the README; an admin changes one with `pulih privacy retention --set NAME=VALUE`
 * (a row in `privacy_settings`, audited). Kept in the database rather than the environment so that
 * every server process applies the same policy and a change needs no restart.
 */
export const PRIVACY_SETTINGS = {
  correction_deadline_hours: {
    default: 72,
    min: 1,
    max: 720,
    unit: 'hours',
    meaning: 'a correction request must be decided within this many hours of the request',
  },
  breach_notice_deadline_hours: {
    default: 72,
    min: 1,
    max: 720,
    unit: 'hours',
    meaning: 'members and the supervisory agency are told of a breach within this many hours of its discovery',
  },
  finished_claim_documents_days: {
    default: 1825,
    min: 30,
    max: 36500,
    unit: 'days',
    meaning: 'documents of a paid or rejected claim are deleted this many days after the claim finished',
  },
  correction_evidence_days: {
    default: 365,
    min: 1,
    max: 36500,
    unit: 'days',
    meaning: 'the KTP/KK scan of a decided correction request is deleted this many days after the decision',
  },
  verification_codes_days: {
    default: 30,
    min: 1,
    max: 3650,
    unit: 'days',
    meaning: 'one-time codes and link tokens are deleted this many days after they expired or were used',
  },
  ended_sessions_days: {
    default: 90,
    min: 1,
    max: 3650,
    unit: 'days',
    meaning: 'member sessions and staff tokens are deleted this many days after they ended',
  },
  closed_tickets_days: {
    default: 365,
    min: 1,
    max: 3650,
    unit: 'days',
    meaning: 'closed customer-service mail tickets are deleted this many days after they were closed',
  },
  rejected_mail_days: {
    default: 30,
    min: 1,
    max: 3650,
    unit: 'days',
    meaning: 'inbound mail that could not be read as a ticket is deleted this many days after it arrived',
  },
  queue_tickets_days: {
    default: 30,
    min: 1,
    max: 3650,
    unit: 'days',
    meaning: 'branch queue tickets are deleted this many days after their service day',
  },
  rate_limit_events_days: {
    default: 2,
    min: 2,
    max: 365,
    unit: 'days',
    meaning: 'rate-limit events are deleted this many days after they happened (the longest window is a day)',
  },
  sent_messages_days: {
    default: 180,
    min: 7,
    max: 3650,
    unit: 'days',
    meaning: 'delivered emails and SMS (their text names the member) are deleted this many days after sending',
  },
} as const satisfies Record<
  string,
  { default: number; min: number; max: number; unit: 'hours' | 'days'; meaning: string }
>;

export type PrivacySettingName = keyof typeof PRIVACY_SETTINGS;
export type PrivacySettingValues = Record<PrivacySettingName, number>;

export const privacySettingNames = Object.keys(PRIVACY_SETTINGS) as PrivacySettingName[];

export const isPrivacySettingName = (name: string): name is PrivacySettingName => Object.hasOwn(PRIVACY_SETTINGS, name);

/** Every setting's value in force: the stored one, else its default. */
export function privacySettingValues(db: Db): PrivacySettingValues {
  const stored = new Map(
    db
      .select({ name: privacySettings.name, value: privacySettings.value })
      .from(privacySettings)
      .all()
      .map((row) => [row.name, row.value]),
  );
  return Object.fromEntries(
    privacySettingNames.map((name) => [name, stored.get(name) ?? PRIVACY_SETTINGS[name].default]),
  ) as PrivacySettingValues;
}

export const privacySetting = (db: Db, name: PrivacySettingName): number =>
  db.select({ value: privacySettings.value }).from(privacySettings).where(eq(privacySettings.name, name)).get()
    ?.value ?? PRIVACY_SETTINGS[name].default;

/** Stores a value; the caller has checked its range and audits the change in the same transaction. */
export function savePrivacySetting(db: Db, name: PrivacySettingName, value: number, staffId: number, now: Date): void {
  db.insert(privacySettings)
    .values({ name, value, updatedAt: now.toISOString(), updatedByStaffId: staffId })
    .onConflictDoUpdate({
      target: privacySettings.name,
      set: { value, updatedAt: now.toISOString(), updatedByStaffId: staffId },
    })
    .run();
}
