import { normalizeEmail, normalizePhone, parseIsoDate, parseKpj, parseMemberLookupKey, parseNik } from '@pulih/domain';
import type { MessageKey } from './messages';

// Checks made before anything is sent, with the domain's own parsers, so that the member sees
// which field is wrong next to that field. The API checks again and has the last word.

export type FieldCheck = (value: string) => MessageKey | null;

const required =
  (check: (value: string) => boolean, invalid: MessageKey): FieldCheck =>
  (value) => {
    if (value.trim() === '') return 'fieldRequired';
    return check(value) ? null : invalid;
  };

export const checkNik = required((value) => parseNik(value).ok, 'nikInvalid');
export const checkKpj = required((value) => parseKpj(value).ok, 'kpjInvalid');
export const checkEmail = required((value) => normalizeEmail(value).ok, 'emailInvalid');
export const checkPhone = required((value) => normalizePhone(value).ok, 'phoneInvalid');
/** NIK (16 digits) or KPJ (11 digits), as "lupa email/akun" takes either. */
export const checkNikOrKpj = required((value) => parseMemberLookupKey(value).ok, 'recoverIdentifierInvalid');
export const checkBirthDate = required((value) => parseIsoDate(value) !== null, 'birthDateInvalid');
export const checkCode = required((value) => /^\d{6}$/.test(value.trim()), 'codeFormatInvalid');
export const checkFilled = required(() => true, 'fieldRequired');

/** Each field's problem, or null for a field that is fine. */
export type FieldProblems<F extends string> = Partial<Record<F, MessageKey>>;

/** Runs one check per field; the result is empty when every field is fine. */
export function findFieldProblems<F extends string>(
  values: Readonly<Record<F, string>>,
  checks: Readonly<Record<F, FieldCheck>>,
): FieldProblems<F> {
  const problems: FieldProblems<F> = {};
  for (const field of Object.keys(checks) as F[]) {
    const problem = checks[field](values[field]);
    if (problem !== null) problems[field] = problem;
  }
  return problems;
}

export const hasProblems = (problems: FieldProblems<string>): boolean => Object.keys(problems).length > 0;
