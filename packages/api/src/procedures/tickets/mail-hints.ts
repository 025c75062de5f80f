import { maskNik, maskPhone, normalizePhone } from '@pulih/domain';

export interface MailHints {
  /** 11-digit runs, as written. */
  readonly kpjNumbers: readonly string[];
  /** 16-digit runs, masked: a full NIK never leaves the API. */
  readonly nikMasked: readonly string[];
  /** Mobile numbers in E.164; callers mask them before showing. */
  readonly phones: readonly string[];
  /** The name after "Nama:", "Nama lengkap:" or "Name:", if the sender wrote one. */
  readonly fullName: string | null;
}

const unique = <T>(values: T[]): T[] => [...new Set(values)];

/**
 * What the sender wrote about themselves, read from the mail text: KPJ numbers, NIK-like
 * numbers, mobile numbers and a name line. Hints only; `tickets.verify` compares them with
 * the registry.
 */
export function extractMailHints(text: string): MailHints {
  const runs = (digits: number) =>
    [...text.matchAll(new RegExp(`(?<![\\d+])\\d{${digits}}(?!\\d)`, 'g'))].map((match) => match[0]);
  // An 11-digit run starting 08 is a mobile number, not a KPJ.
  const kpjNumbers = unique(runs(11).filter((run) => !run.startsWith('08')));
  const nikMasked = unique(runs(16).map(maskNik));
  const phones = unique(
    [...text.matchAll(/(?:\+62|(?<!\d)62|(?<!\d)0)[\s.-]?8[\d\s().-]{7,16}\d/g)].flatMap((match) => {
      const phone = normalizePhone(match[0]);
      return phone.ok ? [phone.value] : [];
    }),
  );
  const nameLine = /^[ \t>*]*(?:nama lengkap|nama|full name|name)[ \t]*[:=][ \t]*(.+)$/im.exec(text);
  const fullName = nameLine?.[1]?.trim().slice(0, 120) || null;
  return { kpjNumbers, nikMasked, phones, fullName };
}

/** The mail text as staff see it: every 16-digit run (a NIK) masked. */
export const maskNikRuns = (text: string): string => text.replace(/(?<!\d)\d{16}(?!\d)/g, (run) => maskNik(run));

export const maskedPhones = (hints: MailHints): string[] => hints.phones.map(maskPhone);
