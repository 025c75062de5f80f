import { normalizeEmail } from './email.js';
import { parseKpj } from './kpj.js';
import { err, ok, type Result } from './result.js';

/** Members log in with their email or, as in the agency's apps, with a KPJ number. */
export type LoginIdentifier =
  | { readonly kind: 'email'; readonly email: string }
  | { readonly kind: 'kpj'; readonly kpj: string };

export function parseLoginIdentifier(raw: string): Result<LoginIdentifier, 'IDENTIFIER_FORMAT'> {
  const trimmed = raw.trim();
  if (trimmed.includes('@')) {
    const email = normalizeEmail(trimmed);
    return email.ok ? ok({ kind: 'email', email: email.value }) : err('IDENTIFIER_FORMAT');
  }
  const kpj = parseKpj(trimmed);
  return kpj.ok ? ok({ kind: 'kpj', kpj: kpj.value }) : err('IDENTIFIER_FORMAT');
}
