import type { Locale } from '@pulih/ui/messages';

/** A date (and, if asked, time) from the API in the member's language; null for a missing or unreadable value. */
export function formatInstant(iso: string | null, language: Locale, withTime = false): string | null {
  if (iso === null) return null;
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return null;
  return new Intl.DateTimeFormat(language === 'id' ? 'id-ID' : 'en-GB', {
    dateStyle: 'long',
    ...(withTime ? { timeStyle: 'short' } : {}),
  }).format(date);
}
