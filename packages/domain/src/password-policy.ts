import { parseIsoDate } from './calendar.js';
import { normalizeNik } from './nik.js';

/** Why a new password is refused; several can apply at once, always in this order. */
export type PasswordRejection = 'TOO_SHORT' | 'TOO_LONG' | 'COMMON' | 'CONTAINS_PERSONAL_DATA';

/** What we know about the member, so that a password cannot simply be their own data. */
export interface PasswordContext {
  readonly nik?: string | null;
  readonly kpjNumbers?: readonly string[];
  readonly birthDate?: string | null; // YYYY-MM-DD
  readonly email?: string | null;
}

export type PasswordCheck =
  | { readonly ok: true }
  | { readonly ok: false; readonly reasons: readonly PasswordRejection[] };

export const PASSWORD_MIN_LENGTH = 12;
export const PASSWORD_MAX_LENGTH = 128;

/** Shortest core (what is left once digits and symbols are trimmed) worth looking up. */
const MIN_CORE_LENGTH = 4;
/** Shortest email local part, NIK or KPJ number worth looking for. */
const MIN_PERSONAL_LENGTH = 4;

const EDGE_DECORATION = /^[\p{N}\p{P}\p{S}\s]+|[\p{N}\p{P}\p{S}\s]+$/gu;
const DIGIT_SEPARATORS = /[\s.-]/g;

/** Length as people count it: in Unicode code points, so an emoji is one character. */
export const passwordLength = (password: string): number => [...password].length;

/**
 * The part of a password left after trimming leading and trailing digits, punctuation, symbols
 * and spaces: `Password2024!` → `Password`. This is what people decorate to pass old rules.
 */
export const passwordCore = (password: string): string => password.replace(EDGE_DECORATION, '');

function isCommon(password: string, commonPasswords: ReadonlySet<string>): boolean {
  if (commonPasswords.has(password.toLowerCase())) return true;
  const core = passwordCore(password);
  return passwordLength(core) >= MIN_CORE_LENGTH && commonPasswords.has(core.toLowerCase());
}

/** The birth date as people write it into passwords; none when the date is missing or invalid. */
function birthDateForms(birthDate: string | null | undefined): { compact: string[]; dashed: string[] } {
  const date = birthDate ? parseIsoDate(birthDate) : null;
  if (!date) return { compact: [], dashed: [] };
  const yyyy = String(date.year).padStart(4, '0');
  const mm = String(date.month).padStart(2, '0');
  const dd = String(date.day).padStart(2, '0');
  return {
    compact: [`${yyyy}${mm}${dd}`, `${dd}${mm}${yyyy}`, `${dd}${mm}${yyyy.slice(2)}`],
    dashed: [`${yyyy}-${mm}-${dd}`, `${dd}-${mm}-${yyyy}`],
  };
}

function containsPersonalData(password: string, context: PasswordContext): boolean {
  const lower = password.toLowerCase();
  // Digit runs are compared with the separators people type between groups removed.
  const compact = lower.replace(DIGIT_SEPARATORS, '');
  const digitRuns = [
    context.nik ? normalizeNik(context.nik) : '',
    ...(context.kpjNumbers ?? []).map((kpj) => kpj.replace(DIGIT_SEPARATORS, '')),
  ].filter((run) => run.length >= MIN_PERSONAL_LENGTH);
  const dates = birthDateForms(context.birthDate);
  if ([...digitRuns, ...dates.compact].some((run) => compact.includes(run.toLowerCase()))) return true;
  if (dates.dashed.some((form) => lower.includes(form))) return true;
  const email = context.email?.trim().toLowerCase() ?? '';
  const at = email.lastIndexOf('@');
  const local = at >= 0 ? email.slice(0, at) : '';
  return passwordLength(local) >= MIN_PERSONAL_LENGTH && lower.includes(local);
}

/**
 * NIST SP 800-63B style: 12 to 128 characters, no composition rules, but not a common password
 * (even decorated with digits and symbols) and not the member's own NIK, KPJ, birth date or email name.
 * `commonPasswords` holds lower-case entries.
 */
export function checkPassword(
  password: string,
  context: PasswordContext,
  commonPasswords: ReadonlySet<string>,
): PasswordCheck {
  const length = passwordLength(password);
  const reasons: PasswordRejection[] = [];
  if (length < PASSWORD_MIN_LENGTH) reasons.push('TOO_SHORT');
  if (length > PASSWORD_MAX_LENGTH) reasons.push('TOO_LONG');
  if (isCommon(password, commonPasswords)) reasons.push('COMMON');
  if (containsPersonalData(password, context)) reasons.push('CONTAINS_PERSONAL_DATA');
  return reasons.length === 0 ? { ok: true } : { ok: false, reasons };
}
