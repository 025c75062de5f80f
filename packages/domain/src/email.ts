import { err, ok, type Result } from './result.js';

/** Deliberately simple: one @, a dotted domain, no spaces; the verification code proves the rest. */
const EMAIL = /^[^\s@]{1,64}@[^\s@]+\.[^\s@]{2,}$/;

export function normalizeEmail(raw: string): Result<string, 'EMAIL_FORMAT'> {
  const email = raw.trim().toLowerCase();
  return email.length <= 254 && EMAIL.test(email) ? ok(email) : err('EMAIL_FORMAT');
}

/** `andi@gmail.com` → `a***i@gmail.com`; a one- or two-letter name keeps only its first letter. */
export function maskEmail(email: string): string {
  const at = email.lastIndexOf('@');
  if (at < 1) return '***';
  const local = email.slice(0, at);
  const domain = email.slice(at + 1);
  const shown = local.length <= 2 ? `${local[0]}***` : `${local[0]}***${local[local.length - 1]}`;
  return `${shown}@${domain}`;
}
