import { daysInMonth, parseIsoDate } from './calendar.js';
import { dateToMs, type IsoInstant, instantToMs } from './instant.js';
import { normalizeNik } from './nik.js';

/**
 * Sensitive changes (password, email, phone) need a login or step-up within the last
 * `maxAgeMinutes`, boundary included. A time ahead of `now` (clock skew between servers) counts
 * as recent only within the same bound, so a bogus far-future time never grants a lasting pass.
 */
export function isRecentlyAuthenticated(authenticatedAt: IsoInstant, now: Date, maxAgeMinutes = 10): boolean {
  return Math.abs(dateToMs(now) - instantToMs(authenticatedAt)) <= maxAgeMinutes * 60_000;
}

/** The same instant `months` calendar months later in UTC; the 31st becomes the month's last day. */
export function addUtcMonths(ms: number, months: number): number {
  const date = new Date(ms);
  const monthIndex = date.getUTCFullYear() * 12 + date.getUTCMonth() + months;
  const year = Math.floor(monthIndex / 12);
  const month = monthIndex - year * 12;
  const day = Math.min(date.getUTCDate(), daysInMonth(year, month + 1));
  const result = new Date(ms);
  result.setUTCFullYear(year, month, day);
  return result.getTime();
}

/**
 * Members re-confirm their email and phone once `maxAgeMonths` calendar months (UTC) have passed
 * since they last did: confirmed 2024-03-15T10:00Z → due from 2025-03-15T10:00Z. Never confirmed → due.
 */
export function contactsNeedReconfirmation(confirmedAt: IsoInstant | null, now: Date, maxAgeMonths = 12): boolean {
  if (confirmedAt === null) return true;
  return dateToMs(now) >= addUtcMonths(instantToMs(confirmedAt), maxAgeMonths);
}

/**
 * The instant from which `contactsNeedReconfirmation` holds (null when never confirmed: due
 * already), for a reply that must be worked out again when it comes.
 */
export function contactsReconfirmationDueAt(confirmedAt: IsoInstant | null, maxAgeMonths = 12): IsoInstant | null {
  if (confirmedAt === null) return null;
  return new Date(addUtcMonths(instantToMs(confirmedAt), maxAgeMonths)).toISOString();
}

/** Dropped from names: `.`, `,`, `'`, `` ` `` and the typographic apostrophes phones insert (’ ‘). */
const NAME_PUNCTUATION = /[.,'`\u2018\u2019]/g;

/** `  Muh. Ma'ruf   amin ` → `MUH MARUF AMIN`, for comparing names typed by members with the registry. */
export function normalizePersonName(name: string): string {
  // Normalized again after dropping and upper-casing, which can leave decomposed sequences behind,
  // so that the result is a fixed point.
  const letters = name.normalize('NFKC').replace(NAME_PUNCTUATION, '').toUpperCase().normalize('NFKC');
  return letters.replace(NAME_PUNCTUATION, '').replace(/\s+/g, ' ').trim();
}

/** What a member types to prove who they are (for example to register or recover an account). */
export interface RegistryIdentityClaim {
  readonly nik: string;
  readonly kpj: string;
  readonly fullName: string;
  readonly birthDate: string;
}

/** What the membership registry holds for that member. */
export interface RegistryIdentityRecord {
  readonly nik: string | null;
  readonly kpjNumbers: readonly string[];
  readonly fullName: string;
  readonly birthDate: string | null;
}

const compactKpj = (kpj: string): string => kpj.replace(/[\s.-]/g, '');

/**
 * All four must agree: NIK (ignoring separators), a KPJ number the member holds (ignoring
 * separators), the name after `normalizePersonName`, and the birth date. Missing data never matches.
 */
export function matchesRegistryIdentity(claim: RegistryIdentityClaim, record: RegistryIdentityRecord): boolean {
  const nik = normalizeNik(claim.nik);
  const kpj = compactKpj(claim.kpj);
  const name = normalizePersonName(claim.fullName);
  const birthDate = parseIsoDate(claim.birthDate.trim()) ? claim.birthDate.trim() : null;
  return (
    nik !== '' &&
    record.nik !== null &&
    normalizeNik(record.nik) === nik &&
    kpj !== '' &&
    record.kpjNumbers.some((held) => compactKpj(held) === kpj) &&
    name !== '' &&
    normalizePersonName(record.fullName) === name &&
    birthDate !== null &&
    record.birthDate !== null &&
    record.birthDate.trim() === birthDate
  );
}
