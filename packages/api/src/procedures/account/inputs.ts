import {
  checkPassword,
  normalizeEmail,
  normalizePhone,
  type PasswordContext,
  parseIsoDate,
  parseKpj,
  parseNik,
} from '@pulih/domain';
import { z } from 'zod';
import { appError } from '../../errors.js';
import { commonPasswords } from '../../security/common-passwords.js';

/** Field formats shared by the account procedures; each failure names its field. */
export const localeInput = z.enum(['id', 'en']).default('id');
export const codeInput = z.string().trim().min(1).max(20);
export const tokenInput = z.string().trim().min(20).max(200);
export const passwordInput = z.string().min(1).max(1024);

export function requireEmail(raw: string): string {
  const email = normalizeEmail(raw);
  if (!email.ok) throw appError('INVALID_INPUT', 'Enter a valid email address.');
  return email.value;
}

export function requirePhone(raw: string): string {
  const phone = normalizePhone(raw);
  if (!phone.ok) throw appError('INVALID_INPUT', 'Enter an Indonesian mobile number, e.g. 0812-3456-7890.');
  return phone.value;
}

export function requireNik(raw: string): string {
  const nik = parseNik(raw);
  if (!nik.ok) throw appError('INVALID_INPUT', 'Enter the 16-digit NIK exactly as on the KTP.');
  return nik.value.nik;
}

export function requireKpj(raw: string): string {
  const kpj = parseKpj(raw);
  if (!kpj.ok) throw appError('INVALID_INPUT', 'Enter the 11-digit KPJ number from the membership card.');
  return kpj.value;
}

export function requireBirthDate(raw: string): string {
  if (!parseIsoDate(raw)) throw appError('INVALID_INPUT', 'Enter the birth date as YYYY-MM-DD.');
  return raw;
}

/** Applies the password policy or throws PASSWORD_REJECTED with every failed rule. */
export function requireAcceptablePassword(password: string, context: PasswordContext): void {
  const check = checkPassword(password, context, commonPasswords());
  if (!check.ok) throw appError('PASSWORD_REJECTED', undefined, { reasons: check.reasons });
}
