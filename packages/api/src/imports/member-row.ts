import {
  nikAgreesWithRecord,
  normalizeEmail,
  normalizePhone,
  parseIsoDate,
  parseKpj,
  parseNik,
  type Sex,
} from '@pulih/domain';
import { motherNameDigest } from '../security/identity-digest.js';

/** Shown with the member (`members.status_reason`) while `members.nik` is null. */
export const NIK_NEEDS_CORRECTION = 'NIK perlu dikoreksi / NIK needs correction';

/** A members row that can be imported, normalised; `notes` say what was dropped or flagged. */
export interface MemberRow {
  /** Null when the NIK is empty or invalid: the member is then flagged "NIK needs correction". */
  readonly nik: string | null;
  readonly kpj: string;
  readonly fullName: string;
  readonly birthDate: string | null;
  readonly sex: Sex | null;
  /** Keyed digests of the mother's maiden name (never kept in clear): `security/identity-digest.ts`. */
  readonly motherNameDigest: string | null;
  readonly phone: string | null;
  readonly email: string | null;
  readonly notes: string[];
}

export type MemberRowCheck =
  | { readonly ok: true; readonly row: MemberRow }
  | { readonly ok: false; readonly reasons: string[] };

const NIK_PROBLEMS = {
  NIK_FORMAT: 'not 16 digits',
  NIK_PROVINCE: 'unknown province code',
  NIK_DATE: 'the birth date in it is not a real date',
  NIK_SERIAL: 'serial 0000',
  NIK_BIRTH_DATE_MISMATCH: 'it does not agree with the birth date',
  NIK_SEX_MISMATCH: 'it does not agree with the sex',
} as const;

const squeeze = (value: string): string => value.trim().replace(/\s+/g, ' ');

function sexOf(raw: string): Sex | null | 'invalid' {
  const value = raw.trim().toUpperCase();
  if (value === '') return null;
  if (value === 'L' || value === 'M') return 'L';
  if (value === 'P' || value === 'F' || value === 'W') return 'P';
  return 'invalid';
}

/**
 * Checks and normalises one members row (fields in `MEMBER_CSV_COLUMNS` order). A row is refused
 * only when it cannot make a member: no usable KPJ or no name. Everything else is imported:
 * an empty or invalid NIK leaves the member's NIK empty and flagged, an invalid birth date, sex,
 * phone or email is dropped from the row with a note.
 */
export function checkMemberRow(fields: readonly string[], identityKey: Buffer): MemberRowCheck {
  const [
    ,
    rawNik = '',
    rawKpj = '',
    rawName = '',
    rawBirth = '',
    rawSex = '',
    rawMother = '',
    rawPhone = '',
    rawEmail = '',
  ] = fields;
  const reasons: string[] = [];
  const kpj = parseKpj(rawKpj);
  if (rawKpj.trim() === '') reasons.push('KPJ missing');
  else if (!kpj.ok) reasons.push('KPJ is not 11 digits');
  const fullName = squeeze(rawName).toUpperCase();
  if (fullName === '') reasons.push('full name missing');
  if (fullName.length > 200) reasons.push('full name longer than 200 characters');
  if (reasons.length > 0 || !kpj.ok) return { ok: false, reasons };

  const notes: string[] = [];
  const birthText = rawBirth.trim();
  const birthDate = birthText !== '' && parseIsoDate(birthText) ? birthText : null;
  if (birthText !== '' && !birthDate) notes.push('birth date dropped (not a real YYYY-MM-DD date)');
  const sexValue = sexOf(rawSex);
  const sex = sexValue === 'invalid' ? null : sexValue;
  if (sexValue === 'invalid') notes.push('sex dropped (not L or P)');

  let nik: string | null = null;
  if (rawNik.trim() === '') notes.push(`${NIK_NEEDS_CORRECTION}: empty`);
  else {
    const parsed = parseNik(rawNik);
    if (!parsed.ok) notes.push(`${NIK_NEEDS_CORRECTION}: ${NIK_PROBLEMS[parsed.error]}`);
    else {
      const agrees = birthDate && sex ? nikAgreesWithRecord(parsed.value, { birthDate, sex }) : null;
      if (agrees && !agrees.ok) notes.push(`${NIK_NEEDS_CORRECTION}: ${NIK_PROBLEMS[agrees.error]}`);
      else nik = parsed.value.nik;
    }
  }

  let phone: string | null = null;
  if (rawPhone.trim() !== '') {
    const normalized = normalizePhone(rawPhone);
    if (normalized.ok) phone = normalized.value;
    else notes.push('phone dropped (not an Indonesian mobile number)');
  }
  let email: string | null = null;
  if (rawEmail.trim() !== '') {
    const normalized = normalizeEmail(rawEmail);
    if (normalized.ok) email = normalized.value;
    else notes.push('email dropped (not a valid address)');
  }
  return {
    ok: true,
    row: {
      nik,
      kpj: kpj.value,
      fullName,
      birthDate,
      sex,
      motherNameDigest: motherNameDigest(identityKey, rawMother.slice(0, 200)),
      phone,
      email,
      notes,
    },
  };
}
