import { parseKpj } from './kpj.js';
import { parseNik } from './nik.js';
import { err, ok, type Result } from './result.js';

/** Staff look a member up by KPJ (11 digits) or NIK (16 digits). */
export type MemberLookupKey =
  | { readonly kind: 'kpj'; readonly kpj: string }
  | { readonly kind: 'nik'; readonly nik: string };

export function parseMemberLookupKey(
  raw: string,
): Result<MemberLookupKey, 'LOOKUP_KEY_FORMAT' | 'NIK_FORMAT' | 'NIK_PROVINCE' | 'NIK_DATE' | 'NIK_SERIAL'> {
  const compact = raw.replace(/[\s.-]/g, '');
  if (/^\d{11}$/.test(compact)) {
    const kpj = parseKpj(compact);
    return kpj.ok ? ok({ kind: 'kpj', kpj: kpj.value }) : err('LOOKUP_KEY_FORMAT');
  }
  if (/^\d{16}$/.test(compact)) {
    const nik = parseNik(compact);
    return nik.ok ? ok({ kind: 'nik', nik: nik.value.nik }) : err(nik.error);
  }
  return err('LOOKUP_KEY_FORMAT');
}
